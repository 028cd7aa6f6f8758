using Guanxi.Domain.Messaging;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Messaging.Email;
using Guanxi.Web.Shared.Api;
using Microsoft.AspNetCore.Mvc;

namespace Guanxi.Web.Features.Messaging;

/// <summary>
/// SVC-5, SEC-1: messaging — the consent ledger, templates (Liquid), the one outbox every channel uses, its sender (SMS by
/// the provider's API, e-mail by SMTP), the provider's receipts and replies, bulk sends and the unsubscribe link.
/// </summary>
public static class MessagingFeature
{
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<TemplateText>();
        services.AddScoped<ConsentLedger>();
        services.AddScoped<IMarketingConsent, MarketingConsents>();
        services.AddScoped<ICustomerMergeStep, MoveConsentsAndMessages>();
        services.AddScoped<GetConsents>();
        services.AddScoped<SaveConsents>();
        services.AddScoped<MessagingSettings>();
        services.AddScoped<MessageComposer>();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<Templates>();
        services.AddScoped<PreviewTemplate>();
        services.AddScoped<SendBulk>();
        services.AddScoped<SendOneMessage>();
        services.AddScoped<GetBulkSend>();
        services.AddScoped<ListMessages>();
        services.AddScoped<UnsubscribeLinks>();
        services.AddScoped<Unsubscribe>();
        services.AddScoped<SmsPush>();
        services.AddScoped<SmtpEmail>();
        services.AddScoped<OutboxSender>();
        services.AddHostedService<OutboxWorker>();
        services.AddScoped<Customers.ITimelineSource, MessageTimeline>();   // the customer's 时间线: every outgoing message
        services.AddSingleton(new Customers.CustomerTab(50, "Consents.Tab", typeof(Pages.ConsentTab), "consents-tab"));   // 同意与消息
        return builder;
    }

    private const int MaxPush = 1024 * 1024;

    public static WebApplication MapMessaging(this WebApplication app)
    {
        var customers = app.MapGroup("/api/customers/{id:guid}/consents").RequireAuthorization().WithTags("Messaging");
        customers.MapGet("/", async (Guid id, GetConsents get, CancellationToken ct) => (await get.Handle(id, ct)).ToHttp())
            .Produces<IReadOnlyList<ConsentView>>()
            .WithSummary("A customer's consents per channel and kind [{channel: sms|email|phone, kind: marketing|service, state: granted|refused|withdrawn, source: form|import|reply|link|staff, at, evidence, by, byId}] — whoever sees the customer.");
        customers.MapPut("/", async (Guid id, IReadOnlyList<ConsentBody> body, SaveConsents save, CancellationToken ct) => (await save.Handle(id, body, ct)).ToHttp())
            .Produces<IReadOnlyList<ConsentView>>()
            .WithSummary("Record a customer's consents [{channel, kind, state, source (default staff), at (default now), evidence}] — the owner, the department's manager, the customer-service manager. Each change is kept in the history.");
        customers.MapGet("/history", async (Guid id, GetConsents get, CancellationToken ct) => (await get.History(id, ct)).ToHttp())
            .Produces<IReadOnlyList<ConsentChangeView>>()
            .WithSummary("Every change of a customer's consents, newest first (at most 200).");
        app.MapPost("/api/customers/{id:guid}/messages", async (Guid id, OneMessageBody body, SendOneMessage send, CancellationToken ct) => (await send.Handle(id, body, ct)).ToHttp())
            .RequireAuthorization().WithTags("Messaging").Produces<OneMessageView>()
            .WithSummary("One SMS to the customer {text (at most 300 characters), kind: marketing (default) | service} — the owner, the department's manager, the customer-service manager. Through the outbox: signature and opt-out words added, consent checked (without it the message is kept as suppressed with its reason), quiet hours, the day's cap. The same text on the same day answers the message already written. → {id, status, reason, plannedAt, text, characters, segments}.");

        var settings = app.MapGroup("/api/settings/messaging").RequireAuthorization().WithTags("Messaging");
        settings.MapGet("/", async (MessagingSettings s, CancellationToken ct) => (await s.Get(ct)).ToHttp())
            .Produces<MessagingSettingsView>()
            .WithSummary("The messaging settings {policy: {smsSignature (empty: the company's name), optOutText (回T退订), quietFrom, quietUntil (08:00–21:00), dailyCap (2)}, canEdit}.");
        settings.MapPut("/", async (MessagingPolicy policy, MessagingSettings s, CancellationToken ct) => (await s.Save(policy, ct)).ToHttp())
            .Produces<MessagingSettingsView>()
            .WithSummary("Set the messaging settings — the customer-service manager and administrators.");

        var templates = app.MapGroup("/api/templates").RequireAuthorization().WithTags("Messaging");
        templates.MapGet("/", async (Channel? channel, Templates t, CancellationToken ct) => (await t.List(channel, ct)).ToHttp())
            .Produces<IReadOnlyList<TemplateView>>()
            .WithSummary("The message templates (channel=sms|email to narrow), an SMS one with its characters and segments for a sample customer.");
        templates.MapPost("/", async (TemplateBody body, Templates t, HttpResponse response, CancellationToken ct) =>
                (await t.Create(body, ct)).ToHttp(v => { response.Headers.ETag = $"\"{v.Version}\""; return TypedResults.Created($"/api/templates/{v.Id}", v); }))
            .Produces<TemplateView>(StatusCodes.Status201Created)
            .WithSummary("Create a template {name, channel: sms|email, kind: marketing|service, subject (e-mail), text with Liquid placeholders {{ customer.name }}, {{ customer.surname }}, {{ customer.title }}, {{ owner.name }}, {{ enterprise.name }}, {{ occasion.name }}, providerCode (the SMS provider's approved template)} — customer-service manager and administrators.");
        templates.MapPut("/{id:guid}", async (Guid id, TemplateBody body, [FromHeader(Name = "If-Match")] string? ifMatch, Templates t, HttpResponse response, CancellationToken ct) =>
                (await t.Update(id, body, ETags.Version(ifMatch), ct)).ToHttp(v => ETags.Tagged(response, v.Version, v)))
            .Produces<TemplateView>()
            .WithSummary("Change a template (If-Match: the version read).");
        templates.MapPost("/{id:guid}/preview", async (Guid id, PreviewBody body, PreviewTemplate preview, CancellationToken ct) => (await preview.Handle(id, body, ct)).ToHttp())
            .Produces<PreviewView>()
            .WithSummary("A template filled for a customer in the caller's sight {customerId} → {subject, text, segments, characters}: an SMS as the phone shows it, with its signature and, for marketing, the opt-out words.");

        var messages = app.MapGroup("/api/messages").RequireAuthorization().WithTags("Messaging");
        messages.MapPost("/bulk", async (BulkBody body, SendBulk send, CancellationToken ct) => (await send.Handle(body, ct)).ToHttp())
            .Produces<BulkCount>()
            .WithSummary("A bulk send {channel, kind, templateId, filter: {tier (several: vip,important), stage, groupId, ownerId, departmentId, lastOrderFrom, lastOrderTo}, sendAt, dryRun, occasion (optional: midAutumn, springFestival …, fills {{ occasion.name }})} → {id (none for a dry run), recipients, suppressed: {noConsent, optedOut, noAddress, duplicate, dailyCap, …}} — the customer-service manager (every customer) and department managers (their department's).");
        messages.MapGet("/bulk/{id:guid}", async (Guid id, GetBulkSend get, CancellationToken ct) => (await get.Handle(id, ct)).ToHttp())
            .Produces<BulkSendView>()
            .WithSummary("A bulk send's progress and results {recipients, suppressed, queued, sending, sent, delivered, failed, optedOutAfter}.");
        messages.MapGet("/", async (Guid? customerId, string? status, Guid? bulkSendId, Channel? channel, [AsParameters] Paging paging, ListMessages list, CancellationToken ct) =>
                (await list.Handle(customerId, status, bulkSendId, paging, channel, ct)).ToHttp())
            .Produces<Page<MessageRow>>()
            .WithSummary("The outbox, newest first: customerId (whoever sees the customer), status=queued|sending|sent|delivered|failed|suppressed, channel=sms|email, bulkSendId; page, pageSize. Addresses masked unless the caller may see them.");

        var sms = app.MapGroup("/api/sms").AllowAnonymous().WithTags("Messaging");
        sms.MapPost("/receipts", async (HttpRequest request, SmsPush push, CancellationToken ct) =>
                await ReadBody(request, ct) is { } body ? (await push.Receipts(body, request.Headers, ct)).ToHttp() : ResultHttp.Problem([SmsPush.BadBody]))
            .WithSummary("The SMS provider's delivery receipts (its JSON array; X-Guanxi-Signature: sha256=HMAC of the body) → {matched, unknown}.");
        sms.MapPost("/replies", async (HttpRequest request, SmsPush push, CancellationToken ct) =>
                await ReadBody(request, ct) is { } body ? (await push.Replies(body, request.Headers, ct)).ToHttp() : ResultHttp.Problem([SmsPush.BadBody]))
            .WithSummary("The customers' SMS replies (signed likewise): T, TD, R or 退订 withdraws the SMS marketing consent of the number's customers at once.");

        app.MapGet("/unsubscribe/{token}", (string token, Unsubscribe unsubscribe) => Page(unsubscribe.Check(token).Succeeded
                ? $"<form method=\"post\"><p>确认不再接收我们的营销邮件？服务通知（如预约提醒、满意度回访）不受影响。</p><button type=\"submit\">确认退订</button></form>"
                : "<p>退订链接无效或已过期。</p>"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/unsubscribe/{token}", async (string token, Unsubscribe unsubscribe, HttpRequest request, CancellationToken ct) =>
            {
                var oneClick = request.HasFormContentType && (await request.ReadFormAsync(ct))["List-Unsubscribe"] == "One-Click";
                var done = await unsubscribe.Handle(token, oneClick ? "邮件客户端一键退订（RFC 8058）" : "退订页面确认", ct);
                return done.Succeeded ? Page("<p>已退订。您将不再收到我们的营销邮件；服务通知不受影响。</p>") : Page("<p>退订链接无效或已过期。</p>", StatusCodes.Status404NotFound);
            })
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static IResult Page(string body, int status = StatusCodes.Status200OK) =>
        Results.Content($"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>退订</title></head><body style=\"font-family:sans-serif;max-width:32em;margin:3em auto\">{body}</body></html>",
            "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    private static async Task<string?> ReadBody(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxPush)
            return null;
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var buffer = new char[MaxPush + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return read > MaxPush ? null : new string(buffer, 0, read);
    }
}
