using System.Globalization;
using Guanxi.Domain.Care;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Care;

/// <summary>
/// SVC-5: creates or changes a care plan — the customer-service manager and administrators. Every field is checked at once
/// (the name, the channel, the days before, the send time, the template: there, of the plan's channel, not archived; the group: there);
/// a change names the version read.
/// </summary>
public sealed class SaveCarePlan(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock, TimeProvider time)
{
    public static readonly Error BadSendTime = new("care.send_time", "发送时间须为 HH:mm，如 09:00。", "The send time is HH:mm, e.g. 09:00.", "sendTime");
    public static readonly Error TemplateChannel = new("care.template_channel", "所选模板的渠道与计划不一致。", "The template's channel differs from the plan's.", "templateId");
    public static readonly Error NoTemplate = new("care.template_not_found", "找不到该模板，或模板已归档。", "The template does not exist or is archived.", "templateId");
    public static readonly Error GroupNotFound = new("care.group_not_found", "找不到该客户分组。", "The customer group does not exist.", "groupId");

    public async Task<Result<CarePlanView>> Create(CarePlanBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!MessagingAccess.Manages(viewer))
            return MessagingWebErrors.NotAllowed;
        var (details, errors) = await Check(body, cancellationToken);
        if (errors.Count > 0)
            return Result<CarePlanView>.Fail(errors);
        var made = CarePlan.Create(details!, viewer.UserId, time.GetUtcNow());
        if (!made.Succeeded)
            return Result<CarePlanView>.Fail(made.Errors);
        db.Add(made.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return CarePlanView.Of(made.Value!, clock.Today.Year);
    }

    public async Task<Result<CarePlanView>> Update(Guid id, CarePlanBody body, Guid? version, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!MessagingAccess.Manages(viewer))
            return MessagingWebErrors.NotAllowed;
        if (await db.Set<CarePlan>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } plan)
            return CareErrors.NotFound;
        if (Versions.Check(version, plan.Version, required: true) is { } stale)
            return stale;
        var (details, errors) = await Check(body, cancellationToken);
        if (errors.Count > 0)
            return Result<CarePlanView>.Fail(errors);
        var changed = plan.Change(details!);
        if (!changed.Succeeded)
            return Result<CarePlanView>.Fail(changed.Errors);
        if (await db.SaveOrRacedAsync(Versions.Raced, cancellationToken) is { } raced)
            return raced;
        return CarePlanView.Of(plan, clock.Today.Year);
    }

    private async Task<(CarePlan.Details? Details, List<Error> Errors)> Check(CarePlanBody body, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var sendTime = new TimeOnly(9, 0);
        if (!string.IsNullOrWhiteSpace(body.SendTime) && !TimeOnly.TryParseExact(body.SendTime.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out sendTime))
            errors.Add(BadSendTime);
        var details = new CarePlan.Details(body.Name ?? "", body.Occasion, body.Tiers ?? [], body.Stages ?? [], body.GroupId, body.Channel, body.TemplateId,
            body.DaysBefore, sendTime, body.CallTiers ?? [], body.Active);
        // The entity's own rules (name, channel, days before), every one at once with the ones only the database answers.
        if (CarePlan.Create(details, Actor.SystemId, DateTimeOffset.UnixEpoch) is { Succeeded: false } bad)
            errors.AddRange(bad.Errors);
        var template = await db.Set<MessageTemplate>().AsNoTracking().Where(t => t.Id == body.TemplateId && !t.Archived).Select(t => new { t.Channel }).SingleOrDefaultAsync(cancellationToken);
        if (template is null)
            errors.Add(NoTemplate);
        else if (template.Channel != body.Channel && body.Channel != Channel.Phone)
            errors.Add(TemplateChannel);
        if (body.GroupId is { } group && !await db.Set<CustomerGroup>().AnyAsync(g => g.Id == group, cancellationToken))
            errors.Add(GroupNotFound);
        return (details, errors);
    }
}
