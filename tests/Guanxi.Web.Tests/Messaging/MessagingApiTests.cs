using System.Buffers;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Messaging;
using Guanxi.Web.Features.Messaging.Sms;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Guanxi.Web.Tests.Messaging;

/// <summary>SEC-1 and SVC-5 through the API on both databases: the consent ledger, templates, bulk sends, quiet hours, the sender's one hand-over, the provider's replies, e-mail by SMTP with its one-click unsubscribe.</summary>
public abstract class MessagingApiTests(GuanxiApp app)
{
    private const string Cs = "cs.manager@demo.guanxi.cn";
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static int phone;

    private static string Mobile() => $"1361{Interlocked.Increment(ref phone) + Random.Shared.Next(0, 9000) * 100:D7}";

    private static async Task<Guid> Customer(HttpClient client, string name, string gender, string mobile, string? email = null)
    {
        var response = await client.PostAsJsonAsync("/api/customers", new
        {
            type = "person", name, gender, phones = new[] { new { kind = "mobile", number = mobile } }, emails = email is null ? Array.Empty<string>() : [email], allowDuplicate = true,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> Group(HttpClient client, params Guid[] members)
    {
        var response = await client.PostAsJsonAsync("/api/groups", new { name = $"关怀测试{Guid.NewGuid():N}"[..12] });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var added = await client.PostAsJsonAsync($"/api/groups/{id}/members", new { customerIds = members });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        return id;
    }

    private static async Task<Guid> Template(HttpClient client, string channel, string kind, string text, string? subject = null)
    {
        var response = await client.PostAsJsonAsync("/api/templates", new { name = $"模板{Guid.NewGuid():N}"[..10], channel, kind, subject, text });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task Consent(HttpClient client, Guid customer, string channel, string kind, string state)
    {
        var response = await client.PutAsJsonAsync($"/api/customers/{customer}/consents", new[] { new { channel, kind, state, source = "form", evidence = "纸质登记表" } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> Bulk(HttpClient client, string channel, string kind, Guid template, Guid group, bool dryRun)
    {
        var response = await client.PostAsJsonAsync("/api/messages/bulk", new { channel, kind, templateId = template, filter = new { groupId = group }, dryRun });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public async Task SEC1_consents_are_recorded_per_channel_and_kind_with_their_history_and_only_those_who_keep_the_customer_change_them()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "沈秋云", "female", Mobile());
        await Consent(sales, customer, "sms", "marketing", "granted");
        await Consent(sales, customer, "sms", "marketing", "granted");   // the same word again: no new change
        var consents = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/consents");
        var sms = consents.EnumerateArray().Single();
        Assert.Equal(("sms", "marketing", "granted", "form"), (sms.GetProperty("channel").GetString(), sms.GetProperty("kind").GetString(), sms.GetProperty("state").GetString(), sms.GetProperty("source").GetString()));
        Assert.True(sms.TryGetProperty("at", out _));
        await Consent(sales, customer, "sms", "marketing", "withdrawn");
        var history = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/consents/history");
        Assert.Equal(["withdrawn", "granted"], history.EnumerateArray().Select(c => c.GetProperty("state").GetString()));

        var twice = await sales.PutAsJsonAsync($"/api/customers/{customer}/consents", new[] { new { channel = "email", kind = "marketing", state = "granted" }, new { channel = "email", kind = "marketing", state = "refused" } });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var wrongType = await sales.PutAsJsonAsync($"/api/customers/{customer}/consents", new[] { new { channel = "fax", kind = "marketing", state = "granted" } });
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var advisor = await app.SignedInAs("advisor@demo.guanxi.cn");   // another department: the customer is not there for them
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/api/customers/{customer}/consents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.PutAsJsonAsync($"/api/customers/{customer}/consents", new[] { new { channel = "sms", kind = "marketing", state = "granted" } })).StatusCode);
        Assert.Equal(2, (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/consents/history")).GetArrayLength());
    }

    [Fact]
    public async Task SVC6_a_recommendation_s_care_text_goes_to_the_customer_as_one_sms_by_the_outbox_s_rules()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "端木清", "female", Mobile());
        async Task<JsonElement> Send(HttpClient client, string text, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var response = await client.PostAsJsonAsync($"/api/customers/{customer}/messages", new { text });
            Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var without = await Send(sales, "您的爱车距上次保养已近 6 个月，欢迎预约。");
        Assert.Equal(("suppressed", "noConsent"), (without.GetProperty("status").GetString(), without.GetProperty("reason").GetString()));

        await Consent(sales, customer, "sms", "marketing", "granted");
        var queued = await Send(sales, "您的轮胎已使用 4 年，建议到店检查。");
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        var text = queued.GetProperty("text").GetString()!;
        Assert.StartsWith("【", text, StringComparison.Ordinal);
        Assert.Contains("您的轮胎已使用 4 年，建议到店检查。", text, StringComparison.Ordinal);
        Assert.Equal(queued.GetProperty("id").GetGuid(), (await Send(sales, "您的轮胎已使用 4 年，建议到店检查。")).GetProperty("id").GetGuid());   // a second click: the same message

        var empty = await Send(sales, "  ", HttpStatusCode.BadRequest);
        Assert.Contains("text", empty.GetRawText(), StringComparison.Ordinal);
        var other = await app.SignedInAs("sales2@demo.guanxi.cn");
        var refused = await other.PostAsJsonAsync($"/api/customers/{customer}/messages", new { text = "不该发出的短信" });
        Assert.True(refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, refused.StatusCode.ToString());
        var messages = await sales.GetFromJsonAsync<JsonElement>($"/api/messages?customerId={customer}");
        Assert.Equal(2, messages.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SVC5_a_template_fills_the_customer_and_counts_its_characters_and_segments()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs(Cs));
        var customer = await Customer(sales, "端木娜", "female", Mobile());
        var template = await Template(cs, "sms", "marketing", "{{ customer.surname }}{{ customer.title }}，{{ occasion.name }}快乐！{{ enterprise.name }}{{ owner.name }}敬上");
        var preview = await (await cs.PostAsJsonAsync($"/api/templates/{template}/preview", new { customerId = customer })).Content.ReadFromJsonAsync<JsonElement>();
        var text = preview.GetProperty("text").GetString()!;
        Assert.StartsWith("【", text, StringComparison.Ordinal);
        Assert.True(text.Contains("端木女士，中秋节快乐！", StringComparison.Ordinal), text);
        Assert.EndsWith("回T退订", text, StringComparison.Ordinal);
        Assert.Equal((text.Length, 1), (preview.GetProperty("characters").GetInt32(), preview.GetProperty("segments").GetInt32()));

        var unknown = await cs.PostAsJsonAsync("/api/templates", new { name = "坏模板", channel = "sms", kind = "marketing", text = "{{ customer.phone }}您好" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var unknownBody = await unknown.Content.ReadAsStringAsync();
        Assert.True(unknownBody.Contains("未知的占位符：phone", StringComparison.Ordinal), unknownBody);
        var broken = await cs.PostAsJsonAsync("/api/templates", new { name = "坏模板", channel = "email", kind = "marketing", text = "{% if %}", subject = (string?)null });
        var errors = (await broken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("subject", out _) && errors.TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsJsonAsync("/api/templates", new { name = "x", channel = "sms", kind = "service", text = "您好" })).StatusCode);
        var advisor = await app.SignedInAs("advisor@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.PostAsJsonAsync($"/api/templates/{template}/preview", new { customerId = customer })).StatusCode);
    }

    [Fact]
    public async Task SEC1_a_marketing_sms_to_a_customer_without_consent_is_suppressed_with_its_reason_and_a_second_send_is_a_duplicate()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs(Cs));
        var (consented, silent) = (await Customer(sales, "韩冬梅", "female", Mobile()), await Customer(sales, "罗建国", "male", Mobile()));
        await Consent(sales, consented, "sms", "marketing", "granted");
        var group = await Group(sales, consented, silent);
        var template = await Template(cs, "sms", "marketing", "{{ customer.surname }}{{ customer.title }}，中秋快乐！");

        var dry = await Bulk(cs, "sms", "marketing", template, group, dryRun: true);
        Assert.Equal(JsonValueKind.Null, dry.GetProperty("id").ValueKind);
        Assert.Equal((1, 1), (dry.GetProperty("recipients").GetInt32(), dry.GetProperty("suppressed").GetProperty("noConsent").GetInt32()));
        var sent = await Bulk(cs, "sms", "marketing", template, group, dryRun: false);
        var id = sent.GetProperty("id").GetGuid();
        var messages = (await cs.GetFromJsonAsync<JsonElement>($"/api/messages?bulkSendId={id}")).GetProperty("items").EnumerateArray().ToList();
        var suppressed = messages.Single(m => m.GetProperty("customerId").GetGuid() == silent);
        Assert.Equal(("suppressed", "noConsent"), (suppressed.GetProperty("status").GetString(), suppressed.GetProperty("reason").GetString()));
        Assert.Equal("queued", messages.Single(m => m.GetProperty("customerId").GetGuid() == consented).GetProperty("status").GetString());
        var again = await Bulk(cs, "sms", "marketing", template, group, dryRun: false);
        Assert.Equal((0, 1), (again.GetProperty("recipients").GetInt32(), again.GetProperty("suppressed").GetProperty("duplicate").GetInt32()));
        var view = await cs.GetFromJsonAsync<JsonElement>($"/api/messages/bulk/{id}");
        Assert.Equal((1, 1), (view.GetProperty("recipients").GetInt32(), view.GetProperty("queued").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsJsonAsync("/api/messages/bulk", new { channel = "sms", kind = "marketing", templateId = template, dryRun = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs("advisor@demo.guanxi.cn")).GetAsync($"/api/messages/bulk/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.PostAsJsonAsync("/api/messages/bulk", new { channel = "sms", kind = "marketing", templateId = template, filter = new { tier = "gold" } })).StatusCode);
    }

    [Fact]
    public async Task SEC1_a_退订_reply_stops_marketing_sms_but_not_a_survey_link()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs(Cs));
        var mobile = Mobile();
        var customer = await Customer(sales, "孟晓光", "male", mobile);
        await Consent(sales, customer, "sms", "marketing", "granted");
        var group = await Group(sales, customer);
        var body = JsonSerializer.Serialize(new[] { new { phone_number = mobile, send_time = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Shanghai).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), content = "退订", sign_name = "关系汽车", dest_code = "1234", sequence_id = 1 } });
        using var unsigned = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync("/api/sms/replies", unsigned)).StatusCode);
        using var signed = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        signed.Headers.Add(SmsPushSignature.Header, SmsPushSignature.Sign(GuanxiApp.SmsPushSecret, body));
        var pushed = await app.CreateClient().PostAsync("/api/sms/replies", signed);
        Assert.True(pushed.IsSuccessStatusCode, await pushed.Content.ReadAsStringAsync());

        var consent = (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/consents")).EnumerateArray().Single();
        Assert.True(consent.GetProperty("state").GetString() == "withdrawn", await pushed.Content.ReadAsStringAsync());
        Assert.Equal(("withdrawn", "reply"), (consent.GetProperty("state").GetString(), consent.GetProperty("source").GetString()));
        var marketing = await Bulk(cs, "sms", "marketing", await Template(cs, "sms", "marketing", "新年特惠"), group, dryRun: true);
        Assert.Equal((0, 1), (marketing.GetProperty("recipients").GetInt32(), marketing.GetProperty("suppressed").GetProperty("optedOut").GetInt32()));
        var survey = await Bulk(cs, "sms", "service", await Template(cs, "sms", "service", "{{ customer.surname }}{{ customer.title }}您好，请为本次保养服务打分：https://guanxi.example/s/abc"), group, dryRun: true);
        Assert.Equal(1, survey.GetProperty("recipients").GetInt32());
    }

    [Fact]
    public async Task SVC5_a_message_queued_at_22_30_leaves_at_08_00_and_a_crash_between_send_and_record_does_not_send_twice()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await Customer(sales, "邓丽华", "female", Mobile());
        await Consent(sales, customer, "sms", "marketing", "granted");
        var group = await Group(sales, customer);
        var template = await Template(await app.SignedInAs(Cs), "sms", "marketing", "{{ customer.surname }}{{ customer.title }}，祝您中秋快乐！");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Shanghai).DateTime);
        var clock = new FakeTimeProvider(At(day, 22, 30));

        Guid message;
        await using (var scope = await app.ScopeAs(Cs))
        {
            var send = ActivatorUtilities.CreateInstance<SendBulk>(scope.ServiceProvider, (TimeProvider)clock);
            var made = await send.Handle(new BulkBody(Channel.Sms, MessageKind.Marketing, template, new BulkFilter(GroupId: group), null, DryRun: false));
            Assert.True(made.Succeeded);
            var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
            var row = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.BulkSendId == made.Value!.Id);
            Assert.Equal(At(day.AddDays(1), 8), row.PlannedAt);
            message = row.Id;
        }
        var sandbox = app.Services.GetRequiredService<SmsSandbox>();
        clock.SetUtcNow(At(day, 23, 0));
        Assert.Equal(MessageStatus.Queued, await Run(clock, message, crash: false));   // quiet hours: still held
        Assert.Equal(0, sandbox.SentTimes(message));

        clock.SetUtcNow(At(day.AddDays(1), 8, 0));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Run(clock, message, crash: true));   // the process dies after the provider took it
        Assert.Equal(1, sandbox.SentTimes(message));
        Assert.Equal(MessageStatus.Sending, await Status(message));
        Assert.Equal(MessageStatus.Sending, await Run(clock, message, crash: false));   // within the lease: left alone
        clock.Advance(OutboxSender.Lease + TimeSpan.FromMinutes(1));
        Assert.Equal(MessageStatus.Sent, await Run(clock, message, crash: false));      // reconciled: the provider has it
        Assert.Equal(1, sandbox.SentTimes(message));
    }

    private async Task<MessageStatus> Run(TimeProvider clock, Guid message, bool crash)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var gateway = scope.ServiceProvider.GetRequiredService<ISmsGateway>();
            var sender = ActivatorUtilities.CreateInstance<OutboxSender>(scope.ServiceProvider, clock, crash ? new CrashAfterSend(gateway) : gateway);
            await sender.RunOnce();
        }
        return await Status(message);
    }

    private async Task<MessageStatus> Status(Guid message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GuanxiDbContext>().Set<OutboxMessage>().Where(m => m.Id == message).Select(m => m.Status).SingleAsync();
    }

    /// <summary>The real provider call, then the process "dies" before the outcome is saved.</summary>
    private sealed class CrashAfterSend(ISmsGateway inner) : ISmsGateway
    {
        public bool Configured => inner.Configured;

        public async Task<IReadOnlyList<SmsOutcome>> Send(IReadOnlyList<SmsRequest> requests, CancellationToken cancellationToken)
        {
            await inner.Send(requests, cancellationToken);
            throw new InvalidOperationException("killed between the provider's answer and the save");
        }

        public Task<SmsReceipt?> Lookup(Guid outId, string phone, DateOnly sentOn, CancellationToken cancellationToken) => inner.Lookup(outId, phone, sentOn, cancellationToken);

        public bool Verifies(string body, Microsoft.AspNetCore.Http.IHeaderDictionary headers) => inner.Verifies(body, headers);

        public IReadOnlyList<SmsReceipt>? ReadReceipts(string body) => inner.ReadReceipts(body);

        public IReadOnlyList<SmsReply>? ReadReplies(string body) => inner.ReadReplies(body);
    }

    [Fact]
    public async Task SVC5_an_email_received_by_the_loopback_smtp_server_carries_List_Unsubscribe_and_its_one_click_POST_works()
    {
        app.EnsureAvailable();
        var store = await Mailbox.Start();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var email = $"care-{Guid.NewGuid():N}@example.cn";
        var customer = await Customer(sales, "许文静", "female", Mobile(), email);
        await Consent(sales, customer, "email", "marketing", "granted");
        var group = await Group(sales, customer);
        var cs = await app.SignedInAs(Cs);
        var template = await Template(cs, "email", "marketing", "{{ customer.surname }}{{ customer.title }}：\n值此中秋佳节，{{ enterprise.name }}祝您阖家团圆。", subject: "{{ occasion.name }}问候");
        var sent = await Bulk(cs, "email", "marketing", template, group, dryRun: false);
        Assert.Equal(1, sent.GetProperty("recipients").GetInt32());
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), Shanghai).DateTime);
        await using (var scope = app.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<OutboxSender>(scope.ServiceProvider, (TimeProvider)new FakeTimeProvider(At(day.AddDays(1), 10))).RunOnce();

        var received = await store.For(email);
        var unsubscribe = received.Headers["List-Unsubscribe"];
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
        var url = new Uri(unsubscribe!.Trim('<', '>', ' '));
        Assert.StartsWith("/unsubscribe/", url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("许女士", received.TextBody, StringComparison.Ordinal);

        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url.PathAndQuery)).StatusCode);   // a scanner's GET changes nothing
        Assert.Equal("granted", (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/consents")).EnumerateArray().Single().GetProperty("state").GetString());
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(url.PathAndQuery, oneClick)).StatusCode);
        var consent = (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/consents")).EnumerateArray().Single();
        Assert.Equal(("withdrawn", "link"), (consent.GetProperty("state").GetString(), consent.GetProperty("source").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync("/unsubscribe/forged-token", null)).StatusCode);
    }

    /// <summary>A real SMTP server (the SmtpServer package) on the loopback port the app's settings name, keeping what it receives.</summary>
    private sealed class Mailbox : MessageStore
    {
        private static readonly SemaphoreSlim Starting = new(1, 1);
        private static Mailbox? running;
        private readonly List<MimeMessage> messages = [];

        public static async Task<Mailbox> Start()
        {
            await Starting.WaitAsync();
            try
            {
                if (running is not null)
                    return running;
                var mailbox = new Mailbox();
                var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, GuanxiApp.SmtpPort))).Build();
                var services = new SmtpServer.ComponentModel.ServiceProvider();
                services.Add(mailbox);
                _ = new SmtpServer.SmtpServer(options, services).StartAsync(CancellationToken.None);
                return running = mailbox;
            }
            finally
            {
                Starting.Release();
            }
        }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (messages)
                messages.Add(message);
            return SmtpResponse.Ok;
        }

        public async Task<MimeMessage> For(string address)
        {
            for (var i = 0; i < 100; i++)
            {
                lock (messages)
                    if (messages.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address)) is { } found)
                        return found;
                await Task.Delay(100);
            }
            throw new TimeoutException($"No e-mail reached {address}.");
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MessagingApiTests_Sqlite(SqliteApp app) : MessagingApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MessagingApiTests_Postgres(PostgresApp app) : MessagingApiTests(app);
