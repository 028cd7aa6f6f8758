using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// A customer import (ARC-10, ARC-2). The first pass reads every row, validates it with the form's rules and plans
/// it: create, update an existing customer (same mobile, e-mail or name + organisation), merge into an earlier row of
/// the file, or reject with row, column and reason. A dry run stops there. A commit writes every accepted row in one
/// transaction — or nothing, when rows were rejected and the user did not choose to import only the valid ones.
/// </summary>
public sealed class RunCustomerImport(
    GuanxiDbContext db, CustomerViewers viewers, FindDuplicates duplicates, CurrentUser user, Divisions divisions, EnterpriseClock clock, TimeProvider time)
{
    private const int Batch = 500;

    private sealed record Target(int? Row, Guid? Existing);

    public async Task<IReadOnlyList<ImportError>> Handle(ImportJob job, CancellationToken cancellationToken)
    {
        var viewer = await viewers.Current(cancellationToken) ?? throw new InvalidOperationException("The importing user is gone.");
        var owners = await Owners(cancellationToken);
        // The worker has no request: row messages are in the importing user's own language.
        var english = await db.Users.Where(u => u.Id == viewer.UserId).Select(u => u.PreferredCulture).SingleAsync(cancellationToken) == Cultures.English;
        var importer = new ImportOwner(viewer.UserId, viewer.DepartmentId);
        var errors = new List<ImportError>();
        var rejected = new HashSet<int>();
        var plan = new Dictionary<int, Target>();   // rows that update or merge; the others create
        var seen = new Dictionary<string, Target>(StringComparer.Ordinal);

        // Pass 1: read, validate, plan.
        await using (var file = File.OpenRead(job.StoredPath))
        {
            var (reader, rows) = Open(file, job, owners, importer, english);
            var buffer = new List<ImportedRow>(Batch);
            foreach (var row in rows)
            {
                buffer.Add(reader.Read(row));
                if (buffer.Count == Batch)
                    await Plan(buffer, file, cancellationToken);
            }
            await Plan(buffer, file, cancellationToken);
        }
        job.Total = job.Processed;
        if (job.Mode == ImportMode.DryRun)
            return errors;
        if (job.Rejected > 0 && !job.OnlyValid)
        {
            job.Message = english
                ? $"{job.Rejected} rows have errors; nothing was imported. Correct them and import again, or choose to import only the valid rows."
                : $"有 {job.Rejected} 行有错误，未导入任何数据。请改正后重新导入，或选择“只导入正确的行”。";
            return errors;
        }

        // Pass 2: write every accepted row, in one transaction: new customers in bulk, updates through the change tracker.
        (job.Processed, job.Created, job.Updated, job.Merged) = (0, 0, 0, 0);
        var idOfRow = new Dictionary<int, Guid>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var writer = new CustomerBulkWriter(db, user, time);
        var created = new List<(Customer Customer, string Source)>(Batch);
        var pending = new Dictionary<Guid, Customer>();   // created, not yet written
        var memberships = new List<(Guid Customer, IReadOnlyList<string> Groups)>();
        var groups = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var file = File.OpenRead(job.StoredPath))
        {
            var (reader, rows) = Open(file, job, owners, importer, english);
            foreach (var row in rows)
            {
                job.Processed++;
                if (rejected.Contains(row.Number))
                    continue;
                var read = reader.Read(row);
                var customer = Customer.Create(read.Details!, time.GetUtcNow(), clock.Today).Value!;
                if (plan.GetValueOrDefault(row.Number) is { } target)
                {
                    var id = target.Existing ?? idOfRow[target.Row!.Value];
                    var existing = pending.GetValueOrDefault(id) ?? (await db.Set<Customer>().FindAsync([id], cancellationToken))!;
                    existing.Update(CustomerMerge.Compose(existing, [customer]), time.GetUtcNow(), clock.Today);
                    customer = existing;
                    Count(target);
                }
                else
                {
                    created.Add((customer, $"{job.FileName} #{row.Number}"));
                    pending[customer.Id] = customer;
                    idOfRow[row.Number] = customer.Id;
                    job.Created++;
                }
                if (read.Groups.Count > 0)
                    memberships.Add((customer.Id, read.Groups));
                if (job.Processed % Batch == 0)
                    await Flush();
            }
        }
        await Flush();
        await transaction.CommitAsync(cancellationToken);
        return errors;

        async Task Flush()
        {
            await writer.Write(created, cancellationToken);
            (created, pending) = ([], []);
            foreach (var (customerId, names) in memberships)
                await Join(customerId, names, groups, cancellationToken);
            memberships.Clear();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

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
                if (target is null)
                {
                    target = new Target(row.Row, null);
                    job.Created++;
                }
                else
                {
                    plan[row.Row] = target;
                    Count(target);
                }
                foreach (var key in rowKeys)
                    seen.TryAdd(key, target);
            }
            buffer.Clear();
            if (file.CanSeek && file.Length > 0)
                job.Total = Math.Max(job.Processed, (int)(job.Processed / Math.Max(0.01, file.Position / (double)file.Length)));
        }

        void Count(Target target)
        {
            if (target.Existing is null)
                job.Merged++;   // into an earlier row of the file
            else
                job.Updated++;
        }

        void Reject(IReadOnlyList<ImportError> rowErrors)
        {
            job.Rejected++;
            rejected.Add(rowErrors[0].Row);
            if (errors.Count < ImportJob.MaxStoredErrors)
                errors.AddRange(rowErrors);
        }
    }

    private (CustomerRowReader Reader, IEnumerable<ImportRow> Rows) Open(Stream file, ImportJob job, IReadOnlyDictionary<string, ImportOwner> owners, ImportOwner importer, bool english)
    {
        var table = TabularReader.Read(file, job.FileName);
        var mapping = job.Mapping is { } saved ? JsonSerializer.Deserialize<ImportField[]>(saved)! : HeaderMap.Guess(table.Headers);
        return (new CustomerRowReader(table.Headers, mapping, owners, importer, divisions, clock.Today, english), table.Rows);
    }

    /// <summary>Owners by e-mail and by display name (a name two people share is left out: use the e-mail).</summary>
    private async Task<IReadOnlyDictionary<string, ImportOwner>> Owners(CancellationToken cancellationToken)
    {
        var staff = await db.Users.Where(u => u.IsActive).Select(u => new { u.Id, u.Email, u.DisplayName, u.DepartmentId }).ToListAsync(cancellationToken);
        var owners = new Dictionary<string, ImportOwner>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in staff.GroupBy(s => s.DisplayName).Where(g => g.Count() == 1).Select(g => g.Single()))
            owners[s.DisplayName] = new ImportOwner(s.Id, s.DepartmentId);
        foreach (var s in staff.Where(s => s.Email is not null))
            owners[s.Email!] = new ImportOwner(s.Id, s.DepartmentId);
        return owners;
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
