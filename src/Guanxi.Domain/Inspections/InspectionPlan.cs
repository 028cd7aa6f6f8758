using Guanxi.Domain.Common;

namespace Guanxi.Domain.Inspections;

/// <summary>
/// An item of a checklist (服务礼仪, 着装, 话术, 流程, 环境 …) with an id of its own that stays when the enterprise renames it,
/// so that results and findings keep naming the same item; an inspection keeps the items as they were (their names then).
/// </summary>
public sealed record ChecklistItem(Guid Id, string Name)
{
    public const int MaxNameLength = 50;
}

/// <summary>An item as the enterprise edits it: the id of an item the plan already has (kept when renamed), or none for a new one.</summary>
public sealed record ChecklistLine(Guid? Id, string? Name);

/// <summary>What a plan is made of, as a person writes it (each part is checked by <see cref="InspectionPlan.Check"/>).</summary>
public sealed record PlanContent(Guid? DepartmentId, string? Post, int? PerMonth, IReadOnlyList<ChecklistLine>? Items, string? InspectorId, bool Active = true);

/// <summary>
/// CAPA-8 (001 篇6): the 专项检查 of one department and post (岗位: 销售顾问, 服务顾问, 前台 …) — how many a month (e.g. twice),
/// the checklist the enterprise edits, and who inspects. The scheduling job gives every active plan its inspections of
/// the current and the next month, spread over the month's working days, from the day the plan was made (or switched on
/// again): a plan owes no inspection for the days before it existed.
/// </summary>
public sealed class InspectionPlan
{
    public const int MaxPostLength = 50;
    public const int MinPerMonth = 1;
    public const int MaxPerMonth = 8;
    public const int DefaultPerMonth = 2;
    public const int MaxItems = 50;

#pragma warning disable CS8618 // set by EF Core when loading, by Create when made
    private InspectionPlan()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string Post { get; private set; }
    public int PerMonth { get; private set; }
    public IReadOnlyList<ChecklistItem> Items { get; private set; }
    public string InspectorId { get; private set; }
    public bool Active { get; private set; }

    /// <summary>The first day the plan owes inspections: the day it was made, or switched on again.</summary>
    public DateOnly StartsOn { get; private set; }
    public string CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string UpdatedById { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>
    /// The content's rules, each error on its field (<c>items[2].name</c>): a department, a post of at most 50 characters,
    /// 1–8 inspections a month, 1–50 items each named (at most 50 characters) and none twice, an item's id only one the plan
    /// has (<paramref name="current"/>; a new item comes without one), an inspector.
    /// </summary>
    public static IReadOnlyList<Error> Check(PlanContent content, IReadOnlyList<ChecklistItem> current)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(current);
        var errors = new List<Error>();
        if (content.DepartmentId is null || content.DepartmentId == Guid.Empty)
            errors.Add(InspectionErrors.DepartmentRequired);
        if (string.IsNullOrWhiteSpace(content.Post))
            errors.Add(InspectionErrors.PostRequired);
        else if (content.Post.Trim().Length > MaxPostLength)
            errors.Add(InspectionErrors.PostTooLong);
        if (content.PerMonth is < MinPerMonth or > MaxPerMonth)
            errors.Add(InspectionErrors.PerMonth);
        if (string.IsNullOrWhiteSpace(content.InspectorId))
            errors.Add(InspectionErrors.InspectorRequired);
        var items = content.Items ?? [];
        if (items.Count is 0 or > MaxItems)
            errors.Add(InspectionErrors.ItemCount);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } line)
            {
                errors.Add(InspectionErrors.ItemName.At($"items[{i}].name"));
                continue;
            }
            var name = line.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > ChecklistItem.MaxNameLength)
                errors.Add(InspectionErrors.ItemName.At($"items[{i}].name"));
            else if (!names.Add(name))
                errors.Add(InspectionErrors.ItemTwice.At($"items[{i}].name"));
            if (line.Id is { } id)
            {
                if (!current.Any(c => c.Id == id))
                    errors.Add(InspectionErrors.ItemUnknownInPlan.At($"items[{i}].id"));
                else if (!ids.Add(id))
                    errors.Add(InspectionErrors.ItemIdTwice.At($"items[{i}].id"));
            }
        }
        return errors;
    }

    public static Result<InspectionPlan> Create(PlanContent content, Actor by, DateTimeOffset now, DateOnly today)
    {
        if (Check(content, []) is { Count: > 0 } errors)
            return Result<InspectionPlan>.Fail(errors);
        now = Instants.Utc(now);
        var plan = new InspectionPlan
        {
            Id = Guid.CreateVersion7(), CreatedById = by.Id, CreatedAt = now, StartsOn = today,
        };
        plan.Take(content, by, now, today);
        return plan;
    }

    /// <summary>A person's change of the plan: items named by their id keep it (renamed or not), items left out are removed from the plan (results keep them).</summary>
    public Result<Done> Change(PlanContent content, Actor by, DateTimeOffset now, DateOnly today)
    {
        if (Check(content, Items) is { Count: > 0 } errors)
            return Result<Done>.Fail(errors);
        Take(content, by, Instants.Utc(now), today);
        return Done.Value;
    }

    public ChecklistItem? Item(Guid id) => Items.FirstOrDefault(i => i.Id == id);

    /// <summary>The inspections the plan owes in a month: its days (<see cref="InspectionSchedule.Days"/>), numbered 1…N, from <see cref="StartsOn"/> on.</summary>
    public IReadOnlyList<(int Sequence, DateOnly On)> Owed(DateOnly month, Calendar.WorkCalendar calendar) =>
        [.. InspectionSchedule.Days(PerMonth, month, calendar).Select((day, i) => (i + 1, day)).Where(d => d.day >= StartsOn)];

    private void Take(PlanContent content, Actor by, DateTimeOffset now, DateOnly today)
    {
        if (content.Active && !Active && UpdatedById is not null)
            StartsOn = today;   // switched on again: nothing is owed for the days it was off
        DepartmentId = content.DepartmentId!.Value;
        Post = content.Post!.Trim();
        PerMonth = content.PerMonth ?? DefaultPerMonth;
        Items = [.. content.Items!.Select(line => new ChecklistItem(line.Id ?? Guid.CreateVersion7(), line.Name!.Trim()))];
        InspectorId = content.InspectorId!.Trim();
        Active = content.Active;
        (UpdatedById, UpdatedAt, Version) = (by.Id, now, Guid.NewGuid());
    }
}

/// <summary>Instants as both databases keep them exactly: UTC, to the whole second.</summary>
internal static class Instants
{
    public static DateTimeOffset Utc(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
