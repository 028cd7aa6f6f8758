using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Guanxi.Web.Features.Messaging.Sms;

/// <summary>
/// A stand-in of Aliyun's SMS API for demos, tests and the bench (mapped at <see cref="Path"/>, anonymous, only when
/// <c>Messaging:Sms:Sandbox</c> is true). It answers <c>SendSms</c> and <c>QuerySendDetails</c> as Aliyun does, after
/// the checks Aliyun makes: the access key, the signature by the configured secret (<c>SignatureDoesNotMatch</c>),
/// the timestamp within 15 minutes of its clock, a nonce used once. It keeps every send in memory and pushes their
/// receipts and the customers' replies to our own <c>/api/sms/receipts</c> and <c>/api/sms/replies</c> in Aliyun's
/// push shapes, signed with the push secret (<see cref="SmsPushSignature"/>), when due by the app's clock
/// (<see cref="PushDue"/>; <see cref="SmsSandboxPusher"/> calls it every few seconds).
/// <para>What happens depends on the number's last four digits:</para>
/// <list type="bullet">
/// <item><c>1111</c> — refused at once: <c>isv.MOBILE_NUMBER_ILLEGAL</c> (as any number that is not 11 digits from 1);</item>
/// <item><c>0000</c> — accepted, then a failed receipt (<c>UNDELIV</c>, 空号或停机) after <see cref="ReceiptAfter"/>;</item>
/// <item><c>2222</c> — accepted, its receipt (delivered) only a day later (<see cref="LateReceiptAfter"/>);</item>
/// <item><c>3333</c> — accepted, delivered, and <see cref="ReplyAfter"/> after the receipt the customer replies 「T」 (退订);</item>
/// <item>any other — accepted and delivered after <see cref="ReceiptAfter"/>.</item>
/// </list>
/// </summary>
public sealed class SmsSandbox(IOptions<SmsOptions> options, TimeProvider time, IHttpClientFactory clients, IServer server, ILogger<SmsSandbox> logger) : IDisposable
{
    public const string Path = "/sandbox/aliyun-sms/";

    /// <summary>The named HttpClient the pushes go out with (tests swap its primary handler).</summary>
    public const string PushClient = "sms-push";

    public const string ReceiptsPath = "api/sms/receipts";
    public const string RepliesPath = "api/sms/replies";

    public static readonly TimeSpan ReceiptAfter = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LateReceiptAfter = TimeSpan.FromDays(1);
    public static readonly TimeSpan ReplyAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(15);
    private const int MaxNumbers = 1000;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed class Sent
    {
        public required string Phone { get; init; }
        public required string? OutId { get; init; }
        public required string BizId { get; init; }
        public required string SignName { get; init; }
        public required string TemplateCode { get; init; }
        public required string? TemplateParam { get; init; }
        public required DateTimeOffset SentAt { get; init; }
        public required DateTimeOffset ReceiptAt { get; init; }
        public required bool Fails { get; init; }
        public required DateTimeOffset? ReplyAt { get; init; }
        public bool ReceiptPushed { get; set; }
        public bool ReplyPushed { get; set; }
        public bool Done => ReceiptPushed && (ReplyAt is null || ReplyPushed);
    }

    private readonly Lock gate = new();
    private readonly Dictionary<string, List<Sent>> byPhone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> timesByOutId = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Sent> unpushed = [];
    private readonly Dictionary<string, DateTimeOffset> nonces = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim pushing = new(1, 1);
    private long lastBizId = 100_000_000_000_000;
    private long lastSequence;

    /// <summary>How many times a message was sent (accepted) under this OutId: more than once is a double send.</summary>
    public int SentTimes(Guid outId)
    {
        lock (gate)
            return timesByOutId.GetValueOrDefault(outId.ToString("N"));
    }

    /// <summary>The provider's answer to one RPC request (GET with a query, or POST with a form).</summary>
    public async Task<IResult> Answer(HttpContext context)
    {
        var request = context.Request;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
            parameters[key] = value.ToString();
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
            foreach (var (key, value) in await request.ReadFormAsync(context.RequestAborted))
                parameters[key] = value.ToString();

        var refusal = Authenticate(request.Method, parameters);
        if (refusal is not null)
            return refusal;
        return parameters["Action"] switch
        {
            "SendSms" => SendSms(parameters),
            "QuerySendDetails" => QuerySendDetails(parameters),
            var action => Error(StatusCodes.Status404NotFound, "InvalidAction.NotFound", $"Specified api is not found, please check your url and method. ({action})"),
        };
    }

    /// <summary>Aliyun's checks of every call: the common parameters, the key, the signature, the time, the nonce, the version.</summary>
    private IResult? Authenticate(string method, Dictionary<string, string> parameters)
    {
        foreach (var name in (string[])["AccessKeyId", "Action", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp", "Version", "Signature"])
            if (string.IsNullOrEmpty(parameters.GetValueOrDefault(name)))
                return Error(StatusCodes.Status400BadRequest, "Missing" + name, $"{name} is mandatory for this action.");
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.AccessKeyId) || parameters["AccessKeyId"] != settings.AccessKeyId)
            return Error(StatusCodes.Status404NotFound, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        if (parameters["SignatureMethod"] != AliyunSignature.Method || parameters["SignatureVersion"] != AliyunSignature.Version)
            return Error(StatusCodes.Status400BadRequest, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
        if (!AliyunSignature.Matches(settings.AccessKeySecret ?? "", method, parameters, parameters["Signature"]))
            return Error(StatusCodes.Status400BadRequest, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
        if (!DateTimeOffset.TryParseExact(parameters["Timestamp"], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
            return Error(StatusCodes.Status400BadRequest, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        var now = time.GetUtcNow();
        if ((now - timestamp).Duration() > TimestampTolerance)
            return Error(StatusCodes.Status400BadRequest, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        lock (gate)
        {
            if (nonces.Count > 10_000)
                foreach (var old in nonces.Where(n => now - n.Value > TimestampTolerance).Select(n => n.Key).ToList())
                    nonces.Remove(old);
            if (!nonces.TryAdd(parameters["SignatureNonce"], now))
                return Error(StatusCodes.Status400BadRequest, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
        if (parameters["Version"] != AliyunSms.ApiVersion)
            return Error(StatusCodes.Status400BadRequest, "InvalidVersion", "Specified parameter Version is not valid.");
        return null;
    }

    private IResult SendSms(Dictionary<string, string> parameters)
    {
        foreach (var name in (string[])["PhoneNumbers", "SignName", "TemplateCode"])
            if (string.IsNullOrWhiteSpace(parameters.GetValueOrDefault(name)))
                return Error(StatusCodes.Status400BadRequest, "Missing" + name, $"{name} is mandatory for this action.");
        var templateParam = parameters.GetValueOrDefault("TemplateParam");
        if (templateParam is not null && !IsStringObject(templateParam))
            return Business("isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
        var phones = parameters["PhoneNumbers"].Split(',', StringSplitOptions.TrimEntries);
        if (phones.Length > MaxNumbers)
            return Business("isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制");
        if (phones.Any(p => !IsMobile(p) || p.EndsWith("1111", StringComparison.Ordinal)))
            return Business("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
        var outId = parameters.GetValueOrDefault("OutId");
        var now = time.GetUtcNow();
        string bizId;
        lock (gate)
        {
            bizId = $"{++lastBizId}^0";
            foreach (var phone in phones)
            {
                var receiptAt = now + (phone.EndsWith("2222", StringComparison.Ordinal) ? LateReceiptAfter : ReceiptAfter);
                var sent = new Sent
                {
                    Phone = phone, OutId = outId, BizId = bizId, SignName = parameters["SignName"], TemplateCode = parameters["TemplateCode"],
                    TemplateParam = templateParam, SentAt = now, ReceiptAt = receiptAt, Fails = phone.EndsWith("0000", StringComparison.Ordinal),
                    ReplyAt = phone.EndsWith("3333", StringComparison.Ordinal) ? receiptAt + ReplyAfter : null,
                };
                if (!byPhone.TryGetValue(phone, out var list))
                    byPhone[phone] = list = [];
                list.Add(sent);
                unpushed.Add(sent);
                if (!string.IsNullOrEmpty(outId))
                    timesByOutId[outId] = timesByOutId.GetValueOrDefault(outId) + 1;
            }
        }
        return Results.Json(new Dictionary<string, string> { ["Code"] = "OK", ["Message"] = "OK", ["BizId"] = bizId, ["RequestId"] = RequestId() }, Json);
    }

    private IResult QuerySendDetails(Dictionary<string, string> parameters)
    {
        foreach (var name in (string[])["PhoneNumber", "SendDate", "PageSize", "CurrentPage"])
            if (string.IsNullOrWhiteSpace(parameters.GetValueOrDefault(name)))
                return Error(StatusCodes.Status400BadRequest, "Missing" + name, $"{name} is mandatory for this action.");
        if (!DateOnly.TryParseExact(parameters["SendDate"], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !int.TryParse(parameters["PageSize"], CultureInfo.InvariantCulture, out var pageSize) || pageSize is < 1 or > 50
            || !int.TryParse(parameters["CurrentPage"], CultureInfo.InvariantCulture, out var page) || page < 1)
            return Business("isv.INVALID_PARAMETERS", "参数异常");
        var bizId = parameters.GetValueOrDefault("BizId");
        var now = time.GetUtcNow();
        List<Dictionary<string, object?>> details;
        int total;
        lock (gate)
        {
            var sends = byPhone.GetValueOrDefault(parameters["PhoneNumber"], [])
                .Where(s => AliyunFormats.ChinaDate(s.SentAt) == date && (string.IsNullOrEmpty(bizId) || s.BizId == bizId))
                .ToList();
            total = sends.Count;
            details = [.. sends.Skip((page - 1) * pageSize).Take(pageSize).Select(s => Detail(s, now))];
        }
        return Results.Json(new Dictionary<string, object?>
        {
            ["Code"] = "OK",
            ["Message"] = "OK",
            ["RequestId"] = RequestId(),
            ["TotalCount"] = total,
            ["SmsSendDetailDTOs"] = new Dictionary<string, object?> { ["SmsSendDetailDTO"] = details },
        }, Json);
    }

    private static Dictionary<string, object?> Detail(Sent sent, DateTimeOffset now)
    {
        var reported = sent.ReceiptAt <= now;
        return new()
        {
            ["PhoneNum"] = sent.Phone,
            ["SendStatus"] = !reported ? 1 : sent.Fails ? 2 : 3,
            ["ErrCode"] = !reported ? "" : sent.Fails ? "UNDELIV" : "DELIVERED",
            ["TemplateCode"] = sent.TemplateCode,
            ["Content"] = $"【{sent.SignName}】{sent.TemplateParam}",
            ["SendDate"] = AliyunFormats.Time(sent.SentAt),
            ["ReceiveDate"] = reported ? AliyunFormats.Time(sent.ReceiptAt) : "",
            ["OutId"] = sent.OutId ?? "",
        };
    }

    /// <summary>Pushes the receipts, then the replies, that are due by the app's clock; one push at a time. How many items went out.</summary>
    public async Task<int> PushDue(CancellationToken cancellationToken)
    {
        await pushing.WaitAsync(cancellationToken);
        try
        {
            var pushed = 0;
            List<Sent> receipts;
            lock (gate)
            {
                var now = time.GetUtcNow();
                receipts = [.. unpushed.Where(s => !s.ReceiptPushed && s.ReceiptAt <= now)];
            }
            if (receipts.Count > 0 && await Push(ReceiptsPath, receipts.Select(Receipt), cancellationToken))
            {
                pushed += receipts.Count;
                lock (gate)
                    foreach (var sent in receipts)
                        sent.ReceiptPushed = true;
            }
            List<Sent> replies;
            lock (gate)
            {
                var now = time.GetUtcNow();
                replies = [.. unpushed.Where(s => s.ReceiptPushed && !s.ReplyPushed && s.ReplyAt <= now)];
            }
            if (replies.Count > 0 && await Push(RepliesPath, replies.Select(Reply), cancellationToken))
            {
                pushed += replies.Count;
                lock (gate)
                    foreach (var sent in replies)
                        sent.ReplyPushed = true;
            }
            lock (gate)
                unpushed.RemoveAll(s => s.Done);
            return pushed;
        }
        finally
        {
            pushing.Release();
        }
    }

    private static Dictionary<string, object?> Receipt(Sent sent) => new()
    {
        ["phone_number"] = sent.Phone,
        ["send_time"] = AliyunFormats.Time(sent.SentAt),
        ["report_time"] = AliyunFormats.Time(sent.ReceiptAt),
        ["success"] = !sent.Fails,
        ["err_code"] = sent.Fails ? "UNDELIV" : "DELIVERED",
        ["err_msg"] = sent.Fails ? "空号或停机，无法送达" : "用户接收成功",
        ["sms_size"] = "1",
        ["biz_id"] = sent.BizId,
        ["out_id"] = sent.OutId ?? "",
    };

    private Dictionary<string, object?> Reply(Sent sent) => new()
    {
        ["phone_number"] = sent.Phone,
        ["send_time"] = AliyunFormats.Time(sent.ReplyAt!.Value),
        ["content"] = "T",
        ["sign_name"] = sent.SignName,
        ["dest_code"] = "1234",
        ["sequence_id"] = Interlocked.Increment(ref lastSequence),
    };

    /// <summary>One signed push of a JSON array; false (to try again next time) when it did not go through.</summary>
    private async Task<bool> Push(string path, IEnumerable<Dictionary<string, object?>> items, CancellationToken cancellationToken)
    {
        var secret = options.Value.PushSecret;
        var target = PushTarget();
        if (string.IsNullOrEmpty(secret) || target is null)
        {
            logger.LogWarning("The SMS sandbox cannot push: Messaging:Sms:PushSecret or the address to push to is missing");
            return false;
        }
        var body = JsonSerializer.Serialize(items, Json);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(target, path)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Add(SmsPushSignature.Header, SmsPushSignature.Sign(secret, body));
        try
        {
            using var response = await clients.CreateClient(PushClient).SendAsync(message, cancellationToken);
            if (response.IsSuccessStatusCode)
                return true;
            logger.LogWarning("The SMS sandbox's push to {Path} answered {Status}", path, (int)response.StatusCode);
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The SMS sandbox could not push to {Path}", path);
            return false;
        }
    }

    /// <summary>Messaging:Sms:SandboxPushTo, else the app's own first address (a wildcard host read as localhost).</summary>
    private Uri? PushTarget() =>
        !string.IsNullOrWhiteSpace(options.Value.SandboxPushTo) ? new Uri(options.Value.SandboxPushTo.EndsWith('/') ? options.Value.SandboxPushTo : options.Value.SandboxPushTo + "/")
        : OwnAddress(server);

    /// <summary>The app's own first address, with a trailing slash (a wildcard host read as localhost); null before the server listens.</summary>
    public static Uri? OwnAddress(IServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } own
            ? own.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            : null;
        return address is null ? null : new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static bool IsMobile(string phone) => phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit);

    private static bool IsStringObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Dispose() => pushing.Dispose();

    private static string RequestId() => Guid.NewGuid().ToString().ToUpperInvariant();

    /// <summary>A refusal of the gateway (key, signature, parameters): an HTTP error with Aliyun's error body.</summary>
    private static IResult Error(int status, string code, string message) => Results.Json(new Dictionary<string, string>
    {
        ["RequestId"] = RequestId(),
        ["HostId"] = "dysmsapi.aliyuncs.com",
        ["Code"] = code,
        ["Message"] = message,
    }, Json, statusCode: status);

    /// <summary>A refusal of the SMS service itself (number, template, limits): HTTP 200 with the code, as Aliyun answers them.</summary>
    private static IResult Business(string code, string message) =>
        Results.Json(new Dictionary<string, string> { ["Code"] = code, ["Message"] = message, ["RequestId"] = RequestId() }, Json);
}
