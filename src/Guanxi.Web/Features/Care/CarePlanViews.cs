using Guanxi.Domain.Care;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Messaging;

namespace Guanxi.Web.Features.Care;

/// <summary>
/// A care plan's fields: name, occasion, whom (tiers, stages, groupId; none named = every active customer), channel (sms|email),
/// templateId, daysBefore (0–30), sendTime ("09:00"), callTiers (whose owner calls instead of a message), active.
/// </summary>
public sealed record CarePlanBody(string Name, Occasion Occasion, IReadOnlyList<Tier>? Tiers, IReadOnlyList<LifecycleStage>? Stages, Guid? GroupId, Channel Channel,
    Guid TemplateId, int DaysBefore, string? SendTime, IReadOnlyList<Tier>? CallTiers, bool Active = true);

/// <summary>A care plan as the API shows it, with its occasion's name and, for a holiday, its date this year.</summary>
public sealed record CarePlanView(Guid Id, string Name, Occasion Occasion, string OccasionName, DateOnly? Date, IReadOnlyList<Tier> Tiers, IReadOnlyList<LifecycleStage> Stages,
    Guid? GroupId, Channel Channel, Guid TemplateId, int DaysBefore, string SendTime, IReadOnlyList<Tier> CallTiers, bool Active, Guid Version)
{
    public static CarePlanView Of(CarePlan p, int year) => new(p.Id, p.Name, p.Occasion, p.Occasion.Chinese(), CareCalendar.DateOf(p.Occasion, year), p.Tiers, p.Stages,
        p.GroupId, p.Channel, p.TemplateId, p.DaysBefore, p.SendTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), p.CallTiers, p.Active, p.Version);
}

/// <summary>An occasion of the calendar of care: its name and, for a holiday, its date in the year asked (none for a personal one).</summary>
public sealed record CareOccasionDay(Occasion Occasion, string Name, string NameEn, bool Holiday, DateOnly? Date);
