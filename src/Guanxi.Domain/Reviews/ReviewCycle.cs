using Guanxi.Domain.Common;

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
    /// <summary>Who opened it (<see cref="Actor"/>): a member of staff early, the system on schedule.</summary>
    public string OpenedById { get; private set; }
    public ActorCause? OpenedByCause { get; private set; }
    /// <summary>What an older version stored for who opened it when no member of staff has that name (migration ActorsById).</summary>
    public string? OpenedByText { get; private set; }
    public int Reviews { get; private set; }
    public int Flagged { get; private set; }

    public static ReviewCycle Open(int number, ReviewPolicy policy, DateOnly? lastOpened, DateOnly today, Actor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), Number = number, OpenedOn = today, Since = policy.Since(lastOpened, today), DueOn = today.AddDays(policy.DueDays),
        OpenedAt = now, OpenedById = by.Id, OpenedByCause = by.Cause,
    };

    public void Counted(int reviews, int flagged) => (Reviews, Flagged) = (reviews, flagged);
}
