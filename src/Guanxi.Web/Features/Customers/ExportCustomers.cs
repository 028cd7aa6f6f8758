using System.Globalization;
using Guanxi.Domain.Common;
using System.Text.Json;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// ARC-10 export of the current filtered list to .xlsx or .csv (the caller holds the export right; ARC-9). Personal
/// fields are written as the caller may see them, cells that could run as formulas are neutralised, and the export is
/// logged with who, when, the filter and the row count. The last contact (SVC-1) is its day in the enterprise's zone,
/// written as the birthday is (yyyy-MM-dd). The file is written to a temporary file that deletes itself.
/// </summary>
public sealed class ExportCustomers(GuanxiDbContext db, CustomerViewers viewers, ListCustomers list, PersonalDataLog log, FollowUpCadence cadence, EnterpriseClock clock)
{
    public async Task<Result<ExportedCustomers>> Handle(CustomerQuery query, string format, bool english, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !CustomerAccess.CanExport(viewer))
            return CustomerWebErrors.ExportNotAllowed;
        var followUp = query.ContactOverdue ? await cadence.Today(cancellationToken) : null;
        var customers = list.Sorted(list.Filtered(query, viewer, followUp), query with { Sort = query.Sort ?? "-createdAt" })
            .Select(c => new
            {
                Customer = c,
                Owner = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Department = db.Set<Department>().Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            });
        var groups = await (from m in db.Set<CustomerGroupMember>() join g in db.Set<CustomerGroup>() on m.GroupId equals g.Id select new { m.CustomerId, g.Name })
            .ToListAsync(cancellationToken);
        var groupsOf = groups.ToLookup(g => g.CustomerId, g => g.Name);
        var rows = 0;
        IEnumerable<IReadOnlyList<string?>> Rows()
        {
            foreach (var row in customers.AsEnumerable())
            {
                rows++;
                var c = row.Customer;
                var view = CustomerView.Of(c, row.Owner ?? "", row.Department ?? "", [], CustomerAccess.SightOf(viewer, c.OwnerId, c.DepartmentId), false, false);
                var address = view.Addresses is [var first, ..] ? first : null;
                yield return
                [
                    c.Name, english ? c.Type.ToString() : c.Type == CustomerType.Person ? "个人" : "单位", c.Organization,
                    Phones(view, PhoneKind.Mobile), Phones(view, PhoneKind.Office, PhoneKind.Home), string.Join("; ", view.Emails),
                    view.WeChat, address?.Province, address?.City, address?.District, address?.Street, view.Birthday,
                    c.Gender switch { Gender.Male => english ? "Male" : "男", Gender.Female => english ? "Female" : "女", _ => null },
                    c.Industry, c.Source, string.Join("; ", groupsOf[c.Id].Order(StringComparer.Ordinal)), row.Owner, row.Department,
                    c.LastContactAt is { } contacted ? clock.ToLocal(contacted).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null, c.Background,
                ];
            }
        }

        var path = Path.Combine(Path.GetTempPath(), $"guanxi-export-{Guid.NewGuid():N}");
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await SpreadsheetWriter.WriteAsync(file, format, [.. CustomerColumns.Exported.Select(c => english ? c.En : c.Zh)], Rows(), cancellationToken);
        file.Position = 0;
        await log.RecordAsync(PersonalDataAccessKind.Export, null, rows, Filter(query, format), cancellationToken);
        return new ExportedCustomers(file, rows);
    }

    /// <summary>China's numbers read as dialled at home (13812341234); others keep their country code.</summary>
    private static string Phones(CustomerView view, params PhoneKind[] kinds) =>
        string.Join("; ", view.Phones.Where(p => kinds.Contains(p.Kind))
            .Select(p => p.Number.StartsWith("+86", StringComparison.Ordinal) ? p.Number[3..] : p.Number));

    /// <summary>The filter as the access log keeps it (in its reason column, at most 500 characters).</summary>
    private static string Filter(CustomerQuery query, string format)
    {
        var text = JsonSerializer.Serialize(new { format, query.Q, query.GroupId, query.OwnerId, query.DepartmentId, query.Type, query.Status, query.Tier, query.Stage, Credit = query.CreditNotRated ? CustomerFilter.NotRated : query.Credit?.ToString(), Contact = query.ContactOverdue ? CustomerFilter.Overdue : null, query.Sort }, FilterJson);
        return text.Length > 500 ? text[..500] : text;
    }

    private static readonly JsonSerializerOptions FilterJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}

public sealed record ExportedCustomers(Stream File, int Rows);
