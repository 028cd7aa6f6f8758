namespace Guanxi.Web.Features.Jobs;

public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>One run of a background job (nightly or started by a user), with its progress for the page and the API.</summary>
public sealed class JobRun
{
    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public JobStatus Status { get; set; }
    public double Progress { get; set; }
    public string? Message { get; set; }
    public string? MessageEn { get; set; }
    /// <summary>Who started it (<see cref="Domain.Common.Actor"/>): the member of staff, or the system's id for a scheduled run.</summary>
    public string? UserId { get; init; }
    public Domain.Common.ActorCause? StartedByCause { get; init; }
    /// <summary>What an older version stored for who it was when no member of staff has that name (migration ActorsById).</summary>
    public string? StartedByText { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
}
