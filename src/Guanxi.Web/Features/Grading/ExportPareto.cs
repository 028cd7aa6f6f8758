using Guanxi.Domain.Common;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Files;

namespace Guanxi.Web.Features.Grading;

/// <summary>GRD-4: one segment of the 80/20 report as .xlsx (names and figures, no personal fields), logged as an export (ARC-9).</summary>
public sealed class ExportPareto(ParetoReport report, PersonalDataLog log, CustomerViewers viewers)
{
    public async Task<Result<Stream>> Handle(DateOnly? from, DateOnly? to, ParetoSegment segment, bool english, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !Domain.Customers.CustomerAccess.CanExport(viewer))
            return CustomerWebErrors.ExportNotAllowed;
        var rows = await report.Rows(from, to, segment, 0, int.MaxValue, cancellationToken);
        if (!rows.Succeeded)
            return Result<Stream>.Fail([.. rows.Errors]);
        string[] headers = english
            ? ["Rank", "Customer", "Owner", "Tier", "Orders", "Amount", "Profit", "Cost to serve", "Profit after cost"]
            : ["排名", "客户", "负责人", "级别", "订单数", "金额", "利润", "服务成本", "扣除服务成本后利润"];
        var file = new MemoryStream();
        await SpreadsheetWriter.WriteAsync(file, "xlsx", headers, rows.Value!.Items.Select(r => (IReadOnlyList<object?>)   // numbers as numbers
        [
            r.Rank, r.Name, r.Owner, english ? r.Tier.ToString() : Domain.Grading.Tiers.Chinese(r.Tier),
            r.Orders, r.Amount, r.Profit, r.CostToServe, r.ProfitAfterCost,
        ]), cancellationToken);
        file.Position = 0;
        await log.RecordAsync(PersonalDataAccessKind.Export, null, rows.Value!.Items.Count, $"pareto {segment} {from:yyyy-MM-dd}..{to:yyyy-MM-dd}", cancellationToken);
        return file;
    }

    /// <summary>二八分析_前20%_20261207.xlsx, as a person saves it.</summary>
    public static string FileName(ParetoSegment segment, DateOnly today, bool english) => english
        ? $"80-20 {segment.ToString().ToLowerInvariant()} {today:yyyyMMdd}.xlsx"
        : $"二八分析_{segment switch { ParetoSegment.Top => "前20%", ParetoSegment.Middle => "中间60%", _ => "后20%待调整" }}_{today:yyyyMMdd}.xlsx";
}
