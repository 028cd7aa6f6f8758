using Guanxi.Domain.Grading;

namespace Guanxi.Domain.Tasks;

/// <summary>
/// SVC-4's follow-up plan: each tier's standard says how often the owner calls (<see cref="ServiceStandard.FollowUpDays"/>)
/// and, where set, visits (<see cref="ServiceStandard.VisitDays"/>). The next follow-up is due a cadence after the last one
/// — the last follow-up or contact, else the day the customer was entered.
/// </summary>
public static class FollowUpPlan
{
    /// <summary>At most how many days a backlog is spread over when a plan starts (or a cadence shortens).</summary>
    public const int MaxSpreadDays = 28;

    /// <summary>The tasks that are follow-ups: LIF-2's care call after a first purchase, and the tier's calls and visits.</summary>
    public static bool IsFollowUp(CustomerTaskKind kind) => kind is CustomerTaskKind.CareCall or CustomerTaskKind.FollowUpCall or CustomerTaskKind.FollowUpVisit;

    /// <summary>The cadence of a kind of follow-up for a tier, or null when the tier has none (visits for most tiers).</summary>
    public static int? Cadence(ServiceStandard standard, CustomerTaskKind kind)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return kind switch
        {
            CustomerTaskKind.FollowUpCall => standard.FollowUpDays,
            CustomerTaskKind.FollowUpVisit => standard.VisitDays,
            _ => null,
        };
    }

    /// <summary>
    /// When the next follow-up is due: a cadence after <paramref name="last"/>. One already overdue when the plan first
    /// sees it (a new plan, an archive imported without contacts, a shortened cadence) is not made due today with all the
    /// others: the backlog is spread over the next days (up to <see cref="MaxSpreadDays"/>, or the cadence if shorter), each
    /// customer always on the same day of that spread. The customer list's "not contacted" flag still shows them at once.
    /// </summary>
    public static DateOnly Due(DateOnly last, int cadenceDays, DateOnly today, Guid customerId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cadenceDays, 1);
        var due = last.AddDays(cadenceDays);
        if (due >= today)
            return due;
        var spread = Math.Min(cadenceDays, MaxSpreadDays);
        return today.AddDays((int)(StableHash(customerId) % (uint)spread));
    }

    private static uint StableHash(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        uint hash = 2166136261;
        foreach (var b in bytes)
            hash = (hash ^ b) * 16777619;
        return hash;
    }
}
