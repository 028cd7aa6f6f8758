using System.Globalization;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Stock;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Stock;

/// <summary>
/// SVC-10: distributors' stock counts imported from .xlsx or .csv (kind=stock), one product a row: the customer (its id,
/// customer number or exact name), the product, the quantity and the day counted. The columns are found by their headers
/// (客户/经销商, 产品, 数量/库存, 盘点日期 …) or the mapping given. Each row is checked as <c>POST /api/customers/{id}/stock</c>
/// checks a line: the customer must be a distributor the importer may record stock for — one out of sight reads as an
/// unknown one —, a product once per customer and day. A commit writes nothing when rows were rejected, unless the user
/// chose to import only the valid ones, and writes the rest in one transaction; a product counted again on a day corrects it.
/// </summary>
public sealed class RunStockImport(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock, TimeProvider time)
{
    public const string Kind = StartImport.Stock;
    public const string Customer = "customer";
    public const string Product = "product";
    public const string Quantity = "quantity";
    public const string CountedOn = "countedOn";
    public const string Ignore = "ignore";

    public static readonly string[] Fields = [Customer, Product, Quantity, CountedOn, Ignore];

    private static readonly Dictionary<string, string> Headers = Synonyms(new()
    {
        [Customer] = ["客户", "客户名称", "客户编号", "经销商", "经销商名称", "customer", "customer name", "customer number", "distributor"],
        [Product] = ["产品", "产品名称", "品名", "商品", "商品名称", "型号", "product", "product name", "item"],
        [Quantity] = ["数量", "库存", "库存数量", "盘点数量", "quantity", "qty", "stock"],
        [CountedOn] = ["日期", "盘点日期", "盘点时间", "date", "counted on", "count date"],
    });

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss"];

    private sealed record Row(int Number, Guid Customer, string Product, decimal Quantity, DateOnly On);

    /// <summary>Runs as the user who uploaded the file: the rights are theirs when it runs.</summary>
    public async Task<IReadOnlyList<ImportError>> Handle(ImportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var english = await ImportStaff.English(db, job.UserId, cancellationToken);
        if (await viewers.Current(cancellationToken) is not { } viewer || !Records(viewer))
        {
            job.Message = StockErrors.NotAllowed.MessageFor(english);
            return [];
        }
        var errors = new List<ImportError>();
        var rows = new List<Row>();
        var today = clock.Today;
        await using (var file = File.OpenRead(job.StoredPath))
        {
            var table = TabularReader.Read(file, job.FileName, TextEncodings.Find(job.Encoding));
            var fields = job.Mapping is { } saved ? JsonSerializer.Deserialize<string[]>(saved)! : Guess(table.Headers);
            if (fields.Length != table.Headers.Count)
            {
                job.Message = english ? $"The mapping names {fields.Length} columns; the file has {table.Headers.Count}." : $"列的对应关系有 {fields.Length} 项，文件却有 {table.Headers.Count} 列。";
                return errors;
            }
            var missing = new[] { Customer, Product, Quantity, CountedOn }.Where(f => !fields.Contains(f)).Select(f => Label(f, english)).ToList();
            if (missing.Count > 0)
            {
                job.Message = english ? $"The file needs these columns: {string.Join(", ", missing)}." : $"文件缺少这些列：{string.Join("、", missing)}。";
                return errors;
            }
            string Column(string field) => table.Headers[Array.IndexOf(fields, field)];
            var distributors = await Distributors(viewer, cancellationToken);
            var seen = new Dictionary<(Guid, string, DateOnly), int>();
            foreach (var row in table.Rows)
            {
                job.Total++;
                job.Processed++;
                string? Cell(string field) => row.Cells[Array.IndexOf(fields, field)]?.Trim() is { Length: > 0 } text ? text : null;
                var rowErrors = new List<ImportError>();
                void Fail(string field, string zh, string en) => rowErrors.Add(new ImportError(row.Number, Column(field), english ? en : zh));

                var customer = Guid.Empty;
                if (Cell(Customer) is not { } who)
                    Fail(Customer, "请填写客户（编号或名称）", "Give the customer (number or name)");
                else if (Find(distributors, who) is { Count: 1 } one)
                    customer = one[0];
                else if (Find(distributors, who).Count > 1)
                    Fail(Customer, $"“{who}”对应多位经销商，请写客户编号", $"'{who}' is several distributors': write the customer number");
                else
                    Fail(Customer, $"没有名称或编号为“{who}”、可由您记录库存的经销商", $"No distributor you record stock for has the name or number '{who}'");
                decimal? quantity = null;
                if (Cell(Quantity) is { } q && !decimal.TryParse(q, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                    Fail(Quantity, $"“{q}”不是数量", $"'{q}' is not a quantity");
                else if (Cell(Quantity) is not null)
                    quantity = decimal.Parse(Cell(Quantity)!, NumberStyles.Number, CultureInfo.InvariantCulture);
                DateOnly? on = null;
                if (Cell(CountedOn) is { } d)
                {
                    if (DateOnly.TryParseExact(d, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                        on = day;
                    else if (DateTime.TryParseExact(d, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                        on = DateOnly.FromDateTime(time);
                    else
                        Fail(CountedOn, $"“{d}”不是日期（YYYY-MM-DD）", $"'{d}' is not a date (YYYY-MM-DD)");
                }
                var product = Cell(Product);
                foreach (var e in StockCount.Validate(new StockCountInput(on, [new StockCountLine(product, quantity)]), today))
                {
                    var field = e.Field switch { "countedOn" => CountedOn, { } f when f.EndsWith(".quantity", StringComparison.Ordinal) => Quantity, _ => Product };
                    if (!rowErrors.Any(r => r.Column == Column(field)))
                        Fail(field, e.Message, e.MessageEn);
                }
                if (rowErrors.Count == 0 && seen.TryGetValue((customer, StockCount.Clean(product!).ToUpperInvariant(), on!.Value), out var first))
                    Fail(Product, $"与第 {first} 行是同一经销商同一天的同一产品", $"The same distributor, day and product as row {first}");
                if (rowErrors.Count > 0)
                {
                    job.Rejected++;
                    if (errors.Count < ImportJob.MaxStoredErrors)
                        errors.AddRange(rowErrors);
                    continue;
                }
                seen[(customer, StockCount.Clean(product!).ToUpperInvariant(), on!.Value)] = row.Number;
                rows.Add(new Row(row.Number, customer, product!, quantity!.Value, on.Value));
            }
        }
        job.Created = rows.Count;
        if (job.Mode == ImportMode.DryRun)
            return errors;
        if (job.Rejected > 0 && !job.OnlyValid)
        {
            job.Message = english
                ? $"{job.Rejected} rows have errors; nothing was imported. Correct them and import again, or choose to import only the {rows.Count} valid counts."
                : $"有 {job.Rejected} 行有错误，未导入任何数据。请改正后重新导入，或选择“只导入正确的 {rows.Count} 条库存”。";
            job.Created = 0;
            return errors;
        }
        var (by, now) = (Actor.Staff(viewer.UserId, ActorCause.Import), time.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var count in rows.GroupBy(r => (r.Customer, r.On)))
        {
            var kept = await RecordStockCount.Keep(db, count.Key.Customer, new StockCountInput(count.Key.On, [.. count.Select(r => new StockCountLine(r.Product, r.Quantity))]),
                by, StockSource.Import, now, cancellationToken);
            if (!kept.Succeeded)
            {
                job.Message = kept.Errors[0].MessageFor(english);
                job.Created = 0;
                return errors;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return errors;
    }

    /// <summary>Whether the caller records stock for some distributors: those who keep customers' records up to date.</summary>
    public static bool Records(Viewer viewer) =>
        viewer.Is(Domain.Accounts.Role.CustomerServiceManager) || viewer.Is(Domain.Accounts.Role.DepartmentManager)
        || viewer.Is(Domain.Accounts.Role.SalesConsultant) || viewer.Is(Domain.Accounts.Role.ServiceAdvisor);

    public static string Label(string field, bool english) => field switch
    {
        Customer => english ? "Customer" : "客户",
        Product => english ? "Product" : "产品",
        Quantity => english ? "Quantity" : "数量",
        CountedOn => english ? "Date counted" : "盘点日期",
        _ => english ? "Ignore" : "忽略",
    };

    /// <summary>The field of each column by its header; unknown headers are ignored.</summary>
    public static string[] Guess(IReadOnlyList<string> headers) =>
        [.. headers.Select(h => HeaderMap.KeysOf(h).Select(k => Headers.GetValueOrDefault(k)).FirstOrDefault(f => f is not null) ?? Ignore)];

    /// <summary>The active distributors the caller may record stock for, with their id, number and name.</summary>
    private async Task<List<(Guid Id, string? Number, string Name)>> Distributors(Viewer viewer, CancellationToken cancellationToken)
    {
        var department = CustomerAccess.ListedDepartment(viewer);
        var all = await db.Set<Domain.Customers.Customer>().AsNoTracking()
            .Where(c => c.TradeCustomer && c.Status == CustomerStatus.Active && (department == null || c.DepartmentId == department))
            .Select(c => new { c.Id, c.ExternalNo, c.Name, c.OwnerId, c.DepartmentId }).ToListAsync(cancellationToken);
        return [.. all.Where(c => CustomerAccess.CanEdit(viewer, c.OwnerId, c.DepartmentId)).Select(c => (c.Id, c.ExternalNo, c.Name))];
    }

    private static List<Guid> Find(List<(Guid Id, string? Number, string Name)> distributors, string written)
    {
        if (Guid.TryParse(written, out var id))
            return [.. distributors.Where(d => d.Id == id).Select(d => d.Id)];
        var numbered = distributors.Where(d => string.Equals(d.Number, written, StringComparison.OrdinalIgnoreCase)).Select(d => d.Id).ToList();
        return numbered.Count > 0 ? numbered : [.. distributors.Where(d => string.Equals(d.Name, written, StringComparison.Ordinal)).Select(d => d.Id)];
    }

    private static Dictionary<string, string> Synonyms(Dictionary<string, string[]> byField)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, names) in byField)
        {
            foreach (var name in names)
                map.TryAdd(HeaderMap.KeysOf(name)[0], field);
        }
        return map;
    }
}

/// <summary>Stock counts as a kind of import (kind=stock): started by those who record distributors' stock, run by <see cref="RunStockImport"/>.</summary>
public sealed class StockImportKind(RunStockImport run) : IImportKind
{
    public static readonly Error InvalidMapping = new("import.stock_mapping",
        $"库存文件的列对应关系无效：每列应为 {string.Join("、", RunStockImport.Fields)} 之一。",
        $"A stock file's mapping is, per column, one of {string.Join(", ", RunStockImport.Fields)}.", "mapping");

    public string Kind => RunStockImport.Kind;

    public bool Allows(Viewer viewer) => RunStockImport.Records(viewer);

    public Result<string?> Mapping(string? mapping)
    {
        if (string.IsNullOrWhiteSpace(mapping))
            return Result<string?>.Ok(null);
        try
        {
            var fields = JsonSerializer.Deserialize<string[]>(mapping) ?? [];
            if (!fields.All(f => RunStockImport.Fields.Contains(f)))
                return InvalidMapping;
            return Result<string?>.Ok(fields.Length == 0 ? null : JsonSerializer.Serialize(fields));
        }
        catch (JsonException)
        {
            return InvalidMapping;
        }
    }

    public Task<IReadOnlyList<ImportError>> Run(ImportJob job, CancellationToken cancellationToken) => run.Handle(job, cancellationToken);
}
