namespace Guanxi.Domain.Service;

/// <summary>
/// SVC-4 (000 §三): a customer not contacted for longer than their tier allows — the tier's follow-up cadence
/// (<see cref="Grading.ServiceStandard.FollowUpDays"/>) — is overdue for a contact. A customer never contacted counts from
/// the day they were entered.
/// </summary>
public static class FollowUp
{
    /// <summary>The earliest day a last contact may fall on and still be within the cadence on <paramref name="today"/>.</summary>
    public static DateOnly Cutoff(DateOnly today, int followUpDays) => today.AddDays(-followUpDays);

    /// <summary>Whether the last contact (or, never contacted, the day of entry) is older than the cadence allows.</summary>
    public static bool IsOverdue(DateOnly? lastContactOn, DateOnly createdOn, int followUpDays, DateOnly today) =>
        (lastContactOn ?? createdOn) < Cutoff(today, followUpDays);
}
