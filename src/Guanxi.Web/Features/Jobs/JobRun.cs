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
    public string? UserId { get; init; }
    public required string StartedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
}
