namespace Guanxi.Domain.Reviews;

/// <summary>ARC-6: one round of periodic review, numbered from 1, with the date owners must finish by.</summary>
public sealed class ReviewCycle
{
#pragma warning disable CS8618 // set by EF Core when loading, by Open when created
    private ReviewCycle()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public int Number { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public DateOnly Since { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public string OpenedBy { get; private set; }
    public int Reviews { get; private set; }
    public int Flagged { get; private set; }

    public static ReviewCycle Open(int number, ReviewPolicy policy, DateOnly? lastOpened, DateOnly today, string by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), Number = number, OpenedOn = today, Since = policy.Since(lastOpened, today), DueOn = today.AddDays(policy.DueDays),
        OpenedAt = now, OpenedBy = by,
    };

    public void Counted(int reviews, int flagged) => (Reviews, Flagged) = (reviews, flagged);
}
