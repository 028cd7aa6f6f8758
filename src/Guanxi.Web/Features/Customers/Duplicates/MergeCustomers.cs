using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Customers;

public sealed record MergeBody(Guid SurvivorId, IReadOnlyList<Guid>? MergedIds, IReadOnlyDictionary<string, Guid>? Fields);

/// <summary>
/// ARC-2: merges duplicates into a survivor. Field by field the survivor keeps the value picked (by default its own);
/// phones, e-mails, addresses and contacts are united; every <see cref="ICustomerMergeStep"/> moves what its capability
/// attaches; the merged records stay as tombstones pointing to the survivor; the merge is in both histories. All in one
/// transaction. The caller must be allowed to edit every customer involved.
/// </summary>
public sealed class MergeCustomers(
    GuanxiDbContext db, CustomerViewers viewers, IEnumerable<ICustomerMergeStep> steps, CurrentUser user, TimeProvider time, EnterpriseClock clock)
{
    public const int MaxMerged = 20;

    /// <returns>The survivor's id; null when a customer is not found or not visible.</returns>
    public async Task<Result<Guid>> Handle(MergeBody body, CancellationToken cancellationToken = default)
    {
        var mergedIds = (body.MergedIds ?? []).Distinct().Where(id => id != body.SurvivorId).ToList();
        if (mergedIds.Count == 0 || mergedIds.Count > MaxMerged)
            return MergeErrors.ChooseMerged;
        if (body.Fields?.Keys.FirstOrDefault(f => !CustomerMerge.PickableFields.Contains(f)) is { } unknown)
            return MergeErrors.UnknownField(unknown);
        if (body.Fields?.Values.Any(id => id != body.SurvivorId && !mergedIds.Contains(id)) == true)
            return MergeErrors.PickOutside;
        var viewer = await viewers.Current(cancellationToken);
        var all = await db.Set<Customer>().Where(c => c.Id == body.SurvivorId || mergedIds.Contains(c.Id)).ToListAsync(cancellationToken);
        if (viewer is null || all.Count != mergedIds.Count + 1
            || all.Any(c => CustomerAccess.SightOf(viewer, c.OwnerId, c.DepartmentId) == CustomerSight.None))
            return CustomerWebErrors.NotFound;
        if (all.Any(c => !CustomerAccess.CanEdit(viewer, c.OwnerId, c.DepartmentId)))
            return CustomerWebErrors.NotAllowed;
        var survivor = all.Single(c => c.Id == body.SurvivorId);
        var merged = all.Where(c => c.Id != survivor.Id).OrderBy(c => mergedIds.IndexOf(c.Id)).ToList();

        var details = CustomerMerge.Compose(survivor, merged, body.Fields);
        var errors = new List<Error>();
        errors.AddRange(survivor.Update(details, time.GetUtcNow(), clock.Today).Errors);
        foreach (var customer in merged)
            errors.AddRange(customer.MergeInto(survivor).Errors);
        if (errors.Count > 0)
            return Result<Guid>.Fail([.. errors.Distinct()]);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var step in steps)
            await step.MoveAsync(mergedIds, survivor.Id, cancellationToken);
        db.Add(new CustomerMergeRecord
        {
            Id = Guid.CreateVersion7(), SurvivorId = survivor.Id, At = time.GetUtcNow(), ByUserId = user.Id,
            Merged = string.Join("; ", merged.Select(c => $"{c.Name} ({c.Id})")),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return survivor.Id;
    }
}

public static class MergeErrors
{
    public static readonly Error ChooseMerged = new("merge.choose_merged", $"请选择要合并的客户（1 到 {MergeCustomers.MaxMerged} 个，不含保留的客户）。", $"Choose 1 to {MergeCustomers.MaxMerged} customers to merge, other than the survivor.", "mergedIds");
    public static readonly Error PickOutside = new("merge.pick_outside", "只能从参与合并的客户中选取字段的值。", "Field values can only come from the customers being merged.", "fields");

    public static Error UnknownField(string field) => new("merge.unknown_field", $"不认识的字段“{field}”。", $"Unknown field '{field}'.", "fields");
}
