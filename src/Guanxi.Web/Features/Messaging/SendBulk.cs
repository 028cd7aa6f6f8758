using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Messaging;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Messaging;

/// <summary>Whom a bulk send chooses, values as in the customer list (tier may name several: "vip,important"); every field optional.</summary>
public sealed record BulkFilter(string? Tier = null, string? Stage = null, Guid? GroupId = null, string? OwnerId = null, Guid? DepartmentId = null,
    DateOnly? LastOrderFrom = null, DateOnly? LastOrderTo = null);

/// <summary>A bulk send's request; occasion (optional, e.g. midAutumn) fills {{ occasion.name }}.</summary>
public sealed record BulkBody(Channel Channel, MessageKind Kind, Guid TemplateId, BulkFilter? Filter = null, DateTimeOffset? SendAt = null, bool DryRun = true,
    Domain.Care.Occasion? Occasion = null);

/// <summary>What a bulk send will do or did: its id (none for a dry run), how many will receive it, how many are suppressed and why.</summary>
public sealed record BulkCount(Guid? Id, int Recipients, IReadOnlyDictionary<string, int> Suppressed);

/// <summary>
/// SVC-5, SEC-1: a bulk send — one template to the customers a filter chooses, in the caller's sight (the customer-service
/// manager: everyone; a department manager: the department's). A dry run counts who would receive it and who is suppressed
/// and why (no consent, opted out, no address, already sent the same day, the day's cap); a real one writes every message
/// into the outbox at once, for the sender to send at the planned time (quiet hours hold it to the next allowed time). The
/// same template sent twice on a day is a duplicate for each customer, so a second click sends nothing again.
/// A real send reads and composes on this context while a second one, in its own transaction, inserts the chunk composed
/// before: the two overlap (one core each), and the send and its messages are committed together or not at all.
/// </summary>
public sealed class SendBulk(
    GuanxiDbContext db, DbContextOptions<GuanxiDbContext> options, CustomerViewers viewers, ListCustomers customers, MessageComposer composer, OutboxWriter writer, TimeProvider time)
{
    private const int Chunk = 5_000;
    private static readonly JsonSerializerOptions FilterJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static readonly Error TemplateChannel = new("bulk.template_channel", "所选模板的渠道或类型与本次发送不一致。", "The template's channel or kind differs from the send's.", "templateId");
    public static readonly Error BadFilter = new("bulk.filter", "筛选条件无效：客户等级为 ordinary、important、vip（可用逗号分隔多个），生命周期阶段如客户列表。", "Unknown filter value: tier is ordinary, important or vip (several separated by commas), stage as in the customer list.", "filter");
    public static readonly Error BadPeriod = new("bulk.period", "最后购买日期的起始不能晚于结束。", "The last-purchase period's start is after its end.", "filter.lastOrderTo");
    public static readonly Error TooFar = new("bulk.send_at", "计划发送时间不能晚于 90 天后。", "The send time cannot be more than 90 days ahead.", "sendAt");

    public async Task<Result<BulkCount>> Handle(BulkBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!MessagingAccess.SendsBulk(viewer))
            return MessagingWebErrors.NotBulkSender;
        var filter = body.Filter ?? new BulkFilter();
        var tiers = new List<Tier>();
        foreach (var part in (filter.Tier ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ApiEnums.TryParse<Tier>(part, out var tier) || tier is null)
                return BadFilter;
            tiers.Add(tier.Value);
        }
        if (!ApiEnums.TryParse<LifecycleStage>(filter.Stage, out var stage))
            return BadFilter;
        if (filter.LastOrderFrom > filter.LastOrderTo)
            return BadPeriod;
        var now = time.GetUtcNow();
        var sendAt = body.SendAt is { } at && at > now ? at : now;
        if (sendAt > now.AddDays(90))
            return TooFar;
        if (await db.Set<MessageTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == body.TemplateId && !t.Archived, cancellationToken) is not { } template)
            return TemplateErrors.NotFound.At("templateId");
        if (template.Channel != body.Channel || template.Kind != body.Kind)
            return TemplateChannel;

        var query = new CustomerQuery(OwnerId: Blank(filter.OwnerId), DepartmentId: MessagingAccess.BulkDepartment(viewer) ?? filter.DepartmentId, GroupId: filter.GroupId, Stage: stage);
        if (MessagingAccess.BulkDepartment(viewer) is { } own && filter.DepartmentId is { } asked && asked != own)
            return Result<BulkCount>.Ok(new BulkCount(null, 0, new Dictionary<string, int>()));   // another department's customers: none in sight
        var chosen = customers.Filtered(query, viewer, null);
        if (tiers.Count > 0)
            chosen = chosen.Where(c => tiers.Contains(c.Tier));
        if (filter.LastOrderFrom is not null || filter.LastOrderTo is not null)
        {
            var (from, to) = (filter.LastOrderFrom ?? DateOnly.MinValue, filter.LastOrderTo ?? DateOnly.MaxValue);
            chosen = chosen.Where(c => db.Set<Order>().Where(o => o.CustomerId == c.Id).Max(o => (DateOnly?)o.OrderedAt) >= from
                && db.Set<Order>().Where(o => o.CustomerId == c.Id).Max(o => (DateOnly?)o.OrderedAt) <= to);
        }

        var policy = await composer.Policy(cancellationToken);
        var planned = composer.NextAllowed(policy)(sendAt);
        var dedupeKey = $"bulk:{template.Id:N}:{TimeZoneInfo.ConvertTime(planned, composer.Zone):yyyyMMdd}";
        var id = Guid.NewGuid();
        var owners = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var batch = new OutboxBatch(template, policy, owners, dedupeKey, planned, viewer.UserId, now, body.Occasion is { } greeted ? Domain.Care.CareCalendar.Chinese(greeted) : null, BulkSendId: id);
        var suppressed = new Dictionary<SuppressionReason, int>();
        var recipients = 0;
        BulkSend? send = null;
        await using var writing = body.DryRun ? null : new GuanxiDbContext(options);
        await using var transaction = writing is null ? null : await writing.Database.BeginTransactionAsync(cancellationToken);
        await using var insert = writing is null ? null : new BulkInsert(writing, typeof(OutboxMessage), writing.Database.GetDbConnection(), transaction!.GetDbTransaction());
        if (writing is not null)
        {
            send = BulkSend.Start(id, template.Channel, template.Kind, template.Id, JsonSerializer.Serialize(filter, FilterJson), sendAt, MessagingAccess.BulkDepartment(viewer), viewer.UserId, now);
            writing.Add(send);
            await writing.SaveChangesAsync(cancellationToken);
        }
        _ = composer.CompanyName;   // read once, before the chunks
        var composed = System.Threading.Channels.Channel.CreateBounded<List<OutboxMessage>>(2);
        var inserting = insert is null ? Task.CompletedTask : Task.Run(async () =>
        {
            try
            {
                await foreach (var messages in composed.Reader.ReadAllAsync(cancellationToken))
                    await insert.Run(messages, cancellationToken);
            }
            catch (Exception e)
            {
                composed.Writer.TryComplete(e);   // the reader stops at its next chunk
                throw;
            }
        }, cancellationToken);
        try
        {
            var last = Guid.Empty;
            while (true)
            {
                var rows = await composer.Recipients(chosen.Where(c => c.Id.CompareTo(last) > 0).OrderBy(c => c.Id).Take(Chunk), template.Channel, template.Kind).ToListAsync(cancellationToken);
                if (rows.Count == 0)
                    break;
                var (first, end) = (last, rows[^1].Id);
                last = end;
                var theirs = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.CustomerId.CompareTo(first) > 0 && m.CustomerId.CompareTo(end) <= 0);
                var outcomes = await writer.Write(batch, rows, theirs, body.DryRun, cancellationToken);
                foreach (var o in outcomes)
                {
                    if (o.Reason is { } why)
                        suppressed[why] = suppressed.GetValueOrDefault(why) + 1;
                    else
                        recipients++;
                }
                if (insert is not null)
                    await composed.Writer.WriteAsync([.. outcomes.Where(o => o.Message is not null).Select(o => o.Message!)], cancellationToken);
            }
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            // the insert failed and closed the way: its own error is thrown below
        }
        finally
        {
            composed.Writer.TryComplete();
            await Task.WhenAny(inserting);   // never leave an insert running on a connection about to be disposed
        }
        await inserting;
        if (send is not null)
        {
            send.Counted(recipients, suppressed);
            await writing!.SaveChangesAsync(cancellationToken);
            await transaction!.CommitAsync(cancellationToken);
        }
        return new BulkCount(send?.Id, recipients, suppressed.ToDictionary(s => JsonNamingPolicy.CamelCase.ConvertName(s.Key.ToString()), s => s.Value));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
