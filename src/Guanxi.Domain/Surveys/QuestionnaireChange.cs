using Guanxi.Domain.Common;

namespace Guanxi.Domain.Surveys;

public enum ChangeStatus
{
    /// <summary>Waiting for the requesting department, customer service and the executive VP to agree.</summary>
    AwaitingAgreement,

    /// <summary>All three agreed; waiting for the executive VP's signature.</summary>
    AwaitingSignOff,

    /// <summary>Signed off: the new version takes effect on <see cref="QuestionnaireChange.EffectiveFrom"/>.</summary>
    SignedOff,
    Refused,
}

/// <summary>Who agrees to a change (SAT-8): the requesting department, customer service, the executive VP.</summary>
public enum ChangeParty
{
    Department,
    CustomerService,
    ExecutiveVp,
}

/// <summary>
/// SAT-8 (001 §5.3.1.4.2): a department asks to change a questionnaire, saying why; the department, customer service and
/// the executive VP agree; the executive VP signs; the new version takes effect from the next week (its Monday) and the
/// old one is archived. After a change the questionnaire runs at least a month before the next change is asked for.
/// </summary>
public sealed class QuestionnaireChange
{
    public const int MaxReasonLength = 500;

    private List<Question> draft = [];

#pragma warning disable CS8618 // set by EF Core when loading, by Request when created
    private QuestionnaireChange()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public Guid QuestionnaireId { get; private set; }
    public int BaseVersion { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string Reason { get; private set; }
    public IReadOnlyList<Question> Draft => draft;
    public string RequestedById { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string? DepartmentAgreedById { get; private set; }
    public string? CustomerServiceAgreedById { get; private set; }
    public string? VpAgreedById { get; private set; }
    public DateTimeOffset? SignedOffAt { get; private set; }
    public DateOnly? EffectiveFrom { get; private set; }
    public Guid? VersionId { get; private set; }
    public string? RefusedById { get; private set; }
    public string? RefusalNote { get; private set; }

    // What an older version stored for who requested, agreed or refused when no member of staff has that name (migration ActorsById).
    public string? RequestedByText { get; private set; }
    public string? DepartmentAgreedByText { get; private set; }
    public string? CustomerServiceAgreedByText { get; private set; }
    public string? VpAgreedByText { get; private set; }
    public string? RefusedByText { get; private set; }

    /// <summary>The concurrency token (not the questionnaire's version): new with every agreement or refusal.</summary>
    public Guid Version { get; private set; }

    public ChangeStatus Status =>
        RefusedById is not null ? ChangeStatus.Refused
        : SignedOffAt is not null ? ChangeStatus.SignedOff
        : DepartmentAgreedById is not null && CustomerServiceAgreedById is not null && VpAgreedById is not null ? ChangeStatus.AwaitingSignOff
        : ChangeStatus.AwaitingAgreement;

    /// <summary>The Monday after <paramref name="day"/>: "自下周实行".</summary>
    public static DateOnly NextMonday(DateOnly day) => day.AddDays(7 - ((int)day.DayOfWeek + 6) % 7);

    /// <param name="current">The version in effect today.</param>
    /// <param name="pending">Whether another change of the questionnaire is under way or signed off and not yet in effect.</param>
    public static Result<QuestionnaireChange> Request(QuestionnaireKind kind, QuestionnaireVersion current, bool pending, Guid departmentId, string? reason,
        IReadOnlyList<Question>? draft, string byId, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength)
            errors.Add(SurveyErrors.ReasonRequired);
        if (today < current.EffectiveFrom.AddMonths(1))
            errors.Add(SurveyErrors.ChangeFrozen);
        else if (pending)
            errors.Add(SurveyErrors.ChangePending);
        errors.AddRange(QuestionnaireVersion.Validate(kind, draft).Select(e => e with { Field = "draft." + e.Field }));
        if (errors.Count > 0)
            return Result<QuestionnaireChange>.Fail([.. errors]);
        return new QuestionnaireChange
        {
            Id = Guid.CreateVersion7(), QuestionnaireId = current.QuestionnaireId, BaseVersion = current.Number, DepartmentId = departmentId,
            Reason = reason!.Trim(), draft = [.. draft!], RequestedById = byId, RequestedAt = now, Version = Guid.NewGuid(),
        };
    }

    /// <summary>
    /// A party agrees. The executive VP's agreement once the department and customer service have agreed is the sign-off
    /// (a VP who agreed earlier signs with a second approval): the change takes effect the next Monday.
    /// </summary>
    public Result<ChangeStatus> Approve(ChangeParty party, string byId, DateOnly today, DateTimeOffset now)
    {
        if (Status is ChangeStatus.SignedOff or ChangeStatus.Refused)
            return SurveyErrors.RequestClosed;
        switch (party)
        {
            case ChangeParty.Department when DepartmentAgreedById is null:
                DepartmentAgreedById = byId;
                break;
            case ChangeParty.CustomerService when CustomerServiceAgreedById is null:
                CustomerServiceAgreedById = byId;
                break;
            case ChangeParty.ExecutiveVp when DepartmentAgreedById is not null && CustomerServiceAgreedById is not null:
                VpAgreedById ??= byId;
                (SignedOffAt, EffectiveFrom) = (now, NextMonday(today));
                break;
            case ChangeParty.ExecutiveVp when VpAgreedById is null:
                VpAgreedById = byId;
                break;
            default:
                return SurveyErrors.AlreadyAgreed;
        }
        Version = Guid.NewGuid();
        return Status;
    }

    public Result<ChangeStatus> Refuse(string byId, string? note)
    {
        if (Status is ChangeStatus.SignedOff or ChangeStatus.Refused)
            return SurveyErrors.RequestClosed;
        if (note?.Trim().Length > MaxReasonLength)
            return SurveyErrors.NoteTooLong;
        (RefusedById, RefusalNote, Version) = (byId, note?.Trim(), Guid.NewGuid());
        return Status;
    }

    /// <summary>The version the sign-off made, kept with the request.</summary>
    public void Made(QuestionnaireVersion version) => VersionId = version.Id;
}
