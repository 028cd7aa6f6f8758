using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;
using Guanxi.Web.Features.Settings;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// SVC-4 today: each tier's follow-up cadence (the tiers' service standards, GRD-3) and the instant before which a
/// customer's last contact — or, never contacted, their entry — makes them overdue for a contact (<see cref="FollowUp"/>).
/// </summary>
public sealed class FollowUpToday(DateOnly today, IReadOnlyDictionary<Tier, int> days, IReadOnlyDictionary<Tier, DateTimeOffset> cutoffs, TimeZoneInfo zone)
{
    public DateOnly Today => today;

    public int DaysOf(Tier tier) => days[tier];

    /// <summary>The instant (UTC) a contact must be at or after to be within the tier's cadence today.</summary>
    public DateTimeOffset CutoffOf(Tier tier) => cutoffs[tier];

    /// <summary>The rule for one customer, as a row shows it.</summary>
    public bool IsOverdue(Tier tier, DateTimeOffset? lastContactAt, DateTimeOffset createdAt) =>
        FollowUp.IsOverdue(lastContactAt is { } last ? Day(last) : null, Day(createdAt), days[tier], today);

    /// <summary>
    /// The same rule for a list, index-friendly on a million customers: one predicate per tier — the tier, and the last
    /// contact before the tier's cutoff or no contact and entered before it — the three joined by OR; plain comparisons
    /// of columns with parameters, no function of a row (index Tier, Status, LastContactAt, CreatedAt).
    /// </summary>
    public IQueryable<Customer> Overdue(IQueryable<Customer> customers)
    {
        var (vip, important, ordinary) = (cutoffs[Tier.Vip], cutoffs[Tier.Important], cutoffs[Tier.Ordinary]);
        return customers.Where(c =>
            c.Tier == Tier.Vip && (c.LastContactAt < vip || c.LastContactAt == null && c.CreatedAt < vip)
            || c.Tier == Tier.Important && (c.LastContactAt < important || c.LastContactAt == null && c.CreatedAt < important)
            || c.Tier == Tier.Ordinary && (c.LastContactAt < ordinary || c.LastContactAt == null && c.CreatedAt < ordinary));
    }

    private DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}

/// <summary>Reads the tiers' follow-up cadences (a setting of grading's, read by its domain key) for today.</summary>
public sealed class FollowUpCadence(EnterpriseSettings settings, EnterpriseClock clock)
{
    public async Task<FollowUpToday> Today(CancellationToken cancellationToken = default)
    {
        var standards = await settings.Get(ServiceStandard.SettingsKey, ServiceStandard.Defaults, cancellationToken);
        var today = clock.Today;
        var days = Enum.GetValues<Tier>().ToDictionary(t => t, t => (standards.FirstOrDefault(s => s.Tier == t) ?? ServiceStandard.Defaults.First(s => s.Tier == t)).FollowUpDays);
        var cutoffs = days.ToDictionary(d => d.Key, d => clock.StartOf(FollowUp.Cutoff(today, d.Value)).ToUniversalTime());
        return new FollowUpToday(today, days, cutoffs, clock.Zone);
    }
}
