using Guanxi.Domain.Common;
using Guanxi.Domain.Credit;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Credit;

/// <summary>One credit change: <see cref="By"/> names who made it as today, in the viewer's language; <see cref="ById"/> is their id (or the system's).</summary>
public sealed record CreditChangeView(DateTimeOffset At, CreditLevel? From, CreditLevel? To, bool Manual, string Reason, string By, string ById);

/// <summary>ARC-5: a customer's credit. <see cref="Level"/> and <see cref="Computed"/> are null while the customer is not rated (no payment history).</summary>
public sealed record CreditView(
    CreditLevel? Level, CreditLevel? Computed, bool Manual, int Due, int OnTime, decimal OnTimePercent, decimal OverdueAmount, int OverdueDays,
    string Reason, DateTimeOffset? EvaluatedAt, IReadOnlyList<BusinessCondition> Conditions, IReadOnlyList<CreditChangeView> History, bool CanAdjust, bool CanEdit);

/// <summary>
/// ARC-5: a customer's credit level, whether it was set by hand, the payment record behind it (its overdue days as of
/// today), why the rule table gives its level, the business conditions and the history (null when out of sight).
/// </summary>
public sealed class GetCustomerCredit(GuanxiDbContext db, CustomerViewers viewers, EnterpriseSettings settings, EnterpriseClock clock, StaffNames staffNames)
{
    public async Task<Result<CreditView>> Handle(Guid customerId, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Customers.CustomerWebErrors.NotFound;
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == customerId && c.Status != CustomerStatus.Merged)
            .Select(c => new { c.Credit, c.CreditComputed, c.CreditManual, c.BusinessConditions, c.OwnerId, c.DepartmentId })
            .SingleOrDefaultAsync(cancellationToken);
        if (customer is null || CustomerAccess.SightOf(viewer, customer.OwnerId, customer.DepartmentId) == CustomerSight.None)
            return Customers.CustomerWebErrors.NotFound;
        var english = Cultures.IsEnglish;
        var record = await db.Set<CustomerCredit>().AsNoTracking().SingleOrDefaultAsync(r => r.CustomerId == customerId, cancellationToken);
        var rows = await db.Set<CreditChange>().AsNoTracking().Where(c => c.CustomerId == customerId).OrderByDescending(c => c.Id).Take(100)
            .Select(c => new { View = new CreditChangeView(c.At, c.From, c.To, c.Manual, english ? c.ReasonEn : c.Reason, "", c.ById), c.ByCause, c.ByText }).ToListAsync(cancellationToken);
        var names = await staffNames.Of(rows.Select(r => r.View.ById), cancellationToken);
        var history = rows.Select(r => r.View with { By = names.Who(r.View.ById, r.ByCause, r.ByText) }).ToList();
        var payments = record?.On(clock.Today) ?? PaymentRecord.None;
        var rules = CreditRating.Evaluate(await settings.Get(CreditPolicy.SettingsKey, CreditPolicy.Default, cancellationToken), payments, customer.BusinessConditions);
        return new CreditView(customer.Credit, customer.CreditComputed, customer.CreditManual, payments.Due, payments.OnTime, payments.OnTimePercent,
            payments.OverdueAmount, payments.OverdueDays, english ? rules.ReasonEn : rules.Reason, record?.EvaluatedAt, customer.BusinessConditions, history,
            CreditAccess.CanAdjust(viewer, customer.DepartmentId), CustomerAccess.CanEdit(viewer, customer.OwnerId, customer.DepartmentId));
    }
}
