using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// The filters of the customer list, shared by the list and its export (<c>[AsParameters]</c>): q, groupId, ownerId,
/// departmentId, type, status, tier, stage, credit (a level, or <c>notRated</c>: ARC-5, no payment history), contact
/// (<c>overdue</c>: not contacted for longer than the tier's follow-up cadence, SVC-4) and sort, enum values by name in any case.
/// </summary>
public sealed record CustomerFilter(
    string? Q, Guid? GroupId, string? OwnerId, Guid? DepartmentId, string? Type, string? Status, string? Tier, string? Stage, string? Credit, string? Sort,
    string? Contact = null)
{
    /// <summary>The credit filter's value for the customers not rated yet.</summary>
    public const string NotRated = "notRated";

    /// <summary>The contact filter's value for the customers not contacted for longer than their tier allows.</summary>
    public const string Overdue = "overdue";

    public Result<CustomerQuery> ToQuery(int? page = null, int? pageSize = null)
    {
        if (!ApiEnums.TryParse<CustomerType>(Type, out var type) || !ApiEnums.TryParse<CustomerStatus>(Status, out var status) || !ApiEnums.TryParse<Tier>(Tier, out var tier)
            || !ApiEnums.TryParse<Domain.Lifecycle.LifecycleStage>(Stage, out var stage) || !TryParseCredit(Credit, out var credit, out var notRated))
            return CustomerWebErrors.UnknownFilter;
        var overdue = string.Equals(Contact?.Trim(), Overdue, StringComparison.OrdinalIgnoreCase);
        if (!overdue && !string.IsNullOrWhiteSpace(Contact))
            return CustomerWebErrors.ContactFilter;
        return new CustomerQuery(Q, OwnerId, DepartmentId, type, status, page, pageSize, GroupId, Sort, tier, stage, credit, notRated, overdue);
    }

    /// <summary>A credit filter: nothing, a level (AAA … C), or <see cref="NotRated"/>.</summary>
    public static bool TryParseCredit(string? value, out Domain.Credit.CreditLevel? level, out bool notRated)
    {
        notRated = string.Equals(value?.Trim(), NotRated, StringComparison.OrdinalIgnoreCase);
        if (notRated)
        {
            level = null;
            return true;
        }
        return ApiEnums.TryParse(value, out level);
    }
}
