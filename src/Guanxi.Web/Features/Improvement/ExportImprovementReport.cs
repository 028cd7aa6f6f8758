using System.Globalization;
using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Shared.Files;

namespace Guanxi.Web.Features.Improvement;

public sealed record ImprovementReportFile(Stream Content, string Name);

/// <summary>
/// Issue 24 item 9: the monthly improvement report as .xlsx — an overview, the departments' table and the 12 months of the
/// chart, one sheet each, numbers as numbers; the same rights and month as the page. Counts only (no customer, no person),
/// so, as the service and satisfaction reports' exports, it is not a personal-data export to log.
/// </summary>
public sealed class ExportImprovementReport(ImprovementReport report)
{
    public async Task<Result<ImprovementReportFile>> Handle(string? month, bool english, CancellationToken cancellationToken = default)
    {
        var made = await report.Handle(month, cancellationToken);
        if (!made.Succeeded)
            return Result<ImprovementReportFile>.Fail(made.Errors);
        var r = made.Value!;
        string T(string zh, string en) => english ? en : zh;
        static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        IReadOnlyList<string> headers = [T("部门", "Department"), T("新提出", "Raised"),
            .. Enum.GetValues<MeasureSourceKind>().Select(k => T("来源：", "From: ") + MeasureTexts.Source(k, english)),
            T("方案按时", "Planned on time"), T("方案逾期", "Planned late"), T("逾期未定方案", "Plan missing"),
            T("验收关闭", "Closed"), T("按期完成", "Done by the deadline"), T("逾期完成", "Done late"),
            T("设效果指标", "With a figure to watch"), T("一次验收通过", "Accepted at the first round"), T("重新分析后通过", "Accepted after reopening"),
            T("验收不通过", "Not accepted"), T("重新分析", "Reopened"), T("处罚意见", "Penalties proposed"), T("月末未关闭", "Open at month end"), T("月末逾期", "Overdue at month end")];
        static IReadOnlyList<object?> Row(MeasureReportRow d) =>
        [
            d.Department, d.Raised, d.BySource.SurveyProblem, d.BySource.Complaint, d.BySource.CrisisWarning, d.BySource.InspectionFinding, d.BySource.Manual,
            d.PlannedOnTime, d.PlannedLate, d.PlanMissing, d.Closed, d.ClosedOnTime, d.ClosedLate, d.ClosedWithMetric, d.ClosedFirstRound, d.ClosedAfterReopening,
            d.NotAccepted, d.Reopened, d.Penalties, d.OpenAtEnd, d.OverdueAtEnd,
        ];
        var sheets = new List<(string, IReadOnlyList<string>, IEnumerable<IReadOnlyList<object?>>)>
        {
            (T("概览", "Overview"), [T("项目", "Item"), T("数值", "Value")],
            [
                [T("月份", "Month"), r.Month],
                [T("期间", "Period"), $"{Day(r.From)} – {Day(r.To)}"],
                [T("月末数统计至", "Month-end figures as of"), Day(r.AsOf)],
                [T("范围", "Scope"), r.Department ?? T("全公司", "Whole company")],
                [T("新提出", "Raised"), r.Total.Raised],
                [T("验收关闭", "Closed"), r.Total.Closed],
                [T("月末未关闭", "Open at month end"), r.Total.OpenAtEnd],
                [T("月末逾期", "Overdue at month end"), r.Total.OverdueAtEnd],
                [T("处罚意见", "Penalties proposed"), r.Total.Penalties],
            ]),
            (T("部门", "Departments"), headers, [.. r.Departments.Select(Row), Row(r.Total)]),
            (T("近12个月", "12 months"), [T("月份", "Month"), T("新提出", "Raised"), T("验收关闭", "Closed"), T("月末逾期", "Overdue at month end")],
                r.Months.Select(m => (IReadOnlyList<object?>)[m.Month, m.Raised, m.Closed, m.OverdueAtEnd])),
        };
        var file = new MemoryStream();
        await SpreadsheetWriter.WriteSheetsAsync(file, sheets, cancellationToken);
        file.Position = 0;
        return new ImprovementReportFile(file, FileName(r.Month, english));
    }

    /// <summary>改进报告_2026年11月.xlsx, as a person keeps it.</summary>
    public static string FileName(string month, bool english)
    {
        ArgumentNullException.ThrowIfNull(month);
        return english ? $"Improvement report {month}.xlsx" : $"改进报告_{month[..4]}年{int.Parse(month[5..], CultureInfo.InvariantCulture)}月.xlsx";
    }
}
