using Guanxi.Web.Data;
using Guanxi.Web.Features.Lifecycle;

namespace Guanxi.Web.Features.Grading;

/// <summary>The first purchases as the last recompute stored them with the grades (<see cref="CustomerGrade.FirstOrderAt"/>), for the churn report.</summary>
public sealed class GradedFirstPurchases(GuanxiDbContext db) : IFirstPurchases
{
    public IQueryable<FirstPurchase> All => db.Set<CustomerGrade>().Select(g => new FirstPurchase { CustomerId = g.CustomerId, On = g.FirstOrderAt });
}
