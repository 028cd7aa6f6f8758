namespace Guanxi.Domain.Complaints;

public enum ServiceProblemKind
{
    /// <summary>A complaint resolved with "needs an improvement measure".</summary>
    Complaint,

    /// <summary>A crisis warning: complaints of a category rising above their usual level (SVC-3).</summary>
    CrisisWarning,
}

/// <summary>
/// CAPA-1, issue 23 item 8: a service problem that needs an improvement measure, recorded as escalated survey results are
/// (<see cref="Surveys.SurveyProblem"/>) so that the improvement-measure capability takes it up: what it came from (the
/// complaint or the warning), the department that answers for it, what happened, when it was raised.
/// </summary>
public sealed class ServiceProblem
{
    public const int MaxDescriptionLength = 500;

#pragma warning disable CS8618 // set by EF Core when loading, by Raise when created
    private ServiceProblem()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public ServiceProblemKind Kind { get; private set; }

    /// <summary>The complaint's or the warning's id.</summary>
    public Guid SourceId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public Guid? CustomerId { get; private set; }
    public string Description { get; private set; }
    public DateOnly RaisedOn { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }

    public static ServiceProblem Raise(ServiceProblemKind kind, Guid sourceId, Guid departmentId, Guid? customerId, string description, DateOnly today, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        description = description.Trim();
        return new ServiceProblem
        {
            Id = Guid.CreateVersion7(), Kind = kind, SourceId = sourceId, DepartmentId = departmentId, CustomerId = customerId, RaisedOn = today, RaisedAt = now,
            Description = description.Length > MaxDescriptionLength ? description[..MaxDescriptionLength] : description,
        };
    }

    /// <summary>A resolved complaint's problem: its summary and how it was resolved.</summary>
    public static ServiceProblem Of(Complaint complaint, string categoryName, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return Raise(ServiceProblemKind.Complaint, complaint.Id, complaint.DepartmentId, complaint.CustomerId,
            $"【{categoryName}】{complaint.Summary}" + (complaint.Resolution is { } r ? $"（处理：{r}）" : ""), today, now);
    }
}
