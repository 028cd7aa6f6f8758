using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Messaging.Email;
using Guanxi.Web.Features.Messaging.Sms;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Messaging;

/// <summary>
/// Drains the outbox (SVC-5). Each round: a message claimed and not recorded for longer than the lease (the process died
/// between the provider's call and the save) is reconciled — asked of the provider by its id (an SMS: QuerySendDetails by
/// OutId), recorded as sent when the provider has it, else failed as uncertain, never sent again; a queued message past its
/// send-by time is suppressed; then the due messages of a configured channel are claimed in one conditional update (a
/// second sender, on this server or another, claims none of them), handed over once each, and their outcomes saved. An SMS
/// template without its provider's code is sent as the kind's approved template (Messaging:Sms:TemplateCodes:Marketing|Service).
/// </summary>
public sealed class OutboxSender(GuanxiDbContext db, ISmsGateway sms, SmtpEmail email, MessageComposer composer, TimeProvider time, IConfiguration configuration, ILogger<OutboxSender> logger)
{
    public const int Batch = 200;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Backoff = TimeSpan.FromMinutes(2);

    /// <summary>One round; how many messages were handed over.</summary>
    public async Task<int> RunOnce(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await Reconcile(now, cancellationToken);
        await db.Set<OutboxMessage>().Where(m => m.Status == MessageStatus.Queued && m.SendBy != null && m.SendBy < now)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MessageStatus.Suppressed).SetProperty(m => m.Reason, SuppressionReason.QuietHours).SetProperty(m => m.DoneAt, now), cancellationToken);

        var channels = new List<Channel>();
        if (sms.Configured)
            channels.Add(Channel.Sms);
        if (email.Configured)
            channels.Add(Channel.Email);
        if (channels.Count == 0)
            return 0;
        var due = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Status == MessageStatus.Queued && m.PlannedAt <= now && channels.Contains(m.Channel))
            .OrderBy(m => m.PlannedAt).Select(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
            return 0;
        var claim = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10 + Random.Shared.Next(1, 100_000) * 10L, TimeSpan.Zero);   // this round's mark, in whole microseconds as PostgreSQL keeps them
        await db.Set<OutboxMessage>().Where(m => due.Contains(m.Id) && m.Status == MessageStatus.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MessageStatus.Sending).SetProperty(m => m.ClaimedAt, claim).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        var claimed = await db.Set<OutboxMessage>().Where(m => due.Contains(m.Id) && m.Status == MessageStatus.Sending && m.ClaimedAt == claim).ToListAsync(cancellationToken);

        var policy = await composer.Policy(cancellationToken);
        var texts = claimed.Where(m => m.Channel == Channel.Sms).ToList();
        if (texts.Count > 0)
        {
            var signature = composer.Signature(policy);
            var templates = await db.Set<MessageTemplate>().AsNoTracking().Where(t => texts.Select(m => m.TemplateId).Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.ProviderCode, cancellationToken);
            var outcomes = await sms.Send([.. texts.Select(m => new SmsRequest(m.Id, m.Address!, signature, (m.TemplateId is { } t ? templates.GetValueOrDefault(t) : null) ?? configuration[$"Messaging:Sms:TemplateCodes:{m.Kind}"], m.Text,
                m.Parameters is null ? new Dictionary<string, string>() : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(m.Parameters) ?? []))], cancellationToken);
            var byId = texts.ToDictionary(m => m.Id);
            foreach (var o in outcomes)
                Record(byId[o.OutId], o.Accepted, o.ProviderId, o.Code, o.Text, o.Retry, o.InvalidNumber, time.GetUtcNow());
        }
        var mails = claimed.Where(m => m.Channel == Channel.Email).ToList();
        if (mails.Count > 0)
        {
            var byId = mails.ToDictionary(m => m.Id);
            foreach (var (id, accepted, code, text, retry) in await email.Send(mails, composer.CompanyName, cancellationToken))
                Record(byId[id], accepted, null, code, text, retry, false, time.GetUtcNow());
        }
        await db.SaveChangesAsync(cancellationToken);
        return claimed.Count;
    }

    private static void Record(OutboxMessage m, bool accepted, string? providerId, string? code, string? text, bool retry, bool invalid, DateTimeOffset now)
    {
        if (accepted)
            m.Accepted(providerId, now);
        else if (code == "uncertain")
            return;   // left claimed: the next rounds reconcile it after the lease
        else
            m.Refused(code ?? "error", text ?? "", retry, invalid, now, Backoff);
    }

    private async Task Reconcile(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stale = await db.Set<OutboxMessage>().Where(m => m.Status == MessageStatus.Sending && m.ClaimedAt < now - Lease).OrderBy(m => m.ClaimedAt).Take(Batch).ToListAsync(cancellationToken);
        foreach (var m in stale)
        {
            SmsReceipt? receipt = null;
            if (m.Channel == Channel.Sms && sms.Configured && m.Address is not null)
            {
                // The provider files a message under the day it received it, in China time: the claim's day, or the next or
                // previous one when the claim was near midnight or the two clocks differ.
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.ClaimedAt!.Value, composer.Zone).DateTime);
                foreach (var on in new[] { day, day.AddDays(1), day.AddDays(-1) })
                    if ((receipt = await sms.Lookup(m.Id, m.Address, on, cancellationToken)) is not null)
                        break;
            }
            if (receipt is null)
            {
                m.Uncertain(now);
                logger.LogWarning("Outbox message {Id} was claimed at {ClaimedAt} and never recorded; the provider does not know it: failed as uncertain, not resent.", m.Id, m.ClaimedAt);
                continue;
            }
            m.Accepted(receipt.ProviderId, receipt.At);
            if (receipt.Code is not null || receipt.Delivered)
                m.Receipt(receipt.Delivered, receipt.Code, receipt.Text, receipt.At);
        }
        if (stale.Count > 0)
            await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Runs the sender every few seconds (Messaging:SendSeconds, default 5) while the app runs, from the moment it listens;
/// off when Messaging:Worker is false.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Messaging:Worker", true))
            return;
        // Not before the app listens: hosted services start before the server, and the SMS sandbox (Endpoint=self) is this
        // app itself — a round before then is refused (connection refused) and its batch queued again Backoff later.
        using (var started = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStarted, stoppingToken))
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, started.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        if (stoppingToken.IsCancellationRequested)
            return;
        var pause = TimeSpan.FromSeconds(configuration.GetValue("Messaging:SendSeconds", 5));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int sent;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    sent = await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunOnce(stoppingToken);
                }
                while (sent > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The outbox sender's round failed; it tries again in {Pause}.", pause);
            }
            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
