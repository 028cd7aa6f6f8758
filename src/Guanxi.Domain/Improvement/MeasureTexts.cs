namespace Guanxi.Domain.Improvement;

/// <summary>The tracking sheet's words in Chinese and English.</summary>
public static class MeasureTexts
{
    public static string Status(MeasureStatus status, bool english) => status switch
    {
        MeasureStatus.Reported => english ? "Reported to the VP" : "已上报",
        MeasureStatus.OpinionGiven => english ? "Awaiting signature" : "待签收",
        MeasureStatus.Signed => english ? "Awaiting plan" : "待定方案",
        MeasureStatus.Planned => english ? "Planned" : "已定方案",
        MeasureStatus.InProgress => english ? "In progress" : "整改中",
        MeasureStatus.AwaitingAcceptance => english ? "Awaiting acceptance" : "待验收",
        MeasureStatus.Closed => english ? "Accepted and closed" : "已验收关闭",
        MeasureStatus.Reopened => english ? "Reopened" : "重新分析",
        _ => status.ToString(),
    };

    public static string Source(MeasureSourceKind kind, bool english) => kind switch
    {
        MeasureSourceKind.SurveyProblem => english ? "Survey problem" : "满意度调查问题",
        MeasureSourceKind.Complaint => english ? "Complaint" : "投诉",
        MeasureSourceKind.CrisisWarning => english ? "Crisis warning" : "危机预警",
        MeasureSourceKind.InspectionFinding => english ? "Inspection finding" : "专项检查问题",
        MeasureSourceKind.Manual => english ? "Raised by hand" : "手工提出",
        _ => kind.ToString(),
    };

    public static string Category(CauseCategory category, bool english) => category switch
    {
        CauseCategory.People => english ? "People" : "人",
        CauseCategory.Machine => english ? "Machine" : "机",
        CauseCategory.Material => english ? "Material" : "料",
        CauseCategory.Method => english ? "Method" : "法",
        CauseCategory.Environment => english ? "Environment" : "环",
        CauseCategory.Measurement => english ? "Measurement" : "测",
        CauseCategory.Other => english ? "Other" : "其他",
        _ => category.ToString(),
    };

    public static string Party(AcceptanceParty party, bool english) => party switch
    {
        AcceptanceParty.ExecutiveVp => english ? "Executive VP" : "执行副总经理",
        AcceptanceParty.CustomerService => english ? "Customer service" : "客服部",
        AcceptanceParty.Department => english ? "Responsible department" : "责任部门",
        _ => party.ToString(),
    };

    public static string Step(MeasureStepKind kind, bool english) => kind switch
    {
        MeasureStepKind.Reported => english ? "Reported" : "上报",
        MeasureStepKind.Opinion => english ? "VP's opinion" : "执行副总意见",
        MeasureStepKind.Signed => english ? "Signed for" : "部门签收",
        MeasureStepKind.Analysed => english ? "Cause analysed" : "原因分析",
        MeasureStepKind.Contained => english ? "Containment" : "应急措施",
        MeasureStepKind.Planned => english ? "Plan set" : "制定方案",
        MeasureStepKind.PlanLate => english ? "Plan late" : "方案逾期",
        MeasureStepKind.PlanChanged => english ? "Plan changed" : "计划变更",
        MeasureStepKind.DeadlineCorrected => english ? "Deadline corrected" : "期限修正",
        MeasureStepKind.Involved => english ? "Department involved" : "请求协同",
        MeasureStepKind.CoordinationConfirmed => english ? "Part confirmed" : "确认协同",
        MeasureStepKind.CoordinationEscalated => english ? "Coordination escalated" : "协同上报",
        MeasureStepKind.Inspected => english ? "Inspected" : "检查",
        MeasureStepKind.ActionDone => english ? "Action done" : "行动完成",
        MeasureStepKind.Accepted => english ? "Accepted" : "验收通过",
        MeasureStepKind.NotAccepted => english ? "Not accepted" : "验收不通过",
        MeasureStepKind.Closed => english ? "Closed" : "关闭",
        MeasureStepKind.Reopened => english ? "Reopened" : "重新打开",
        MeasureStepKind.PenaltyProposed => english ? "Penalty proposed" : "处罚意见",
        MeasureStepKind.MetricSet => english ? "Figure to watch set" : "设定效果指标",
        _ => kind.ToString(),
    };
}
