using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guanxi.Web.Features.Messaging.Sms;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Guanxi.Web.Tests.Messaging;

/// <summary>
/// The app with the SMS sandbox on, a fake clock, the "sms" client talking to the test server's own sandbox and the
/// sandbox's pushes caught (the push endpoints are the messaging core's). The adapter does not touch the database:
/// one provider (SQLite, without the demo) is enough to start the app.
/// </summary>
public sealed class SmsSandboxApp : SqliteApp
{
    public const string KeyId = "LTAI5tSandboxKey";
    public const string Secret = "sandbox-access-key-secret";
    public const string PushSecret = "sandbox-push-secret";
    public const int Rate = 5;

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public PushCapture Pushes { get; } = new();

    public static SmsOptions Settings(string secret = Secret) => new()
    {
        Endpoint = "http://localhost" + SmsSandbox.Path, AccessKeyId = KeyId, AccessKeySecret = secret, PushSecret = PushSecret, RatePerSecond = Rate,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Messaging:Sms:Sandbox", "true");
        builder.UseSetting("Messaging:Sms:Endpoint", "http://localhost" + SmsSandbox.Path);
        builder.UseSetting("Messaging:Sms:AccessKeyId", KeyId);
        builder.UseSetting("Messaging:Sms:AccessKeySecret", Secret);
        builder.UseSetting("Messaging:Sms:PushSecret", PushSecret);
        builder.UseSetting("Messaging:Sms:RatePerSecond", Rate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Messaging:Sms:SandboxPushTo", "http://localhost/");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddHttpClient(AliyunSms.Client).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
            services.AddHttpClient(SmsSandbox.PushClient).ConfigurePrimaryHttpMessageHandler(() => Pushes);
        });
    }

    /// <summary>Stands for our push endpoints: keeps what was pushed, answers as Aliyun expects.</summary>
    public sealed class PushCapture : HttpMessageHandler
    {
        private readonly ConcurrentQueue<(string Path, string Body, string? Signature)> pushes = new();

        public IReadOnlyList<(string Path, string Body, string? Signature)> All => [.. pushes];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            pushes.Enqueue((request.RequestUri!.AbsolutePath, body, request.Headers.TryGetValues(SmsPushSignature.Header, out var values) ? values.Single() : null));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"code\":0,\"msg\":\"接收成功\"}", Encoding.UTF8, "application/json") };
        }
    }
}

public sealed class AliyunSmsTests(SmsSandboxApp app) : IClassFixture<SmsSandboxApp>
{
    private AliyunSms Gateway => app.Services.GetRequiredService<AliyunSms>();
    private SmsSandbox Sandbox => app.Services.GetRequiredService<SmsSandbox>();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A mainland mobile in E.164 whose last four digits choose what the sandbox does.</summary>
    private static string Mobile(string lastFour) => "+86139" + Random.Shared.Next(0, 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + lastFour;

    private static SmsRequest Request(Guid outId, string phone) =>
        new(outId, phone, "关系汽车", "SMS_480215", "张先生您好，中秋快乐！回T退订", new Dictionary<string, string> { ["name"] = "张先生", ["occasion"] = "中秋" });

    private DateOnly Today => AliyunFormats.ChinaDate(app.Clock.GetUtcNow());

    private async Task<SmsOutcome> SendOne(string phone, Guid? outId = null) =>
        (await Gateway.Send([Request(outId ?? Guid.NewGuid(), phone)], Token)).Single();

    private IEnumerable<SmsReceipt> PushedReceipts() => app.Pushes.All.Where(p => p.Path == "/" + SmsSandbox.ReceiptsPath).SelectMany(p => Gateway.ReadReceipts(p.Body)!);

    private IEnumerable<SmsReply> PushedReplies() => app.Pushes.All.Where(p => p.Path == "/" + SmsSandbox.RepliesPath).SelectMany(p => Gateway.ReadReplies(p.Body)!);

    [Fact]
    public async Task A_message_is_accepted_with_the_providers_BizId_and_sent_once()
    {
        var outId = Guid.NewGuid();
        var outcome = await SendOne(Mobile("5678"), outId);
        Assert.True(Gateway.Configured);
        Assert.True(outcome.Accepted, outcome.Text);
        Assert.Equal(outId, outcome.OutId);
        Assert.Matches(@"^\d+\^0$", outcome.ProviderId);
        Assert.Equal(1, Sandbox.SentTimes(outId));
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_by_the_signature_check_and_fails_without_a_retry()
    {
        using var wrong = new AliyunSms(Options.Create(SmsSandboxApp.Settings("not-the-secret")), app.Services.GetRequiredService<IHttpClientFactory>(), app.Clock, app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(), NullLogger<AliyunSms>.Instance);
        var outId = Guid.NewGuid();
        var outcome = (await wrong.Send([Request(outId, Mobile("5678"))], Token)).Single();
        Assert.False(outcome.Accepted);
        Assert.Equal("SignatureDoesNotMatch", outcome.Code);
        Assert.False(outcome.Retry);
        Assert.False(outcome.InvalidNumber);
        Assert.Contains("AccessKeySecret", outcome.Text);
        Assert.Equal(0, Sandbox.SentTimes(outId));
    }

    [Fact]
    public async Task A_clock_more_than_15_minutes_off_is_refused_by_the_timestamp_check()
    {
        using var late = new AliyunSms(Options.Create(SmsSandboxApp.Settings()), app.Services.GetRequiredService<IHttpClientFactory>(),
            new FakeTimeProvider(app.Clock.GetUtcNow().AddMinutes(-20)), app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(), NullLogger<AliyunSms>.Instance);
        var outcome = (await late.Send([Request(Guid.NewGuid(), Mobile("5678"))], Token)).Single();
        Assert.Equal("InvalidTimeStamp.Expired", outcome.Code);
        Assert.False(outcome.Retry);
    }

    [Fact]
    public async Task A_number_ending_1111_is_an_invalid_number()
    {
        var outId = Guid.NewGuid();
        var outcome = await SendOne(Mobile("1111"), outId);
        Assert.False(outcome.Accepted);
        Assert.Equal("isv.MOBILE_NUMBER_ILLEGAL", outcome.Code);
        Assert.True(outcome.InvalidNumber);
        Assert.False(outcome.Retry);
        Assert.Equal(0, Sandbox.SentTimes(outId));
    }

    [Fact]
    public async Task Lookup_finds_a_sent_message_by_its_OutId_waiting_then_delivered_and_not_an_unsent_one()
    {
        var phone = Mobile("5678");
        var outId = Guid.NewGuid();
        Assert.True((await SendOne(phone, outId)).Accepted);
        var sentOn = Today;

        var waiting = await Gateway.Lookup(outId, phone, sentOn, Token);
        Assert.NotNull(waiting);
        Assert.True(waiting.Pending);
        Assert.False(waiting.Delivered);
        Assert.Equal(outId, waiting.OutId);
        Assert.Null(await Gateway.Lookup(Guid.NewGuid(), phone, sentOn, Token));
        Assert.Null(await Gateway.Lookup(outId, Mobile("9876"), sentOn, Token));   // another number
        Assert.Null(await Gateway.Lookup(outId, phone, sentOn.AddDays(-1), Token));

        app.Clock.Advance(SmsSandbox.ReceiptAfter + TimeSpan.FromSeconds(1));
        var delivered = await Gateway.Lookup(outId, phone, sentOn, Token);
        Assert.NotNull(delivered);
        Assert.False(delivered.Pending);
        Assert.True(delivered.Delivered);
        Assert.Equal("DELIVERED", delivered.Code);
    }

    [Fact]
    public async Task A_timeout_after_the_request_left_is_uncertain_not_retried_and_Lookup_finds_the_message()
    {
        var outId = Guid.NewGuid();
        var phone = Mobile("5678");
        using var handler = new LostAnswer(app.Server.CreateHandler());
        using var lost = new AliyunSms(Options.Create(SmsSandboxApp.Settings()), new OneClient(handler), app.Clock, app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(), NullLogger<AliyunSms>.Instance);
        var outcome = (await lost.Send([Request(outId, phone)], Token)).Single();
        Assert.False(outcome.Accepted);
        Assert.Equal(AliyunAnswers.Uncertain, outcome.Code);
        Assert.False(outcome.Retry);
        Assert.Equal(1, Sandbox.SentTimes(outId));   // the provider has it: a resend would be a second SMS
        Assert.NotNull(await Gateway.Lookup(outId, phone, Today, Token));
    }

    [Fact]
    public async Task A_connection_that_could_not_be_opened_sent_nothing_and_is_retried_and_a_lookup_that_cannot_ask_throws()
    {
        var outId = Guid.NewGuid();
        using var handler = new Unreachable();
        using var down = new AliyunSms(Options.Create(SmsSandboxApp.Settings()), new OneClient(handler), app.Clock, app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(), NullLogger<AliyunSms>.Instance);
        var outcome = (await down.Send([Request(outId, Mobile("5678"))], Token)).Single();
        Assert.Equal(AliyunAnswers.Network, outcome.Code);
        Assert.True(outcome.Retry);
        Assert.Equal(0, Sandbox.SentTimes(outId));
        await Assert.ThrowsAsync<SmsLookupException>(() => down.Lookup(outId, Mobile("5678"), Today, Token));
    }

    [Fact]
    public async Task A_number_ending_0000_gets_a_failed_receipt_pushed_signed_and_listed()
    {
        var phone = Mobile("0000");
        var outId = Guid.NewGuid();
        var sent = await SendOne(phone, outId);
        Assert.True(sent.Accepted);
        var sentOn = Today;
        app.Clock.Advance(SmsSandbox.ReceiptAfter + TimeSpan.FromSeconds(1));
        await Sandbox.PushDue(Token);

        var receipt = Assert.Single(PushedReceipts(), r => r.OutId == outId);
        Assert.False(receipt.Delivered);
        Assert.Equal("UNDELIV", receipt.Code);
        Assert.Equal(phone, receipt.Phone);
        Assert.Equal(sent.ProviderId, receipt.ProviderId);
        Assert.All(app.Pushes.All, p => Assert.True(Gateway.Verifies(p.Body, new HeaderDictionary { [SmsPushSignature.Header] = p.Signature })));

        var listed = await Gateway.Lookup(outId, phone, sentOn, Token);
        Assert.NotNull(listed);
        Assert.False(listed.Delivered);
        Assert.False(listed.Pending);
        Assert.Equal("UNDELIV", listed.Code);
    }

    [Fact]
    public async Task A_number_ending_2222_gets_its_receipt_only_a_day_later()
    {
        var phone = Mobile("2222");
        var outId = Guid.NewGuid();
        Assert.True((await SendOne(phone, outId)).Accepted);
        var sentOn = Today;

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await Sandbox.PushDue(Token);
        Assert.DoesNotContain(PushedReceipts(), r => r.OutId == outId);
        Assert.True((await Gateway.Lookup(outId, phone, sentOn, Token))!.Pending);

        app.Clock.Advance(SmsSandbox.LateReceiptAfter);
        await Sandbox.PushDue(Token);
        var receipt = Assert.Single(PushedReceipts(), r => r.OutId == outId);
        Assert.True(receipt.Delivered);
        Assert.True(receipt.At >= app.Clock.GetUtcNow() - TimeSpan.FromMinutes(11));
        Assert.True((await Gateway.Lookup(outId, phone, sentOn, Token))!.Delivered);
    }

    [Fact]
    public async Task A_number_ending_3333_replies_T_after_its_receipt()
    {
        var phone = Mobile("3333");
        var outId = Guid.NewGuid();
        Assert.True((await SendOne(phone, outId)).Accepted);

        app.Clock.Advance(SmsSandbox.ReceiptAfter + TimeSpan.FromSeconds(1));
        await Sandbox.PushDue(Token);
        Assert.True(Assert.Single(PushedReceipts(), r => r.OutId == outId).Delivered);
        Assert.DoesNotContain(PushedReplies(), r => r.Phone == phone);

        app.Clock.Advance(SmsSandbox.ReplyAfter);
        await Sandbox.PushDue(Token);
        var reply = Assert.Single(PushedReplies(), r => r.Phone == phone);
        Assert.Equal("T", reply.Text);
        Assert.All(app.Pushes.All, p => Assert.True(Gateway.Verifies(p.Body, new HeaderDictionary { [SmsPushSignature.Header] = p.Signature })));
    }

    [Fact]
    public async Task The_rate_limiter_lets_through_at_most_RatePerSecond_calls_in_a_second()
    {
        var before = Gateway.RateStatistics!.TotalSuccessfulLeases;
        var requests = Enumerable.Range(0, SmsSandboxApp.Rate + 1).Select(_ => Request(Guid.NewGuid(), Mobile("5678"))).ToList();
        var watch = Stopwatch.StartNew();
        var outcomes = await Gateway.Send(requests, Token);
        watch.Stop();
        Assert.All(outcomes, o => Assert.True(o.Accepted, o.Text));
        Assert.Equal(requests.Select(r => r.OutId), outcomes.Select(o => o.OutId));
        Assert.Equal(before + SmsSandboxApp.Rate + 1, Gateway.RateStatistics!.TotalSuccessfulLeases);
        // Six calls under a limit of five in any second: the sixth waits until the first's tenth of a second has left the window.
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task The_sandbox_answers_a_signed_GET_and_refuses_the_same_nonce_twice_and_an_unsigned_call()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = SmsSandboxApp.KeyId, ["Action"] = "QuerySendDetails", ["Format"] = "JSON", ["RegionId"] = "cn-hangzhou",
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureNonce"] = Guid.NewGuid().ToString(), ["SignatureVersion"] = "1.0",
            ["Timestamp"] = AliyunSignature.Timestamp(app.Clock.GetUtcNow()), ["Version"] = "2017-05-25",
            ["PhoneNumber"] = "13900001234", ["SendDate"] = AliyunFormats.Date(Today), ["PageSize"] = "10", ["CurrentPage"] = "1",
        };
        parameters["Signature"] = AliyunSignature.Sign(SmsSandboxApp.Secret, AliyunSignature.StringToSign("GET", parameters));
        var url = SmsSandbox.Path + "?" + string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        using var client = app.CreateClient();

        using var first = await client.GetAsync(new Uri(url, UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = await first.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("OK", answer.GetProperty("Code").GetString());
        Assert.Equal(0, answer.GetProperty("TotalCount").GetInt32());

        using var again = await client.GetAsync(new Uri(url, UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("SignatureNonceUsed", (await again.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("Code").GetString());

        using var unsigned = await client.GetAsync(new Uri(SmsSandbox.Path + "?Action=SendSms", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.StartsWith("Missing", (await unsigned.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("Code").GetString());
    }

    [Fact]
    public void Receipts_are_read_from_Aliyuns_documented_push()
    {
        var outId = Guid.NewGuid();
        var body = $$"""
            [
              {
                "phone_number" : "13811111234",
                "send_time" : "2017-01-01 00:00:00",
                "report_time" : "2017-01-01 00:00:05",
                "success" : true,
                "err_code" : "DELIVERED",
                "err_msg" : "用户接收成功",
                "sms_size" : "1",
                "biz_id" : "12345",
                "out_id" : "{{outId:N}}"
              },
              {
                "phone_number" : "13811115678", "send_time" : "2017-01-01 00:00:00", "report_time" : "2017-01-01 00:01:00",
                "success" : false, "err_code" : "UNDELIV", "err_msg" : "空号", "sms_size" : "1", "biz_id" : "12346", "out_id" : "67890"
              }
            ]
            """;
        var receipts = Gateway.ReadReceipts(body);
        Assert.NotNull(receipts);
        Assert.Equal(2, receipts.Count);
        var delivered = receipts[0];
        Assert.Equal(outId, delivered.OutId);
        Assert.Equal("12345", delivered.ProviderId);
        Assert.Equal("+8613811111234", delivered.Phone);
        Assert.True(delivered.Delivered);
        Assert.Equal("DELIVERED", delivered.Code);
        Assert.Equal("用户接收成功", delivered.Text);
        Assert.Equal(new DateTimeOffset(2017, 1, 1, 0, 0, 5, TimeSpan.FromHours(8)), delivered.At);
        Assert.Null(receipts[1].OutId);   // not one of ours: found by its BizId, if at all
        Assert.False(receipts[1].Delivered);

        Assert.Null(Gateway.ReadReceipts("""{"phone_number":"13811111234"}"""));
        Assert.Null(Gateway.ReadReceipts("""[{"phone_number":"13811111234","report_time":"2017-01-01 00:00:05"}]"""));
        Assert.Null(Gateway.ReadReceipts("not json"));
    }

    [Fact]
    public void Replies_are_read_from_Aliyuns_documented_push()
    {
        var replies = Gateway.ReadReplies("""
            [
              { "phone_number" : "13811113333", "send_time" : "2017-09-01 08:30:00", "content" : "退订", "sign_name" : "关系汽车", "dest_code" : "1234", "sequence_id" : 1234567890 },
              { "phone_number" : "13811114444", "content" : "TD", "send_time" : "2017-09-01 09:00:00", "dest_code" : "1234", "sequence_id" : "1234567891" }
            ]
            """);
        Assert.NotNull(replies);
        Assert.Equal([new SmsReply("+8613811113333", "退订", new DateTimeOffset(2017, 9, 1, 8, 30, 0, TimeSpan.FromHours(8))),
            new SmsReply("+8613811114444", "TD", new DateTimeOffset(2017, 9, 1, 9, 0, 0, TimeSpan.FromHours(8)))], replies);
        Assert.Null(Gateway.ReadReplies("""[{"phone_number":"13811113333","send_time":"2017-09-01 08:30:00"}]"""));
    }

    [Fact]
    public void Verifies_accepts_only_the_bodys_HMAC_by_the_push_secret()
    {
        const string body = """[{"phone_number":"13811113333","send_time":"2017-09-01 08:30:00","content":"T"}]""";
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SmsSandboxApp.PushSecret), Encoding.UTF8.GetBytes(body)));
        Assert.Equal(signature, SmsPushSignature.Sign(SmsSandboxApp.PushSecret, body));
        Assert.True(Gateway.Verifies(body, new HeaderDictionary { [SmsPushSignature.Header] = signature }));
        Assert.True(Gateway.Verifies(body, new HeaderDictionary { [SmsPushSignature.Header] = signature.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal) }));

        Assert.False(Gateway.Verifies(body.Replace("\"T\"", "\"好的\"", StringComparison.Ordinal), new HeaderDictionary { [SmsPushSignature.Header] = signature }));
        Assert.False(Gateway.Verifies(body, new HeaderDictionary { [SmsPushSignature.Header] = SmsPushSignature.Sign("another-secret", body) }));
        Assert.False(Gateway.Verifies(body, new HeaderDictionary { [SmsPushSignature.Header] = signature[7..] }));
        Assert.False(Gateway.Verifies(body, new HeaderDictionary { [SmsPushSignature.Header] = "sha256=zz" }));
        Assert.False(Gateway.Verifies(body, new HeaderDictionary { [SmsPushSignature.Header] = new([signature, signature]) }));
        Assert.False(Gateway.Verifies(body, new HeaderDictionary()));
    }

    /// <summary>Lets the request through to the provider, then loses the answer as a timeout would.</summary>
    private sealed class LostAnswer(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var answered = await base.SendAsync(request, cancellationToken);
            throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException());
        }
    }

    /// <summary>No connection can be opened: nothing leaves.</summary>
    private sealed class Unreachable : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (dysmsapi.aliyuncs.com:443)");
    }

    private sealed class OneClient(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}

/// <summary>The provider's rules that need no provider: the signature by Aliyun's documented example, and what each answer means.</summary>
public sealed class AliyunSmsAnswerTests
{
    [Fact]
    public void The_string_to_sign_and_signature_follow_Aliyuns_documented_example()
    {
        // Aliyun's "签名机制" example: DescribeRegions with AccessKeyId testid, secret testsecret.
        var parameters = new Dictionary<string, string>
        {
            ["TimeStamp"] = "2016-02-23T12:46:24Z", ["Format"] = "XML", ["AccessKeyId"] = "testid", ["Action"] = "DescribeRegions",
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", ["Version"] = "2014-05-26",
            ["SignatureVersion"] = "1.0",
        };
        // The page's string to sign, with its separators percent-encoded as the algorithm says (a copy of the page in the
        // developer forum shows them as "&", but its own signature below is the one of this string).
        const string documented = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1"
            + "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26";
        var stringToSign = AliyunSignature.StringToSign("GET", parameters);
        Assert.Equal(documented, stringToSign);

        // The documented algorithm by hand, Base64(HMAC-SHA1(secret + "&", UTF-8(StringToSign))), gives the page's signature.
#pragma warning disable CA5350   // Aliyun's signature version 1.0 is HMAC-SHA1
        var byHand = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes("testsecret&"), Encoding.UTF8.GetBytes(documented)));
#pragma warning restore CA5350
        Assert.Equal("CT9X0VtwR86fNWSnsc6v8YGOjuE=", byHand);
        Assert.Equal(byHand, AliyunSignature.Sign("testsecret", stringToSign));
        Assert.True(AliyunSignature.Matches("testsecret", "GET", parameters, byHand));
        Assert.False(AliyunSignature.Matches("testsecret", "POST", parameters, byHand));
    }

    [Fact]
    public void Values_are_percent_encoded_by_RFC_3986()
    {
        Assert.Equal("a%20b%2A~%2B%2F%3A", AliyunSignature.PercentEncode("a b*~+/:"));
        Assert.Equal("%E5%85%B3%E7%B3%BB", AliyunSignature.PercentEncode("关系"));
        Assert.Equal("%7B%22name%22%3A%22%E5%BC%A0%22%7D", AliyunSignature.PercentEncode("""{"name":"张"}"""));
    }

    [Theory]
    [InlineData("isv.MOBILE_NUMBER_ILLEGAL", false, true)]
    [InlineData("isv.MOBILE_COUNT_OVER_LIMIT", false, true)]
    [InlineData("isv.BUSINESS_LIMIT_CONTROL", true, false)]
    [InlineData("isp.SYSTEM_ERROR", true, false)]
    [InlineData("Throttling.User", true, false)]
    [InlineData("isv.DAY_LIMIT_CONTROL", false, false)]
    [InlineData("isv.AMOUNT_NOT_ENOUGH", false, false)]
    [InlineData("isv.SMS_SIGNATURE_ILLEGAL", false, false)]
    [InlineData("isv.SMS_TEMPLATE_ILLEGAL", false, false)]
    [InlineData("isv.TEMPLATE_MISSING_PARAMETERS", false, false)]
    [InlineData("isv.BLACK_KEY_CONTROL_LIMIT", false, false)]
    [InlineData("isv.OUT_OF_SERVICE", false, false)]
    [InlineData("isv.DENY_IP_RANGE", false, false)]
    [InlineData("SignatureDoesNotMatch", false, false)]
    [InlineData("InvalidAccessKeyId.NotFound", false, false)]
    [InlineData("isv.SOMETHING_NEW", false, false)]
    public void Aliyuns_codes_mean_retry_or_fail_or_a_wrong_number(string code, bool retry, bool invalidNumber)
    {
        var outId = Guid.NewGuid();
        var outcome = AliyunAnswers.FromSend(outId, HttpStatusCode.OK, $$"""{"Code":"{{code}}","Message":"原文","RequestId":"F655A8D5"}""");
        Assert.False(outcome.Accepted);
        Assert.Equal(code, outcome.Code);
        Assert.Equal(retry, outcome.Retry);
        Assert.Equal(invalidNumber, outcome.InvalidNumber);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", outcome.Text);
    }

    [Fact]
    public void OK_is_accepted_with_the_BizId_and_an_answer_without_a_code_depends_on_the_status()
    {
        var outId = Guid.NewGuid();
        var ok = AliyunAnswers.FromSend(outId, HttpStatusCode.OK, """{"Code":"OK","Message":"OK","BizId":"9006197469364984400","RequestId":"F655A8D5"}""");
        Assert.True(ok.Accepted);
        Assert.Equal("9006197469364984400", ok.ProviderId);

        Assert.True(AliyunAnswers.FromSend(outId, HttpStatusCode.ServiceUnavailable, "").Retry);
        Assert.True(AliyunAnswers.FromSend(outId, HttpStatusCode.InternalServerError, "<html>").Retry);
        var gateway = AliyunAnswers.FromSend(outId, HttpStatusCode.GatewayTimeout, "");
        Assert.Equal((AliyunAnswers.Uncertain, false), (gateway.Code, gateway.Retry));
        var unreadable = AliyunAnswers.FromSend(outId, HttpStatusCode.OK, "<html>busy</html>");
        Assert.Equal((AliyunAnswers.Uncertain, false), (unreadable.Code, unreadable.Retry));
        var forbidden = AliyunAnswers.FromSend(outId, HttpStatusCode.Forbidden, "");
        Assert.Equal(("http-403", false), (forbidden.Code, forbidden.Retry));
        var throttled = AliyunAnswers.FromSend(outId, HttpStatusCode.BadRequest, """{"Code":"Throttling.User","Message":"Request was denied due to user flow control."}""");
        Assert.True(throttled.Retry);
    }

    [Fact]
    public void Only_a_failure_before_the_request_left_is_retried()
    {
        var outId = Guid.NewGuid();
        foreach (var error in (HttpRequestError[])[HttpRequestError.NameResolutionError, HttpRequestError.ConnectionError, HttpRequestError.SecureConnectionError])
            Assert.Equal((AliyunAnswers.Network, true), Meaning(AliyunAnswers.FromFailure(outId, new HttpRequestException(error, "down"))));
        foreach (var failure in (Exception[])[new TaskCanceledException("timeout", new TimeoutException()), new HttpRequestException(HttpRequestError.ResponseEnded, "ended"),
                     new HttpRequestException("reset", new IOException("Connection reset by peer"))])
            Assert.Equal((AliyunAnswers.Uncertain, false), Meaning(AliyunAnswers.FromFailure(outId, failure)));

        static (string?, bool) Meaning(SmsOutcome outcome) => (outcome.Code, outcome.Retry);
    }
}
