using Guanxi.Domain.Common;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Messaging;

namespace Guanxi.Domain.Care;

/// <summary>
/// A care plan per occasion (SVC-5): whom it greets (tiers, stages, a group; none named = everyone), by which channel and
/// template, how many days before, at what time, and which tiers the owner calls instead of a message (a task showing the
/// customer's preferences).
/// </summary>
public sealed class CarePlan
{
    public const int MaxNameLength = 100;
    public const int MaxDaysBefore = 30;

    private CarePlan()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Occasion Occasion { get; private set; }
    public List<Tier> Tiers { get; private set; } = [];
    public List<LifecycleStage> Stages { get; private set; } = [];
    public Guid? GroupId { get; private set; }
    public Channel Channel { get; private set; }
    public Guid TemplateId { get; private set; }
    public int DaysBefore { get; private set; }
    public TimeOnly SendTime { get; private set; }
    public List<Tier> CallTiers { get; private set; } = [];
    public bool Active { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedById { get; private set; } = Actor.SystemId;
    public Guid Version { get; private set; }

    public sealed record Details(
        string Name, Occasion Occasion, IReadOnlyList<Tier> Tiers, IReadOnlyList<LifecycleStage> Stages, Guid? GroupId, Channel Channel,
        Guid TemplateId, int DaysBefore, TimeOnly SendTime, IReadOnlyList<Tier> CallTiers, bool Active);

    public static Result<CarePlan> Create(Details details, string byId, DateTimeOffset now) =>
        new CarePlan { Id = Guid.NewGuid(), CreatedAt = now, CreatedById = byId }.Change(details);

    public Result<CarePlan> Change(Details d)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(d.Name))
            errors.Add(CareErrors.NameRequired);
        else if (d.Name.Trim().Length > MaxNameLength)
            errors.Add(CareErrors.NameTooLong);
        if (d.Channel == Channel.Phone)
            errors.Add(CareErrors.PhoneIsCall);
        if (d.DaysBefore is < 0 or > MaxDaysBefore)
            errors.Add(CareErrors.DaysBefore);
        if (errors.Count > 0)
            return Result<CarePlan>.Fail(errors);
        (Name, Occasion, Tiers, Stages, GroupId, Channel, TemplateId, DaysBefore, SendTime, CallTiers, Active, Version) =
            (d.Name.Trim(), d.Occasion, [.. d.Tiers.Distinct().Order()], [.. d.Stages.Distinct().Order()], d.GroupId, d.Channel, d.TemplateId,
             d.DaysBefore, d.SendTime, [.. d.CallTiers.Distinct().Order()], d.Active, Guid.NewGuid());
        return this;
    }

    public Details ToDetails() => new(Name, Occasion, Tiers, Stages, GroupId, Channel, TemplateId, DaysBefore, SendTime, CallTiers, Active);

    /// <summary>Whether a customer of that tier and stage is greeted by this plan (the group is checked by the caller).</summary>
    public bool Covers(Tier tier, LifecycleStage stage) => (Tiers.Count == 0 || Tiers.Contains(tier)) && (Stages.Count == 0 || Stages.Contains(stage));

    /// <summary>Whether the owner calls a customer of that tier instead of a message.</summary>
    public bool Calls(Tier tier) => CallTiers.Contains(tier);

    /// <summary>The occasions' days this plan acts on <paramref name="today"/>: the day it greets is <see cref="DaysBefore"/> ahead.</summary>
    public DateOnly GreetsOn(DateOnly today) => today.AddDays(DaysBefore);

    /// <summary>What makes a second greeting for the same customer the same one: the plan and the day greeted.</summary>
    public string DedupeKey(DateOnly day) => $"care:{Id:N}:{day:yyyyMMdd}";
}

public static class CareErrors
{
    public static readonly Error NotFound = Error.NotFound("care.plan_not_found", "找不到该关怀计划。", "The care plan does not exist.");
    public static readonly Error NameRequired = new("care.name_required", "请填写计划名称。", "Name the plan.", "name");
    public static readonly Error NameTooLong = new("care.name_too_long", "计划名称不能超过 100 字。", "The name cannot exceed 100 characters.", "name");
    public static readonly Error PhoneIsCall = new("care.phone", "电话关怀请在“由负责人致电”中选择客户等级；消息渠道请选择短信或电子邮件。", "Calls are chosen per tier in callTiers; the channel is sms or email.", "channel");
    public static readonly Error DaysBefore = new("care.days_before", "提前天数须在 0 到 30 之间。", "Days before must be between 0 and 30.", "daysBefore");
}
