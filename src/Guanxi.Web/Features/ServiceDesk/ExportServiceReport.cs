using System.Globalization;
using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Files;

namespace Guanxi.Web.Features.ServiceDesk;

public sealed record ServiceReportFile(Stream Content, string Name);

/// <summary>SVC-9: the 服务分析 report as .xlsx, one sheet per section, numbers as numbers — exactly what the reader reads on the page.</summary>
public sealed class ExportServiceReport(ServiceReport report)
{
    public async Task<Result<ServiceReportFile>> Handle(DateOnly? from, DateOnly? to, bool english, CancellationToken cancellationToken = default)
    {
        var made = await report.Handle(from, to, cancellationToken);
        if (!made.Succeeded)
            return Result<ServiceReportFile>.Fail(made.Errors);
        var r = made.Value!;
        string T(string zh, string en) => english ? en : zh;
        IReadOnlyList<string> sliceHeaders = [T("项目", "Item"), T("投诉数", "Complaints"), T("占比 %", "Share %"), T("响应达标率 %", "Response met %"),
            T("解决达标率 %", "Resolution met %"), T("平均解决工时", "Mean resolution (working h)"), T("重新打开", "Reopened")];
        IEnumerable<IReadOnlyList<object?>> Slices(IEnumerable<ServiceSlice> slices) =>
            slices.Select(s => (IReadOnlyList<object?>)[s.Name, s.Complaints, s.Share, s.ResponseMetRate, s.ResolutionMetRate, s.AverageResolutionHours, s.Reopened]);
        IReadOnlyList<string> scoreHeaders = [T("分组", "Group"), T("问卷数", "Responses"), T("有效问卷", "Completed"), T("满意度指数", "Index"), T("满意率 %", "Satisfied %"), "NPS", T("隐性问题", "Hidden problems")];
        IEnumerable<IReadOnlyList<object?>> Scores(IEnumerable<FeedbackScore> scores) =>
            scores.Select(s => (IReadOnlyList<object?>)[s.Name, s.Responses, s.Completed, s.Index, s.SatisfiedRate, s.Nps, s.HiddenProblems]);
        IReadOnlyList<string> contactHeaders = [T("分组", "Group"), T("联系次数", "Contacts"), T("客户来电/来访", "Inbound"), T("主动联系", "Outbound")];
        IEnumerable<IReadOnlyList<object?>> Contacts(IEnumerable<ContactSlice> slices) =>
            slices.Select(s => (IReadOnlyList<object?>)[s.Name, s.Contacts, s.Inbound, s.Outbound]);
        var sheets = new List<(string, IReadOnlyList<string>, IEnumerable<IReadOnlyList<object?>>)>
        {
            (T("概览", "Overview"), [T("项目", "Item"), T("数值", "Value")],
            [
                [T("期间", "Period"), $"{r.From:yyyy-MM-dd} – {r.To:yyyy-MM-dd}"],
                [T("范围", "Scope"), r.Department ?? T("全公司", "Whole company")],
                [T("投诉数", "Complaints"), r.Complaints],
                [T("未解决", "Still open"), r.Open],
                [T("响应达标率 %", "Response met %"), r.Response.MetRate],
                [T("平均响应工时", "Mean response (working h)"), r.Response.AverageHours],
                [T("响应工时 P90", "Response p90 (working h)"), r.Response.P90Hours],
                [T("解决达标率 %", "Resolution met %"), r.Resolution.MetRate],
                [T("平均解决工时", "Mean resolution (working h)"), r.Resolution.AverageHours],
                [T("解决工时 P90", "Resolution p90 (working h)"), r.Resolution.P90Hours],
                [T("重新打开", "Reopened"), r.Reopened],
                [T("重开率 %", "Reopen rate %"), r.ReopenRate],
                [T("结案回访：满意", "Closing check: satisfied"), r.Satisfaction.Satisfied],
                [T("结案回访：不满意", "Closing check: not satisfied"), r.Satisfaction.Dissatisfied],
                [T("结案回访：未联系上", "Closing check: not reached"), r.Satisfaction.NotReached],
                [T("结案满意率 %", "Satisfied at closing %"), r.Satisfaction.SatisfiedRate],
                [T("解决后回访：请求", "Checks after resolution: requested"), r.ResolutionChecks.Requested],
                [T("解决后回访：已回访", "Checks after resolution: answered"), r.ResolutionChecks.Answered],
                [T("解决后回访：无效", "Checks after resolution: invalid"), r.ResolutionChecks.Invalid],
                [T("解决后回访：待回访", "Checks after resolution: pending"), r.ResolutionChecks.Pending],
                [T("解决后回访：满意", "Checks after resolution: satisfied"), r.ResolutionChecks.Satisfied],
                [T("解决后回访：不满意", "Checks after resolution: not satisfied"), r.ResolutionChecks.NotSatisfied],
                [T("解决后回访满意率 %", "Satisfied after resolution %"), r.ResolutionChecks.SatisfiedRate],
                [T("解决后回访平均分（0–100）", "Checks' average score (0–100)"), r.ResolutionChecks.AverageScore],
            ]),
            (T("投诉类别", "Categories"), sliceHeaders, Slices(r.ByCategory)),
            (T("严重程度", "Severity"), sliceHeaders, Slices(r.BySeverity)),
            (T("触点", "Touchpoints"), sliceHeaders, Slices(r.ByTouchpoint)),
            (T("渠道", "Channels"), sliceHeaders, Slices(r.ByChannel)),
            (T("客户等级", "Tiers"), sliceHeaders, Slices(r.ByTier)),
            (T("部门", "Departments"), sliceHeaders, Slices(r.ByDepartment)),
            (T("月度趋势", "Months"), [T("月份", "Month"), T("投诉数", "Complaints"), T("已解决", "Resolved"), T("响应达标率 %", "Response met %"), T("解决达标率 %", "Resolution met %"), T("重新打开", "Reopened")],
                r.ByMonth.Select(m => (IReadOnlyList<object?>)[m.Month, m.Complaints, m.Resolved, m.ResponseMetRate, m.ResolutionMetRate, m.Reopened])),
            (T("重复投诉客户", "Repeat complainers"), [T("客户", "Customer"), T("投诉数", "Complaints")],
                r.RepeatComplainers.Select(c => (IReadOnlyList<object?>)[c.Name, c.Complaints])),
            (T("联系记录-触点", "Contacts by touchpoint"), contactHeaders, Contacts(r.Contacts.ByTouchpoint)),
            (T("联系记录-渠道", "Contacts by channel"), contactHeaders, Contacts(r.Contacts.ByChannel)),
            (T("满意度调查", "Surveys"), scoreHeaders, Scores(r.Surveys.ByTouchpoint.Concat(r.Surveys.ByProgram))),
            (T("调查方式", "Survey methods"), scoreHeaders, Scores(r.Surveys.ByMethod)),
        };
        var file = new MemoryStream();
        await SpreadsheetWriter.WriteSheetsAsync(file, sheets, cancellationToken);
        file.Position = 0;
        return new ServiceReportFile(file, FileName(r.From, r.To, english));
    }

    public static string FileName(DateOnly from, DateOnly to, bool english) => english
        ? $"Service report {from.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{to.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx"
        : $"服务分析_{from.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{to.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx";
}
