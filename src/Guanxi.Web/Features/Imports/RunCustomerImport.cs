using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// A customer import (ARC-10, ARC-2), in one pass over the file: each row is read, validated with the form's rules and
/// planned — create, update an existing customer (same mobile, e-mail or name + organisation), merge into an earlier row
/// of the file, or reject with row, column and reason. A dry run stops there. A commit writes the planned rows as it
/// goes, in one transaction that it commits at the end — or rolls back, when rows were rejected and the user did not
/// choose to import only the valid ones (from the first rejected row on it only validates, to report every error). A
/// column of marketing consent (营销同意) goes into the consent ledger (SEC-1) with the file and row as evidence.
/// </summary>
public sealed class RunCustomerImport(
    GuanxiDbContext db, CustomerViewers viewers, FindDuplicates duplicates, IMarketingConsent consents, CurrentUser user, Divisions divisions, EnterpriseClock clock,
    TimeProvider time)
{
    private const int Batch = 500;

    /// <summary>Where a row goes: an earlier row of the file (its customer is in <c>idOfRow</c>) or an existing customer.</summary>
    private sealed record Target(int? Row, Guid? Existing);

    public async Task<IReadOnlyList<ImportError>> Handle(ImportJob job, CancellationToken cancellationToken)
    {
        var viewer = await viewers.Current(cancellationToken) ?? throw new InvalidOperationException("The importing user is gone.");
        var owners = await ImportStaff.ByNameOrEmail(db, activeOnly: true, cancellationToken);
        var english = await ImportStaff.English(db, viewer.UserId, cancellationToken);
        var importer = new ImportOwner(viewer.UserId, viewer.DepartmentId);
        var errors = new List<ImportError>();
        var seen = new Dictionary<string, Target>(StringComparer.Ordinal);
        var commit = job.Mode == ImportMode.Commit;
        await using var transaction = commit ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using var writer = commit ? new CustomerBulkWriter(db, user, time) : null;
        var idOfRow = new Dictionary<int, Guid>();
        var created = new List<(Customer Customer, string Source)>(Batch);
        var pending = new Dictionary<Guid, Customer>();   // created, not yet written
        var memberships = new List<(Guid Customer, IReadOnlyList<string> Groups)>();
        var words = new List<MarketingWord>();
        var groups = new Dictionary<string, Guid>(StringComparer.Ordinal);

        await using (var file = File.OpenRead(job.StoredPath))
        {
            var table = TabularReader.Read(file, job.FileName, TextEncodings.Find(job.Encoding));
            var mapping = job.Mapping is { } saved ? JsonSerializer.Deserialize<ImportField[]>(saved)! : HeaderMap.Guess(table.Headers);
            var reader = new CustomerRowReader(table.Headers, mapping, owners, importer, divisions, clock.Today, english);
            var buffer = new List<ImportedRow>(Batch);
            foreach (var row in table.Rows)
            {
                buffer.Add(reader.Read(row));
                if (buffer.Count == Batch)
                    await Plan(buffer, file, cancellationToken);
            }
            await Plan(buffer, file, cancellationToken);
        }
        job.Total = job.Processed;
        if (RollsBack())
        {
            job.Message = english
                ? $"{job.Rejected} rows have errors; nothing was imported. Correct them and import again, or choose to import only the {job.Created + job.Updated + job.Merged} valid rows."
                : $"有 {job.Rejected} 行有错误，未导入任何数据。请改正后重新导入，或选择“只导入正确的 {job.Created + job.Updated + job.Merged} 行”。";
            return errors;   // the transaction rolls back
        }
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return errors;

        async Task Plan(List<ImportedRow> buffer, Stream file, CancellationToken ct)
        {
            var keys = buffer.Where(r => r.Details is not null).SelectMany(r => CustomerKeys.DuplicateKeys(r.Details!)).Distinct().ToList();
            var found = (await duplicates.Holders(keys).ToListAsync(ct)).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First());
            foreach (var row in buffer)
            {
                job.Processed++;
                if (row.Details is null)
                {
                    Reject(row.Errors);
                    continue;
                }
                var rowKeys = CustomerKeys.DuplicateKeys(row.Details);
                var target = rowKeys.Select(seen.GetValueOrDefault).FirstOrDefault(t => t is not null);
                if (target is null && rowKeys.Select(found.GetValueOrDefault).FirstOrDefault(f => f is not null) is { } match)
                {
                    if (!CustomerAccess.CanEdit(viewer, match.OwnerId, match.DepartmentId))
                    {
                        Reject([new ImportError(row.Row, HeaderMap.Label(ImportField.Name, english), english
                            ? "A customer with the same mobile, e-mail or name in the same organisation belongs to another owner or department; ask its owner"
                            : "已有相同手机、邮箱或同单位同名的客户，属于其他负责人或部门，请联系其负责人")]);
                        continue;
                    }
                    target = new Target(null, match.Id);
                }
                Warn(row.Warnings);
                if (target is null)
                    job.Created++;
                else if (target.Existing is null)
                    job.Merged++;   // into an earlier row of the file
                else
                    job.Updated++;
                var written = await Write(row, target, ct);
                foreach (var key in rowKeys)
                    seen.TryAdd(key, target ?? new Target(row.Row, null));
                if (written is not null && row.Groups.Count > 0)
                    memberships.Add((written.Id, row.Groups));
                if (written is not null && row.Consent is { } consent)
                    words.Add(new MarketingWord(written.Id, consent.Yes, consent.No, ConsentSource.Import, $"{job.FileName} 第 {row.Row} 行"));
            }
            buffer.Clear();
            if (file.CanSeek && file.Length > 0)
                job.Total = Math.Max(job.Processed, (int)(job.Processed / Math.Max(0.01, file.Position / (double)file.Length)));
            if (writer is not null)
                await Flush(ct);
        }

        // A commit's row: a new customer (written in bulk at the end of the batch), or an update through the change tracker.
        async Task<Customer?> Write(ImportedRow row, Target? target, CancellationToken ct)
        {
            if (writer is null || RollsBack())
                return null;   // a dry run, or a commit that will roll back
            var customer = Customer.Create(row.Details!, time.GetUtcNow(), clock.Today).Value!;
            if (target is null)
            {
                created.Add((customer, $"{job.FileName} #{row.Row}"));
                pending[customer.Id] = customer;
                idOfRow[row.Row] = customer.Id;
                return customer;
            }
            var id = target.Existing ?? idOfRow[target.Row!.Value];
            var existing = pending.GetValueOrDefault(id) ?? (await db.Set<Customer>().FindAsync([id], ct))!;
            existing.Update(CustomerMerge.Compose(existing, [customer]), time.GetUtcNow(), clock.Today);
            return existing;
        }

        async Task Flush(CancellationToken ct)
        {
            await writer!.Write(created, ct);
            (created, pending) = ([], []);
            foreach (var (customerId, names) in memberships)
                await Join(customerId, names, groups, ct);
            memberships.Clear();
            await consents.Record(words, viewer.UserId, time.GetUtcNow(), ct);
            words.Clear();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        // A commit writes nothing when rows were rejected, unless the user chose to import only the valid ones.
        bool RollsBack() => commit && job.Rejected > 0 && !job.OnlyValid;

        void Warn(IReadOnlyList<ImportError>? rowWarnings)
        {
            if (rowWarnings is { Count: > 0 } && errors.Count < ImportJob.MaxStoredErrors)
                errors.AddRange(rowWarnings);
        }

        void Reject(IReadOnlyList<ImportError> rowErrors)
        {
            job.Rejected++;
            if (errors.Count < ImportJob.MaxStoredErrors)
                errors.AddRange(rowErrors);
        }
    }

    /// <summary>The row's groups (分组), made when the firm does not have them yet.</summary>
    private async Task Join(Guid customerId, IReadOnlyList<string> names, Dictionary<string, Guid> groups, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            if (!groups.TryGetValue(name, out var groupId))
            {
                groupId = await db.Set<CustomerGroup>().Where(g => g.Name == name).Select(g => g.Id).FirstOrDefaultAsync(cancellationToken);
                if (groupId == Guid.Empty && CustomerGroup.Create(name, null, user.Id!, time.GetUtcNow()) is { Succeeded: true } made)
                {
                    db.Add(made.Value!);
                    groupId = made.Value!.Id;
                }
                groups[name] = groupId;
            }
            if (groupId != Guid.Empty && !await db.Set<CustomerGroupMember>().AnyAsync(m => m.GroupId == groupId && m.CustomerId == customerId, cancellationToken)
                && !db.ChangeTracker.Entries<CustomerGroupMember>().Any(e => e.Entity.GroupId == groupId && e.Entity.CustomerId == customerId))
                db.Add(new CustomerGroupMember { GroupId = groupId, CustomerId = customerId });
        }
    }
}
