using Guanxi.Domain.Common;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Messaging;

/// <summary>A template as the API shows it; an SMS one with its length as a sample customer would receive it.</summary>
public sealed record TemplateView(Guid Id, string Name, Channel Channel, MessageKind Kind, string? Subject, string Text, string? ProviderCode, bool Archived,
    int? Characters, int? Segments, Guid Version);

/// <summary>A template's fields: name, channel (sms|email), kind (marketing|service), subject (e-mail), text (Liquid), providerCode (SMS).</summary>
public sealed record TemplateBody(string Name, Channel Channel, MessageKind Kind, string? Subject, string Text, string? ProviderCode = null);

public static class TemplateErrors
{
    public static readonly Error NotFound = Error.NotFound("template.not_found", "找不到该模板。", "The template does not exist.");
}

/// <summary>The templates (SVC-5): read by whoever oversees customers, written by the customer-service manager and administrators.</summary>
public sealed class Templates(GuanxiDbContext db, CustomerViewers viewers, TemplateText text, MessageComposer composer, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<TemplateView>>> List(Channel? channel, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!MessagingAccess.ReadsOutbox(viewer) && !MessagingAccess.Manages(viewer))
            return MessagingWebErrors.NotAllowed;
        var rows = await db.Set<MessageTemplate>().AsNoTracking().Where(t => channel == null || t.Channel == channel).OrderBy(t => t.Archived).ThenBy(t => t.Name).ToListAsync(cancellationToken);
        var policy = await composer.Policy(cancellationToken);
        return rows.Select(t => View(t, policy)).ToList();
    }

    public async Task<Result<TemplateView>> Create(TemplateBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!MessagingAccess.Manages(viewer))
            return MessagingWebErrors.NotAllowed;
        if (Check(body) is { Count: > 0 } errors)
            return Result<TemplateView>.Fail(errors);
        var made = MessageTemplate.Create(Details(body), viewer.UserId, time.GetUtcNow());
        if (!made.Succeeded)
            return Result<TemplateView>.Fail(made.Errors);
        db.Add(made.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return View(made.Value!, await composer.Policy(cancellationToken));
    }

    public async Task<Result<TemplateView>> Update(Guid id, TemplateBody body, Guid? version, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!MessagingAccess.Manages(viewer))
            return MessagingWebErrors.NotAllowed;
        if (await db.Set<MessageTemplate>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } template)
            return TemplateErrors.NotFound;
        if (Versions.Check(version, template.Version, required: true) is { } stale)
            return stale;
        if (Check(body) is { Count: > 0 } errors)
            return Result<TemplateView>.Fail(errors);
        var changed = template.Change(Details(body));
        if (!changed.Succeeded)
            return Result<TemplateView>.Fail(changed.Errors);
        if (await db.SaveOrRacedAsync(Versions.Raced, cancellationToken) is { } raced)
            return raced;
        return View(template, await composer.Policy(cancellationToken));
    }

    private List<Error> Check(TemplateBody body)
    {
        var errors = MessageTemplate.Validate(Details(body));
        if (!errors.Any(e => e.Field == "text") && text.Check(body.Text, "text") is { } bad)
            errors.Add(bad);
        if (body.Channel == Channel.Email && !string.IsNullOrWhiteSpace(body.Subject) && !errors.Any(e => e.Field == "subject") && text.Check(body.Subject, "subject") is { } badSubject)
            errors.Add(badSubject);
        return errors;
    }

    private static MessageTemplate.Details Details(TemplateBody b) => new(b.Name ?? "", b.Channel, b.Kind, b.Subject, b.Text ?? "", b.ProviderCode);

    private TemplateView View(MessageTemplate t, MessagingPolicy policy)
    {
        (int, int)? length = t.Channel == Channel.Sms ? SmsText.Measure(composer.SmsText(t, TemplateModel.Sample(composer.CompanyName), policy)) : null;
        return new(t.Id, t.Name, t.Channel, t.Kind, t.Subject, t.Text, t.ProviderCode, t.Archived, length?.Item1, length?.Item2, t.Version);
    }
}

public static class MessagingWebErrors
{
    public static readonly Error NotAllowed = Error.Forbidden("messaging.not_allowed", "您的角色不能管理消息模板和关怀计划。", "Your role cannot manage message templates and care plans.");
    public static readonly Error NotBulkSender = Error.Forbidden("messaging.not_bulk_sender", "只有客服经理和部门经理可以群发消息。", "Only the customer-service manager and department managers send in bulk.");
}

public sealed record PreviewBody(Guid CustomerId);

/// <summary>A template filled for a real customer: the text as they would receive it, its characters and SMS segments.</summary>
public sealed record PreviewView(string? Subject, string Text, int Segments, int Characters);

/// <summary>SVC-5: previews a template with a customer in the caller's sight (their name, title and owner filled in).</summary>
public sealed class PreviewTemplate(GuanxiDbContext db, CustomerViewers viewers, MessageComposer composer)
{
    public async Task<Result<PreviewView>> Handle(Guid id, PreviewBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!MessagingAccess.ReadsOutbox(viewer) && !MessagingAccess.Manages(viewer))
            return MessagingWebErrors.NotAllowed;
        if (await db.Set<MessageTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } template)
            return TemplateErrors.NotFound;
        if (await viewers.WithCustomer(body.CustomerId, cancellationToken) is null)
            return CustomerWebErrors.NotFound.At("customerId");
        var recipient = await composer.Recipients(db.Set<Domain.Customers.Customer>().AsNoTracking().Where(c => c.Id == body.CustomerId), template.Channel, template.Kind).SingleAsync(cancellationToken);
        var owner = await db.Users.Where(u => u.Id == recipient.OwnerId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        var (draft, _) = composer.Compose(template, recipient, owner, await composer.Policy(cancellationToken), "中秋节", null, null, null, null);
        var (characters, segments) = template.Channel == Channel.Sms ? SmsText.Measure(draft.Text) : (draft.Text.Length, 0);
        return new PreviewView(draft.Subject, draft.Text, segments, characters);
    }
}
