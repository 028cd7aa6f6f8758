using Guanxi.Domain.Care;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// Care and messaging in the demo (issue 25 item 12): the templates a dealership uses; consents spread as a real archive
/// has them (most mobile numbers consented on a form or at import, some refused, few e-mails); and a year of care — the
/// Spring Festival and Mid-Autumn greetings to VIP and important customers as bulk sends, birthday greetings — with
/// failed deliveries (空号), customers without consent suppressed, and some who replied T after the Spring Festival and so
/// were not greeted at Mid-Autumn.
/// </summary>
public static class DemoMessaging
{
    public const string SpringFestivalTemplate = "春节问候";
    public const string MidAutumnTemplate = "中秋问候";

    private static readonly (string Name, Channel Channel, MessageKind Kind, string? Subject, string Text)[] Templates =
    [
        (SpringFestivalTemplate, Channel.Sms, MessageKind.Marketing, null, "{{ customer.surname }}{{ customer.title }}，新春快乐！感谢您一年来对{{ enterprise.name }}的信任，祝您马年吉祥、出行平安。您的顾问{{ owner.name }}"),
        (MidAutumnTemplate, Channel.Sms, MessageKind.Marketing, null, "{{ customer.surname }}{{ customer.title }}，{{ occasion.name }}快乐！花好月圆，祝您阖家团圆、出行平安。{{ enterprise.name }} {{ owner.name }}敬上"),
        ("生日祝福", Channel.Sms, MessageKind.Marketing, null, "{{ customer.surname }}{{ customer.title }}，祝您生日快乐！生日当月到店保养享工时八折，期待为您服务。您的顾问{{ owner.name }}"),
        ("中秋问候（邮件）", Channel.Email, MessageKind.Marketing, "{{ occasion.name }}快乐 — {{ enterprise.name }}", "{{ customer.surname }}{{ customer.title }}：\n\n值此{{ occasion.name }}，{{ enterprise.name }}全体员工祝您阖家团圆、幸福安康。\n\n您的顾问 {{ owner.name }}"),
        ("保养到期提醒", Channel.Sms, MessageKind.Service, null, "{{ customer.surname }}{{ customer.title }}，您的爱车即将到达保养时间，欢迎预约到店，咨询请联系{{ owner.name }}。"),
        ("满意度回访", Channel.Sms, MessageKind.Service, null, "{{ customer.surname }}{{ customer.title }}，感谢您选择{{ enterprise.name }}，请花两分钟为本次服务打分，您的意见是我们改进的动力。"),
    ];

    private static readonly System.Text.Json.JsonSerializerOptions SettingJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static async Task Seed(IServiceProvider provider, GuanxiDbContext db, Random random, DateOnly today, DemoProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(progress);
        progress.Stage("客户关怀：模板、同意记录与一年的问候", "Care: templates, consents and a year of greetings");
        var clock = provider.GetRequiredService<EnterpriseClock>();
        var composer = provider.GetRequiredService<MessageComposer>();
        var cs = await db.Users.Where(u => u.Email == "cs.manager@demo.guanxi.cn").Select(u => u.Id).SingleAsync(cancellationToken);
        DateTimeOffset At(DateOnly day, int hour) => clock.StartOf(day).AddHours(hour).ToUniversalTime();

        // The signature the provider approved: the company's short name (its full name is too long for one). The enterprise's
        // setting from the start, as its installer entered it: written without a change in the history.
        var json = System.Text.Json.JsonSerializer.Serialize(MessagingPolicy.Default with { SmsSignature = "恒通汽车" }, SettingJson);
        await using (var setup = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await using (var insert = new BulkInsert(db, typeof(Settings.Setting), db.Database.GetDbConnection(), setup.GetDbTransaction()))
                await insert.Run([new Settings.Setting { Key = MessagingPolicy.SettingsKey, Json = json, UpdatedAt = At(today.AddDays(-400), 9) }], cancellationToken);
            await setup.CommitAsync(cancellationToken);
        }
        var templates = new Dictionary<string, MessageTemplate>();
        foreach (var t in Templates)
        {
            var template = MessageTemplate.Create(new MessageTemplate.Details(t.Name, t.Channel, t.Kind, t.Subject, t.Text, null), cs, At(today.AddDays(-400), 10)).Value!;
            templates[t.Name] = template;
            db.Add(template);
        }

        var customers = await db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.CreatedAt, c.Tier, c.Birthday, c.LunarBirthday, c.Emails }).ToListAsync(cancellationToken);
        var consents = new Dictionary<(Guid, Channel), Consent>();
        var changes = new List<ConsentChange>();
        void Word(Guid customer, Channel channel, ConsentState state, ConsentSource source, string evidence, DateTimeOffset at)
        {
            if (!consents.TryGetValue((customer, channel), out var consent))
                consents[(customer, channel)] = consent = Consent.New(customer, channel, MessageKind.Marketing);
            if (consent.Record(state, source, evidence, Actor.SystemId, at) is { } change)
                changes.Add(change);
        }
        foreach (var c in customers)
        {
            var given = c.CreatedAt.AddDays(random.Next(0, 20));
            var draw = random.NextDouble();
            if (draw < 0.62)
                Word(c.Id, Channel.Sms, ConsentState.Granted, draw < 0.3 ? ConsentSource.Form : draw < 0.5 ? ConsentSource.Import : ConsentSource.Staff,
                    draw < 0.3 ? "购车登记表勾选“同意接收短信”" : draw < 0.5 ? "历史档案导入（原系统同意标记）" : "顾问电话中客户口头同意", given);
            else if (draw < 0.70)
                Word(c.Id, Channel.Sms, ConsentState.Refused, ConsentSource.Form, "登记表未勾选营销短信", given);
            if (random.NextDouble() < 0.45)
                Word(c.Id, Channel.Phone, ConsentState.Granted, ConsentSource.Staff, "客户同意电话回访与活动邀约", given);
            if (c.Emails.Count > 0 && random.NextDouble() < 0.35)
                Word(c.Id, Channel.Email, ConsentState.Granted, ConsentSource.Form, "线上表单订阅", given);
        }

        // The Spring Festival and Mid-Autumn greetings of this year (or last, if not yet), to VIP and important customers.
        var sends = new List<BulkSend>();
        var messages = new List<OutboxMessage>();
        var important = customers.Where(c => c.Tier is Tier.Vip or Tier.Important).ToList();
        var owners = await db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active)
            .Join(db.Users, c => c.OwnerId, u => u.Id, (c, u) => new { c.Id, u.DisplayName }).ToDictionaryAsync(x => x.Id, x => x.DisplayName, cancellationToken);
        var policy = await composer.Policy(cancellationToken);
        var optedOut = new HashSet<Guid>();
        foreach (var (occasion, template) in new[] { (Occasion.SpringFestival, SpringFestivalTemplate), (Occasion.MidAutumn, MidAutumnTemplate) })
        {
            var day = CareCalendar.DateOf(occasion, today.Year)!.Value;
            if (day >= today)
                day = CareCalendar.DateOf(occasion, today.Year - 1)!.Value;
            var sendAt = At(day.AddDays(-1), 9);
            var send = BulkSend.Start(Guid.NewGuid(), Channel.Sms, MessageKind.Marketing, templates[template].Id, "{\"tier\":\"vip,important\"}", sendAt, null, cs, sendAt.AddMinutes(-30));
            var suppressed = new Dictionary<SuppressionReason, int>();
            var recipients = 0;
            var rows = await composer.Recipients(db.Set<Customer>().AsNoTracking().Where(c => c.Tier == Tier.Vip || c.Tier == Tier.Important).Where(c => c.Status == CustomerStatus.Active),
                Channel.Sms, MessageKind.Marketing).ToListAsync(cancellationToken);
            foreach (var r in rows)
            {
                var state = consents.TryGetValue((r.Id, Channel.Sms), out var consent) && consent.At <= sendAt ? consent.State : (ConsentState?)null;
                if (optedOut.Contains(r.Id))
                    state = ConsentState.Withdrawn;
                var (draft, reason) = composer.Compose(templates[template], r with { Consent = state }, owners.GetValueOrDefault(r.Id) ?? "", policy, occasion.Chinese(), send.Id, null, null, null);
                var message = OutboxMessage.Write(draft, sendAt, reason, at => at, cs, sendAt.AddMinutes(-30));
                if (reason is { } why)
                {
                    suppressed[why] = suppressed.GetValueOrDefault(why) + 1;
                    messages.Add(message);
                    continue;
                }
                recipients++;
                message.Claim(sendAt);
                message.Accepted($"{random.NextInt64(100000000000, 999999999999)}^0", sendAt.AddSeconds(random.Next(1, 600)));
                var failed = random.NextDouble() < 0.04;
                message.Receipt(!failed, failed ? "UNDELIV" : "DELIVERED", failed ? "空号或停机，无法送达" : "用户接收成功", sendAt.AddSeconds(random.Next(600, 3600)));
                messages.Add(message);
                if (occasion == Occasion.SpringFestival && random.NextDouble() < 0.03)
                {
                    optedOut.Add(r.Id);
                    Word(r.Id, Channel.Sms, ConsentState.Withdrawn, ConsentSource.Reply, "短信回复“T”", sendAt.AddHours(2));
                }
            }
            send.Counted(recipients, suppressed);
            sends.Add(send);
        }

        // Birthday greetings over the past year, on the day at 09:00, to customers with a birthday and consent then.
        var birthdays = templates["生日祝福"];
        var byId = (await composer.Recipients(db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active && c.Birthday != null), Channel.Sms, MessageKind.Marketing)
            .ToListAsync(cancellationToken)).ToDictionary(r => r.Id);
        foreach (var c in customers.Where(c => c.Birthday is not null && byId.ContainsKey(c.Id)))
        {
            var day = CareCalendar.BirthdaysIn(c.Birthday!.Value, c.LunarBirthday, today.Year).Concat(CareCalendar.BirthdaysIn(c.Birthday.Value, c.LunarBirthday, today.Year - 1))
                .Where(d => d < today && d >= today.AddDays(-365)).DefaultIfEmpty().Max();
            if (day == default)
                continue;
            var at = At(day, 9);
            var state = consents.TryGetValue((c.Id, Channel.Sms), out var consent) && consent.At <= at ? consent.State : (ConsentState?)null;
            if (state != ConsentState.Granted)
                continue;   // the plan greets those who consented; the others were counted as suppressed on the day
            var (draft, reason) = composer.Compose(birthdays, byId[c.Id] with { Consent = state }, owners.GetValueOrDefault(c.Id) ?? "", policy, Occasion.Birthday.Chinese(), null, null, $"birthday:{day:yyyyMMdd}", null);
            var message = OutboxMessage.Write(draft, at, reason, t => t, Actor.SystemId, at.AddHours(-3));
            if (reason is null)
            {
                message.Claim(at);
                message.Accepted($"{random.NextInt64(100000000000, 999999999999)}^0", at.AddSeconds(5));
                var failed = random.NextDouble() < 0.03;
                message.Receipt(!failed, failed ? "UNDELIV" : "DELIVERED", failed ? "空号或停机，无法送达" : "用户接收成功", at.AddMinutes(2));
            }
            messages.Add(message);
        }

        db.AddRange(consents.Values);
        db.AddRange(changes);
        db.AddRange(sends);
        await db.SaveChangesAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (var insert = new BulkInsert(db, typeof(OutboxMessage), db.Database.GetDbConnection(), transaction.GetDbTransaction()))
            foreach (var chunk in messages.Chunk(2_000))
                await insert.Run(chunk, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress.Count("条消息", "messages", messages.Count, messages.Count);
    }
}
