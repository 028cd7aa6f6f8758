namespace Guanxi.Domain.Surveys;

/// <summary>The procedure's words as a dealer's staff say them, in Chinese and English.</summary>
public static class SurveyTexts
{
    public static string Outcome(SurveyOutcome outcome, bool english) => outcome switch
    {
        SurveyOutcome.Pending => english ? "Pending" : "待调查",
        SurveyOutcome.Completed => english ? "Completed" : "已完成",
        SurveyOutcome.Incomplete => english ? "Invalid: incomplete" : "无效：信息不全",
        SurveyOutcome.Unreachable => english ? "Invalid: unreachable" : "无效：无法联系",
        _ => english ? "Invalid: false archive" : "无效：档案失实",
    };

    public static string Problem(SurveyProblemKind kind, bool english) => kind switch
    {
        SurveyProblemKind.LowOverall => english ? "Very low overall score" : "总体评分很低",
        _ => english ? "Same question low repeatedly" : "同一问题一周内多次低分",
    };

    public static string Level(EscalationLevel level, bool english) => level switch
    {
        EscalationLevel.CustomerServiceManager => english ? "Customer-service manager" : "客服经理",
        _ => english ? "Executive VP" : "执行副总",
    };

    public static string Kind(SurveyKind kind, bool english) => kind switch
    {
        SurveyKind.Sales => english ? "Sales" : "销售",
        SurveyKind.AfterSales => english ? "After-sales" : "售后",
        _ => english ? "Program" : "专项调查",
    };

    public static string Population(ProgramPopulation population, bool english) => population switch
    {
        ProgramPopulation.ClosedRepairJobs => english ? "Customers whose repair closed" : "维修结案客户",
        ProgramPopulation.Households => english ? "Households" : "客户家庭",
        ProgramPopulation.ChurnedCustomers => english ? "Churned customers" : "流失客户",
        ProgramPopulation.KeyCustomers => english ? "Key customers (VIP, important)" : "大客户（VIP、重要客户）",
        ProgramPopulation.ResolvedComplaints => english ? "Resolved complaints (on request)" : "投诉解决后回访（按需）",
        _ => english ? "All customers (random sample)" : "全体客户（随机抽样）",
    };

    public static string Cadence(ProgramCadence cadence, bool english) => cadence switch
    {
        ProgramCadence.Weekly => english ? "Weekly" : "每周",
        ProgramCadence.Monthly => english ? "Monthly" : "每月",
        _ => english ? "Quarterly" : "每季度",
    };

    public static string ProgramMethod(ProgramMethod method, bool english) => method switch
    {
        Surveys.ProgramMethod.Phone => english ? "Phone" : "电话回访",
        Surveys.ProgramMethod.Visit => english ? "Face to face" : "上门走访",
        Surveys.ProgramMethod.Written => english ? "Written" : "书面问卷",
        _ => english ? "Focus group" : "座谈会",
    };

    public static string Dimension(Dimension dimension, bool english) => dimension switch
    {
        Surveys.Dimension.Reliability => english ? "Reliability" : "可靠性",
        Surveys.Dimension.Responsiveness => english ? "Responsiveness" : "响应性",
        Surveys.Dimension.Assurance => english ? "Assurance" : "保证性",
        Surveys.Dimension.Empathy => english ? "Empathy" : "移情性",
        Surveys.Dimension.Tangibles => english ? "Tangibles" : "有形性",
        Surveys.Dimension.Image => english ? "Image" : "形象",
        Surveys.Dimension.Overall => english ? "Overall" : "总体满意度",
        _ => english ? "Recommendation" : "推荐意愿",
    };

    public static string Method(SurveyMethod method, bool english) => method switch
    {
        SurveyMethod.Phone => english ? "Phone" : "电话",
        SurveyMethod.OnSite => english ? "On site" : "现场",
        SurveyMethod.Mail => english ? "Mail" : "信函",
        _ => english ? "SMS link" : "短信链接",
    };

    public static string Attempt(AttemptResult result, bool english) => result switch
    {
        AttemptResult.NoAnswer => english ? "No answer" : "无人接听",
        AttemptResult.Busy => english ? "Busy" : "占线",
        AttemptResult.WrongNumber => english ? "Wrong number" : "号码错误",
        AttemptResult.Refused => english ? "Refused" : "拒访",
        _ => english ? "Call back" : "约定回电",
    };

    public static string Report(ReportKind kind, bool english) => kind switch
    {
        ReportKind.Daily => english ? "Daily analysis" : "满意度日报",
        ReportKind.Weekly => english ? "Weekly analysis" : "满意度周报",
        ReportKind.Monthly => english ? "Monthly image analysis" : "形象分析月报",
        _ => english ? "Personal analysis" : "个人分析",
    };

    /// <summary>A report's file name as a person saves it: 满意度日报_2026年11月23日.xlsx, 形象分析月报_2026年11月.xlsx, 满意度周报_2026年第47周.xlsx.</summary>
    public static string FileName(ReportPeriod period, bool english)
    {
        ArgumentNullException.ThrowIfNull(period);
        var name = Report(period.Kind, english);
        if (english)
            return $"{name} {period.Key}.xlsx";
        var when = period.Kind switch
        {
            ReportKind.Daily => $"{period.From.Year}年{period.From.Month}月{period.From.Day}日",
            ReportKind.Weekly => $"{period.Key[..4]}年第{period.Key[6..].TrimStart('0')}周",
            _ => $"{period.From.Year}年{period.From.Month}月",
        };
        return $"{name}_{when}.xlsx";
    }

    public static string Target(TargetStatus status, bool english) => status switch
    {
        TargetStatus.Target => english ? "Target met" : "达到目标值",
        TargetStatus.CompletionValue => english ? "Completion value met" : "达到完成值",
        _ => english ? "Below the completion value" : "未达完成值",
    };
}
