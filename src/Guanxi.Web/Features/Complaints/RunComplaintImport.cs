using System.Text.Json;
using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// SVC-2: complaints and inquiries received elsewhere — a hotline vendor's list, the 12315 platform's, a branch's
/// spreadsheet — imported from .xlsx or .csv through the import pipeline (kind=complaints), one complaint per row: the
/// customer by customer number (客户编号) or mobile, the time received (受理时间; the import's time when empty), channel,
/// category, severity, touchpoint, summary, details and optionally an order number of that customer. Each row is received
/// exactly as <c>POST /api/complaints</c> receives one (<see cref="ComplaintReception"/>): the customer and the order in the
/// importer's sight — a customer or order out of sight is refused with the same reason as an unknown one —, the same
/// checks, the times from the customer's tier counted in working time from the time received, the received step by the
/// importer at that time (its note names the file and row). A commit writes nothing when rows were rejected, unless the user
/// chose to import only the valid ones, and writes all the rest in one transaction.
/// A complaint is not received twice: its natural key is the customer, the time received and the summary. A row whose key
/// is an earlier row's of the file, or a complaint's already recorded (by an earlier import, or by hand), is skipped with a
/// warning; for a row without a time, the key's time is the day of the import (the same file imported twice on one day
/// creates nothing new).
/// </summary>
public sealed class RunComplaintImport(GuanxiDbContext db, ComplaintDesk desk, ComplaintReception reception, FindDuplicates duplicates, EnterpriseClock clock, TimeProvider time)
{
    public const string Kind = StartImport.Complaints;

    private sealed record Candidate(Guid Id, Guid DepartmentId);

    /// <summary>Runs as the user who uploaded the file: they must record complaints still when it runs, or nothing is written.</summary>
    public async Task<IReadOnlyList<ImportError>> Handle(ImportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var english = await ImportStaff.English(db, job.UserId, cancellationToken);
        if (await desk.Caller(cancellationToken) is not { } viewer || !ComplaintAccess.Records(viewer))
        {
            job.Message = ComplaintErrors.NotRecorder.MessageFor(english);
            return [];
        }
        var categories = await reception.Categories(cancellationToken);
        var (now, by) = (time.GetUtcNow(), Actor.Staff(viewer.UserId, ActorCause.Import));
        var importedAt = job.CreatedAt;
        var earliest = clock.StartOf(new DateOnly(clock.Today.Year - CalendarSettings.YearsAround, 1, 1));
        var errors = new List<ImportError>();
        var planned = new List<Complaint>();
        var seen = new Dictionary<(Guid Customer, DateTimeOffset? At, string Summary), int>();

        List<ComplaintFileRow> rows;
        ComplaintRowReader reader;
        await using (var file = File.OpenRead(job.StoredPath))
        {
            var table = TabularReader.Read(file, job.FileName, TextEncodings.Find(job.Encoding));
            var fields = job.Mapping is { } saved ? JsonSerializer.Deserialize<string[]>(saved)! : ComplaintRowReader.Guess(table.Headers);
            reader = new ComplaintRowReader(table.Headers, fields, categories, clock.Zone);
            string[] required = [ComplaintRowReader.Channel, ComplaintRowReader.Category, ComplaintRowReader.Severity, ComplaintRowReader.Touchpoint, ComplaintRowReader.Summary];
            var missing = required.Where(f => !reader.Has(f)).Select(f => ComplaintRowReader.Label(f, english)).ToList();
            if (!reader.Has(ComplaintRowReader.Customer) && !reader.Has(ComplaintRowReader.Mobile))
                missing.Insert(0, english ? "Customer number or Mobile" : "客户编号或手机");
            if (fields.Length != table.Headers.Count)
            {
                job.Message = english
                    ? $"The mapping names {fields.Length} columns; the file has {table.Headers.Count}."
                    : $"列的对应关系有 {fields.Length} 项，文件却有 {table.Headers.Count} 列。";
                return errors;
            }
            if (missing.Count > 0)
            {
                job.Message = english
                    ? $"The file needs these columns: {string.Join(", ", missing)} (a complaint file has the customer's number or mobile, channel, category, severity, touchpoint and summary)."
                    : $"文件缺少这些列：{string.Join("、", missing)}（投诉文件须有客户编号或手机、渠道、类别、严重程度、触点和摘要）。";
                return errors;
            }
            rows = [.. table.Rows.Select(reader.Read)];
        }
        job.Total = rows.Count;
        var (byNumber, byMobile) = await Candidates(rows, viewer, cancellationToken);

        foreach (var row in rows)
        {
            job.Processed++;
            var rowErrors = new List<ImportError>();
            var failed = new HashSet<string>();
            void Fail(string field, string zh, string en)
            {
                if (failed.Add(field))
                    rowErrors.Add(new ImportError(row.Row, reader.Column(field, english), english ? en : zh));
            }
            foreach (var e in row.Errors)
                Fail(e.Field, e.Message, e.MessageEn);

            var customerField = row.Customer is not null ? ComplaintRowReader.Customer : ComplaintRowReader.Mobile;
            var customer = Guid.Empty;
            if ((row.Customer ?? row.Mobile) is { } written)
            {
                var found = Find(row, byNumber, byMobile);
                if (found.Count == 1)
                    customer = found[0];
                else if (found.Count > 1)   // only customers in sight are counted: nothing is said of others
                    Fail(customerField, $"“{ComplaintRowReader.Quote(written)}”对应多位客户，请写客户编号", $"'{ComplaintRowReader.Quote(written)}' is several customers': write the customer number");
                else
                    UnknownCustomer(written);
            }
            var at = row.ReceivedAt ?? importedAt;
            if (at > now)
                Fail(ComplaintRowReader.ReceivedAt, "受理时间不能晚于现在", "The time received cannot be in the future");
            else if (at < earliest)
                Fail(ComplaintRowReader.ReceivedAt, $"受理时间不能早于 {earliest.Year}年1月1日（工作日历从这一年算起）",
                    $"The time received cannot be before 1 Jan {earliest.Year} (where the working calendar starts)");
            Guid? order = null;
            if (row.OrderNo is { } number && customer != Guid.Empty)   // not found: an id no order has, refused by the reception as the API refuses it
                order = number.Length > Order.MaxNumberLength ? Guid.Empty
                    : await db.Set<Order>().AsNoTracking().Where(o => o.CustomerId == customer && o.ExternalNo == number)
                        .OrderByDescending(o => o.OrderedAt).Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);

            var body = new ComplaintBody(customer, row.Channel, row.Category, row.Severity, row.Touchpoint, row.Summary, row.Details, order);
            var received = await reception.Receive(viewer, body, by, at, $"{job.FileName} #{row.Row}", cancellationToken);
            if (received.Errors.Contains(ComplaintErrors.CustomerUnknown))
            {
                // Out of sight since the file was read: said as of an unknown customer, with the row's other reasons as for one.
                UnknownCustomer(row.Customer ?? row.Mobile ?? "");
                received = await reception.Receive(viewer, body with { CustomerId = Guid.Empty, OrderId = null }, by, at, null, cancellationToken);
            }
            foreach (var e in received.Errors)
            {
                var field = e.Field switch
                {
                    "customerId" => customerField,
                    "orderId" => ComplaintRowReader.OrderNo,
                    "channel" or "category" or "severity" or "touchpoint" or "details" => e.Field,
                    _ => ComplaintRowReader.Summary,
                };
                Fail(field, e.Message, e.MessageEn);
            }
            if (rowErrors.Count > 0 || received.Value is not { } complaint)
            {
                job.Rejected++;
                if (errors.Count < ImportJob.MaxStoredErrors)
                    errors.AddRange(rowErrors);
                continue;
            }

            var key = (complaint.CustomerId, row.ReceivedAt is null ? (DateTimeOffset?)null : complaint.ReceivedAt, complaint.Summary);
            if (seen.TryGetValue(key, out var first))
            {
                Warn(english ? $"The same complaint as row {first} (customer, time received and summary): imported once" : $"与第 {first} 行是同一投诉（客户、受理时间和摘要相同），只导入一次");
                continue;
            }
            seen[key] = row.Row;
            if (await Recorded(complaint, row.ReceivedAt is null, cancellationToken))
            {
                Warn(english ? "This complaint is recorded already (the same customer, time received and summary): not imported again" : "此投诉已登记过（客户、受理时间和摘要相同），不再重复导入");
                continue;
            }
            planned.Add(complaint);

            void Warn(string message)
            {
                if (errors.Count < ImportJob.MaxStoredErrors)
                    errors.Add(new ImportError(row.Row, reader.Column(ComplaintRowReader.Summary, english), message, Warning: true));
            }
            void UnknownCustomer(string text) => Fail(customerField, $"没有客户编号或手机为“{ComplaintRowReader.Quote(text)}”的客户",
                $"No customer has the number or mobile '{ComplaintRowReader.Quote(text)}'");
        }

        job.Created = planned.Count;
        if (job.Mode == ImportMode.DryRun)
            return errors;
        if (job.Rejected > 0 && !job.OnlyValid)
        {
            job.Message = english
                ? $"{job.Rejected} rows have errors; nothing was imported. Correct them and import again, or choose to import only the {planned.Count} valid complaints."
                : $"有 {job.Rejected} 行有错误，未导入任何数据。请改正后重新导入，或选择“只导入正确的 {planned.Count} 条投诉”。";
            job.Created = 0;
            return errors;
        }
        foreach (var complaint in planned)
        {
            db.Add(complaint);
            db.AddRange(complaint.TakeNewSteps());
        }
        await db.SaveChangesAsync(cancellationToken);   // one transaction: every complaint of the file, or none
        return errors;
    }

    /// <summary>The customers in the importer's sight a row names: by customer number (a merged one's survivor), else by mobile.</summary>
    private static List<Guid> Find(ComplaintFileRow row, Dictionary<string, List<Candidate>> byNumber, Dictionary<string, List<Candidate>> byMobile)
    {
        if (row.Customer is { } number && byNumber.TryGetValue(number, out var numbered) && numbered.Count > 0)
            return [.. numbered.Select(c => c.Id)];
        foreach (var phone in new[] { row.Customer, row.Mobile })
        {
            if (MobileKey(phone) is { } key && byMobile.TryGetValue(key, out var holders) && holders.Count > 0)
                return [.. holders.Select(c => c.Id)];
        }
        return [];
    }

    private static string? MobileKey(string? written) => CustomerInput.ToE164(written) is { } e164 ? CustomerKeys.MobileKey(e164) : null;

    /// <summary>
    /// Every customer the file's numbers and mobiles name, kept only when in the importer's sight — the one rule the
    /// reception applies again — so that a customer out of sight reads exactly as an unknown one, ambiguity included.
    /// </summary>
    private async Task<(Dictionary<string, List<Candidate>> ByNumber, Dictionary<string, List<Candidate>> ByMobile)> Candidates(
        IReadOnlyList<ComplaintFileRow> rows, Viewer viewer, CancellationToken cancellationToken)
    {
        var byNumber = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.Customer).OfType<string>().Where(n => n.Length <= Customer.MaxExternalNoLength).Distinct().Chunk(1000))
        {
            var found = await db.Set<Customer>().AsNoTracking().Where(c => chunk.Contains(c.ExternalNo) && c.Status != CustomerStatus.Erased)
                .Select(c => new { c.ExternalNo, c.Id, c.Status, c.MergedIntoId, c.DepartmentId }).ToListAsync(cancellationToken);
            var survivorIds = found.Where(c => c.Status == CustomerStatus.Merged).Select(c => c.MergedIntoId).OfType<Guid>().Distinct().ToList();
            var survivors = await db.Set<Customer>().AsNoTracking().Where(c => survivorIds.Contains(c.Id) && c.Status != CustomerStatus.Merged && c.Status != CustomerStatus.Erased)
                .ToDictionaryAsync(c => c.Id, c => c.DepartmentId, cancellationToken);
            foreach (var c in found)
            {
                var candidate = c.Status != CustomerStatus.Merged ? new Candidate(c.Id, c.DepartmentId)
                    : c.MergedIntoId is { } survivor && survivors.TryGetValue(survivor, out var department) ? new Candidate(survivor, department) : null;
                if (candidate is not null && CustomerAccess.CanSee(viewer, candidate.DepartmentId))
                    Add(byNumber, c.ExternalNo!, candidate);
            }
        }
        var byMobile = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var chunk in rows.SelectMany(r => new[] { MobileKey(r.Customer), MobileKey(r.Mobile) }).OfType<string>().Distinct().Chunk(1000))
        {
            foreach (var holder in await duplicates.Holders(chunk).ToListAsync(cancellationToken))
            {
                if (CustomerAccess.CanSee(viewer, holder.DepartmentId))
                    Add(byMobile, holder.Key, new Candidate(holder.Id, holder.DepartmentId));
            }
        }
        return (byNumber, byMobile);

        static void Add(Dictionary<string, List<Candidate>> map, string key, Candidate candidate)
        {
            if (!map.TryGetValue(key, out var list))
                map[key] = list = [];
            if (!list.Contains(candidate))
                list.Add(candidate);
        }
    }

    /// <summary>
    /// Whether the complaint is recorded already: the same customer and summary, received at the same second — or, for a row
    /// without a time (received at the import's), on the same day.
    /// </summary>
    private async Task<bool> Recorded(Complaint complaint, bool timeDefaulted, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(clock.ToLocal(complaint.ReceivedAt).DateTime);
        var (from, to) = timeDefaulted   // in UTC, as PostgreSQL takes instants
            ? (clock.StartOf(day).ToUniversalTime(), clock.StartOf(day.AddDays(1)).ToUniversalTime())
            : (complaint.ReceivedAt, complaint.ReceivedAt.AddSeconds(1));
        return await db.Set<Complaint>().AsNoTracking()
            .AnyAsync(c => c.CustomerId == complaint.CustomerId && c.Summary == complaint.Summary && c.ReceivedAt >= from && c.ReceivedAt < to, cancellationToken);
    }
}
