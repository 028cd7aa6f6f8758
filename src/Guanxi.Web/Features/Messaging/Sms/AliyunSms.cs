using Microsoft.AspNetCore.Hosting.Server;
using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Guanxi.Web.Features.Messaging.Sms;

/// <summary>
/// The SMS provider Aliyun (短信服务, Dysmsapi 2017-05-25, RPC style): <c>SendSms</c> per message with our message id
/// as <c>OutId</c>, <c>QuerySendDetails</c> to find a message again by that OutId, and the HTTP batch push of receipts
/// (SmsReport) and replies (SmsUp), which we accept only signed by our relay (<see cref="SmsPushSignature"/>).
/// Every call is signed (<see cref="AliyunSignature"/>) and waits for its turn under one sliding-window limiter of
/// <see cref="SmsOptions.RatePerSecond"/> calls a second, a few at a time. What each answer means is
/// <see cref="AliyunAnswers"/>' (including why a timeout after sending is "uncertain" and never a retry).
/// </summary>
public sealed class AliyunSms : ISmsGateway, IDisposable
{
    /// <summary>The named HttpClient of the provider's API (tests swap its primary handler).</summary>
    public const string Client = "sms";
    public const string ApiVersion = "2017-05-25";
    private const int InParallel = 4;
    private const int PageSize = 50;

    private static readonly JsonSerializerOptions TemplateJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SmsOptions options;
    private readonly IHttpClientFactory clients;
    private readonly TimeProvider time;
    private readonly ILogger<AliyunSms> logger;
    private readonly IServer server;
    private readonly SlidingWindowRateLimiter limiter;

    /// <summary>The provider's address: the configured one, or — <see cref="SmsOptions.Self"/>, the demo's sandbox — this app's own stand-in.</summary>
    private Uri Endpoint() => options.Endpoint == SmsOptions.Self
        ? new Uri(SmsSandbox.OwnAddress(server) ?? new Uri("http://localhost:5000/"), SmsSandbox.Path.TrimStart('/'))
        : new Uri(options.Endpoint);

    public AliyunSms(IOptions<SmsOptions> options, IHttpClientFactory clients, TimeProvider time, IServer server, ILogger<AliyunSms> logger)
    {
        this.options = options.Value;
        this.server = server;
        this.clients = clients;
        this.time = time;
        this.logger = logger;
        limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, this.options.RatePerSecond),
            Window = TimeSpan.FromSeconds(1),
            SegmentsPerWindow = 10,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public bool Configured =>
        !string.IsNullOrWhiteSpace(options.Endpoint) && !string.IsNullOrWhiteSpace(options.AccessKeyId) && !string.IsNullOrWhiteSpace(options.AccessKeySecret);

    /// <summary>The limiter's counts (permits left, calls waiting, calls let through), for tests and diagnostics.</summary>
    public RateLimiterStatistics? RateStatistics => limiter.GetStatistics();

    public async Task<IReadOnlyList<SmsOutcome>> Send(IReadOnlyList<SmsRequest> requests, CancellationToken cancellationToken)
    {
        var outcomes = new SmsOutcome[requests.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = InParallel, CancellationToken = cancellationToken },
            async (i, token) => outcomes[i] = await SendOne(requests[i], token));
        return outcomes;
    }

    private async Task<SmsOutcome> SendOne(SmsRequest request, CancellationToken cancellationToken)
    {
        if (!Configured)
            return new SmsOutcome(request.OutId, false, null, "not-configured", "短信服务未配置（AccessKeyId、AccessKeySecret）。", true, false);
        if (string.IsNullOrWhiteSpace(request.TemplateCode))
            return new SmsOutcome(request.OutId, false, null, "template-missing", "未设置阿里云短信模板代码（TemplateCode）。", false, false);
        var parameters = Common("SendSms");
        parameters["PhoneNumbers"] = AliyunFormats.Phone(request.Phone);
        parameters["SignName"] = request.SignName;
        parameters["TemplateCode"] = request.TemplateCode;
        if (request.Parameters.Count > 0)
            parameters["TemplateParam"] = JsonSerializer.Serialize(request.Parameters, TemplateJson);
        parameters["OutId"] = request.OutId.ToString("N");
        try
        {
            var (status, body) = await Call(parameters, cancellationToken);
            var outcome = AliyunAnswers.FromSend(request.OutId, status, body);
            if (!outcome.Accepted)
                logger.LogWarning("SMS {OutId} not accepted: {Code} {Text}", request.OutId, outcome.Code, outcome.Text);
            return outcome;
        }
        catch (Exception e) when (IsNoAnswer(e, cancellationToken))
        {
            var outcome = AliyunAnswers.FromFailure(request.OutId, e);
            logger.LogWarning(e, "SMS {OutId}: no answer from the provider ({Code})", request.OutId, outcome.Code);
            return outcome;
        }
    }

    public async Task<SmsReceipt?> Lookup(Guid outId, string phone, DateOnly sentOn, CancellationToken cancellationToken)
    {
        var ours = outId.ToString("N");
        for (var page = 1; ; page++)
        {
            var parameters = Common("QuerySendDetails");
            parameters["PhoneNumber"] = AliyunFormats.Phone(phone);
            parameters["SendDate"] = AliyunFormats.Date(sentOn);
            parameters["PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture);
            parameters["CurrentPage"] = page.ToString(CultureInfo.InvariantCulture);
            string body;
            try
            {
                (_, body) = await Call(parameters, cancellationToken);
            }
            catch (Exception e) when (IsNoAnswer(e, cancellationToken))
            {
                throw new SmsLookupException($"Aliyun QuerySendDetails did not answer for {outId}.", e);
            }
            using var json = Parse(body) ?? throw new SmsLookupException($"Aliyun QuerySendDetails answered something else than JSON for {outId}.");
            var root = json.RootElement;
            var code = AliyunAnswers.Text(root, "Code");
            if (code != "OK")
                throw new SmsLookupException($"Aliyun QuerySendDetails refused for {outId}: {code} {AliyunAnswers.Text(root, "Message")}");
            var details = root.TryGetProperty("SmsSendDetailDTOs", out var holder) && holder.ValueKind == JsonValueKind.Object
                && holder.TryGetProperty("SmsSendDetailDTO", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().ToList()
                : [];
            foreach (var detail in details)
                if (string.Equals(AliyunAnswers.Text(detail, "OutId"), ours, StringComparison.OrdinalIgnoreCase))
                    return Receipt(outId, phone, detail);
            var total = int.TryParse(AliyunAnswers.Text(root, "TotalCount"), CultureInfo.InvariantCulture, out var count) ? count : 0;
            if (details.Count == 0 || page * PageSize >= total)
                return null;
        }
    }

    /// <summary>One detail of QuerySendDetails: SendStatus 1 waiting for the carrier, 2 failed, 3 delivered.</summary>
    private SmsReceipt Receipt(Guid outId, string phone, JsonElement detail)
    {
        var status = AliyunAnswers.Text(detail, "SendStatus");
        var at = AliyunFormats.ReadTime(AliyunAnswers.Text(detail, "ReceiveDate")) ?? AliyunFormats.ReadTime(AliyunAnswers.Text(detail, "SendDate")) ?? time.GetUtcNow();
        return status switch
        {
            "3" => new SmsReceipt(outId, null, phone, true, AliyunAnswers.Text(detail, "ErrCode"), null, at),
            "2" => new SmsReceipt(outId, null, phone, false, AliyunAnswers.Text(detail, "ErrCode"), "运营商回执：发送失败。", at),
            _ => new SmsReceipt(outId, null, phone, false, null, null, at) { Pending = true },
        };
    }

    public bool Verifies(string body, IHeaderDictionary headers) =>
        headers.TryGetValue(SmsPushSignature.Header, out var value) && value.Count == 1
        && SmsPushSignature.Verifies(options.PushSecret, body, value.ToString());

    /// <summary>Aliyun's SmsReport push: <c>[{phone_number, send_time, report_time, success, err_code, err_msg, sms_size, biz_id, out_id}]</c>.</summary>
    public IReadOnlyList<SmsReceipt>? ReadReceipts(string body)
    {
        using var json = Parse(body);
        if (json?.RootElement.ValueKind != JsonValueKind.Array)
            return null;
        var receipts = new List<SmsReceipt>();
        foreach (var item in json.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || AliyunAnswers.Text(item, "phone_number") is not { Length: > 0 } phone
                || !item.TryGetProperty("success", out var success) || success.ValueKind is not (JsonValueKind.True or JsonValueKind.False)
                || (AliyunFormats.ReadTime(AliyunAnswers.Text(item, "report_time")) ?? AliyunFormats.ReadTime(AliyunAnswers.Text(item, "send_time"))) is not { } at)
                return null;
            var outId = Guid.TryParse(AliyunAnswers.Text(item, "out_id"), out var id) ? id : (Guid?)null;
            receipts.Add(new SmsReceipt(outId, AliyunAnswers.Text(item, "biz_id"), AliyunFormats.E164(phone), success.GetBoolean(),
                AliyunAnswers.Text(item, "err_code"), AliyunAnswers.Text(item, "err_msg"), at));
        }
        return receipts;
    }

    /// <summary>Aliyun's SmsUp push: <c>[{phone_number, send_time, content, sign_name, dest_code, sequence_id}]</c>.</summary>
    public IReadOnlyList<SmsReply>? ReadReplies(string body)
    {
        using var json = Parse(body);
        if (json?.RootElement.ValueKind != JsonValueKind.Array)
            return null;
        var replies = new List<SmsReply>();
        foreach (var item in json.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || AliyunAnswers.Text(item, "phone_number") is not { Length: > 0 } phone
                || AliyunAnswers.Text(item, "content") is not { } content || AliyunFormats.ReadTime(AliyunAnswers.Text(item, "send_time")) is not { } at)
                return null;
            replies.Add(new SmsReply(AliyunFormats.E164(phone), content, at));
        }
        return replies;
    }

    public void Dispose() => limiter.Dispose();

    private Dictionary<string, string> Common(string action) => new(StringComparer.Ordinal)
    {
        ["AccessKeyId"] = options.AccessKeyId ?? "",
        ["Action"] = action,
        ["Format"] = "JSON",
        ["RegionId"] = options.RegionId,
        ["SignatureMethod"] = AliyunSignature.Method,
        ["SignatureNonce"] = Guid.NewGuid().ToString(),
        ["SignatureVersion"] = AliyunSignature.Version,
        ["Timestamp"] = AliyunSignature.Timestamp(time.GetUtcNow()),
        ["Version"] = ApiVersion,
    };

    /// <summary>One signed call, POSTed as a form, when the limiter lets it through. The timestamp is taken before the wait, so it is signed after.</summary>
    private async Task<(HttpStatusCode Status, string Body)> Call(Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
            throw new HttpRequestException(HttpRequestError.ConnectionError, "The SMS rate limiter refused the call.");
        parameters["Timestamp"] = AliyunSignature.Timestamp(time.GetUtcNow());
        parameters["Signature"] = AliyunSignature.Sign(options.AccessKeySecret ?? "", AliyunSignature.StringToSign("POST", parameters));
        using var content = new FormUrlEncodedContent(parameters);
        using var response = await clients.CreateClient(Client).PostAsync(Endpoint(), content, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>A call that got no answer — not the caller giving up, which propagates.</summary>
    private static bool IsNoAnswer(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or TimeoutException or IOException;

    private static JsonDocument? Parse(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
