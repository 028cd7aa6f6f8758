using System.Globalization;
using System.Text;
using Guanxi.Domain.Common;

namespace Guanxi.Domain.Service;

/// <summary>SVC-7: what a case teaches — what went right (成功案例) or what went wrong (失败案例).</summary>
public enum CaseKind
{
    Success,
    Failure,
}

/// <summary>SVC-7: a case is written as a draft and shared with all staff once the customer-service manager publishes it.</summary>
public enum CaseStatus
{
    Draft,
    Published,
}

/// <summary>What a writer gives of a case: its kind, title, story, lesson, tags and the customers and complaints it is about.</summary>
public sealed record CaseContent(CaseKind? Kind, string? Title, string? Story, string? Lesson,
    IReadOnlyList<string?>? Tags, IReadOnlyList<Guid>? CustomerIds, IReadOnlyList<Guid>? ComplaintIds);

/// <summary>
/// SVC-7 案例库 (seed 004 十三、案例分析与分享): a success or failure case — its story, the lesson drawn, tags, and the customers
/// and complaints it is about — kept for sharing and training. Anyone on the staff writes one as a draft; the
/// customer-service manager publishes it (<see cref="CaseAccess"/>). Searchable by any part of its title, story, lesson
/// or tags through <see cref="SearchText"/>, the same text folded once.
/// </summary>
public sealed class ServiceCase
{
    public const int MaxTitleLength = 100;
    public const int MaxStoryLength = 10_000;
    public const int MaxLessonLength = 2_000;
    public const int MaxTags = 10;
    public const int MaxTagLength = 20;
    public const int MaxCustomers = 20;
    public const int MaxComplaints = 20;

#pragma warning disable CS8618 // set by EF Core when loading, by Write when created
    private ServiceCase()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public CaseKind Kind { get; private set; }
    public string Title { get; private set; }
    public string Story { get; private set; }
    public string Lesson { get; private set; }

    /// <summary>As written (trimmed), in the writer's order; no two alike once folded.</summary>
    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>The customers the case is about, in the writer's order.</summary>
    public IReadOnlyList<Guid> CustomerIds { get; private set; } = [];

    /// <summary>The complaints the case is about, in the writer's order.</summary>
    public IReadOnlyList<Guid> ComplaintIds { get; private set; } = [];

    /// <summary>Who wrote the case (a member of staff's id).</summary>
    public string AuthorId { get; private set; }

    /// <summary>The author's department when they wrote it.</summary>
    public Guid DepartmentId { get; private set; }

    public CaseStatus Status { get; private set; }
    public string? PublishedById { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string UpdatedById { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Title, story, lesson and tags folded (<see cref="Fold"/>), one per line: what a search reads.</summary>
    public string SearchText { get; private set; }

    /// <summary>The concurrency token: new with every change and with publishing.</summary>
    public Guid Version { get; private set; }

    /// <summary>A member of staff writes a case: a draft of theirs, in their department.</summary>
    public static Result<ServiceCase> Write(CaseContent content, string authorId, Guid departmentId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(authorId);
        var written = new ServiceCase { Id = Guid.CreateVersion7(), AuthorId = authorId, DepartmentId = departmentId, Status = CaseStatus.Draft, CreatedAt = now };
        var changed = written.Change(content, authorId, now);
        return changed.Succeeded ? written : changed;
    }

    /// <summary>The author corrects their draft, or the customer-service manager any case (a published one stays published).</summary>
    public Result<ServiceCase> Change(CaseContent content, string byId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Check(content) is { Count: > 0 } errors)
            return Result<ServiceCase>.Fail(errors);
        Kind = content.Kind!.Value;
        Title = content.Title!.Trim();
        Story = content.Story!.Trim();
        Lesson = content.Lesson!.Trim();
        Tags = [.. (content.Tags ?? []).Select(t => t!.Trim())];
        CustomerIds = [.. content.CustomerIds ?? []];
        ComplaintIds = [.. content.ComplaintIds ?? []];
        SearchText = string.Join('\n', new[] { Title, Story, Lesson }.Concat(Tags).Select(Fold));
        (UpdatedById, UpdatedAt, Version) = (byId, now, Guid.NewGuid());
        return this;
    }

    /// <summary>ARC-2: the merged customers it names become the survivor, named once where the first of them stood.</summary>
    public void MoveCustomers(IReadOnlyCollection<Guid> mergedIds, Guid survivorId)
    {
        ArgumentNullException.ThrowIfNull(mergedIds);
        if (!CustomerIds.Any(mergedIds.Contains))
            return;
        CustomerIds = [.. CustomerIds.Select(id => mergedIds.Contains(id) ? survivorId : id).Distinct()];
        Version = Guid.NewGuid();
    }

    /// <summary>The customer-service manager publishes a draft: from now on every member of staff reads it.</summary>
    public Result<ServiceCase> Publish(string byId, DateTimeOffset now)
    {
        if (Status == CaseStatus.Published)
            return CaseErrors.AlreadyPublished;
        (Status, PublishedById, PublishedAt, Version) = (CaseStatus.Published, byId, now, Guid.NewGuid());
        return this;
    }

    /// <summary>Every rule the content breaks, each on its field (tags[2], customerIds …); none when it is good.</summary>
    public static IReadOnlyList<Error> Check(CaseContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<Error>();
        if (content.Kind is not { } kind || !Enum.IsDefined(kind))
            errors.Add(CaseErrors.Kind);
        if (string.IsNullOrWhiteSpace(content.Title) || content.Title.Trim().Length > MaxTitleLength)
            errors.Add(CaseErrors.Title);
        if (string.IsNullOrWhiteSpace(content.Story) || content.Story.Trim().Length > MaxStoryLength)
            errors.Add(CaseErrors.Story);
        if (string.IsNullOrWhiteSpace(content.Lesson) || content.Lesson.Trim().Length > MaxLessonLength)
            errors.Add(CaseErrors.Lesson);
        var tags = content.Tags ?? [];
        if (tags.Count > MaxTags)
            errors.Add(CaseErrors.TooManyTags);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tags[i]) || tags[i]!.Trim().Length > MaxTagLength)
                errors.Add(CaseErrors.Tag.At($"tags[{i}]"));
            else if (!seen.Add(Fold(tags[i]!.Trim())))
                errors.Add(CaseErrors.DuplicateTag.At($"tags[{i}]"));
        }
        errors.AddRange(CheckIds(content.CustomerIds ?? [], MaxCustomers, "customerIds", CaseErrors.TooManyCustomers));
        errors.AddRange(CheckIds(content.ComplaintIds ?? [], MaxComplaints, "complaintIds", CaseErrors.TooManyComplaints));
        return errors;
    }

    private static IEnumerable<Error> CheckIds(IReadOnlyList<Guid> ids, int max, string field, Error tooMany)
    {
        if (ids.Count > max)
            yield return tooMany;
        var seen = new HashSet<Guid>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == Guid.Empty || !seen.Add(ids[i]))
                yield return CaseErrors.Link.At($"{field}[{i}]");
        }
    }

    /// <summary>
    /// How a case and a query are compared: compatibility-normalised (full-width ＡＢＣ１ as ABC1) and lower-cased, so that
    /// Latin matches in any case and width and Chinese as written.
    /// </summary>
    public static string Fold(string? text) => (text ?? "").Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
}

public static class CaseErrors
{
    public static readonly Error Kind = new("case.kind", "案例类型只能是 success（成功案例）或 failure（失败案例）。", "kind is success or failure.", "kind");
    public static readonly Error Title = new("case.title", $"请填写标题（不超过 {ServiceCase.MaxTitleLength} 个字）。", $"Give a title (at most {ServiceCase.MaxTitleLength} characters).", "title");
    public static readonly Error Story = new("case.story", $"请填写案例经过（不超过 {ServiceCase.MaxStoryLength} 个字）。", $"Tell the story (at most {ServiceCase.MaxStoryLength} characters).", "story");
    public static readonly Error Lesson = new("case.lesson", $"请填写经验教训（不超过 {ServiceCase.MaxLessonLength} 个字）。", $"State the lesson (at most {ServiceCase.MaxLessonLength} characters).", "lesson");
    public static readonly Error TooManyTags = new("case.tags", $"标签最多 {ServiceCase.MaxTags} 个。", $"At most {ServiceCase.MaxTags} tags.", "tags");
    public static readonly Error Tag = new("case.tag", $"标签不能为空，且不超过 {ServiceCase.MaxTagLength} 个字。", $"A tag is not blank and has at most {ServiceCase.MaxTagLength} characters.", "tags");
    public static readonly Error DuplicateTag = new("case.tag_duplicate", "标签重复。", "The tag is given twice.", "tags");
    public static readonly Error TooManyCustomers = new("case.customers", $"关联客户最多 {ServiceCase.MaxCustomers} 个。", $"At most {ServiceCase.MaxCustomers} linked customers.", "customerIds");
    public static readonly Error TooManyComplaints = new("case.complaints", $"关联投诉最多 {ServiceCase.MaxComplaints} 个。", $"At most {ServiceCase.MaxComplaints} linked complaints.", "complaintIds");
    public static readonly Error Link = new("case.link", "关联记录的编号无效或重复。", "The linked record's id is empty or given twice.");
    public static readonly Error AlreadyPublished = Error.Conflict("case.published", "该案例已经发布。", "The case is already published.", "status");
}
