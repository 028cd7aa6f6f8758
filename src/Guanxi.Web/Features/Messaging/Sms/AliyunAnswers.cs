using System.Net;
using System.Text.Json;

namespace Guanxi.Web.Features.Messaging.Sms;

/// <summary>
/// What an answer of Aliyun's SendSms (or the failure to get one) means for the message: accepted with its BizId,
/// refused for good, refused for now (a later try may pass: nothing was sent), a wrong number — or uncertain.
/// <para>
/// <b>Uncertain</b> (<c>Retry = false</c>, <c>Code = "uncertain"</c>): the request may have reached Aliyun but no answer
/// came back (a timeout after the request left, a connection dropped while waiting, a gateway's 502/504, an answer we
/// cannot read). Aliyun may have accepted it — SendSms is not idempotent, and a second call would send a second SMS.
/// So the sender must not resend: it asks <see cref="ISmsGateway.Lookup"/> (QuerySendDetails by our OutId) later —
/// Aliyun lists a message some seconds after accepting it, so wait a minute or two — and resends only when Aliyun has
/// no record of it. A failure before anything left (the name did not resolve, the connection or its TLS could not be
/// opened) is a plain retry.
/// </para>
/// <para>
/// A day's quota (<c>isv.DAY_LIMIT_CONTROL</c>, the cap set in Aliyun's console) is not retried: every try today would
/// hit it again. The message fails with its reason; raising the cap and sending again is a person's decision.
/// </para>
/// </summary>
public static class AliyunAnswers
{
    public const string Uncertain = "uncertain";
    public const string Network = "network";

    private sealed record Meaning(bool Retry, bool InvalidNumber, string Text);

    private static readonly Dictionary<string, Meaning> Codes = new(StringComparer.Ordinal)
    {
        ["isv.MOBILE_NUMBER_ILLEGAL"] = new(false, true, "手机号码格式错误，不是有效的手机号码。"),
        ["isv.MOBILE_COUNT_OVER_LIMIT"] = new(false, true, "手机号码数量超过限制：号码栏不是一个有效号码。"),
        ["isv.BUSINESS_LIMIT_CONTROL"] = new(true, false, "触发阿里云对同一号码的发送频率限制，稍后重试。"),
        ["isp.SYSTEM_ERROR"] = new(true, false, "阿里云系统错误，稍后重试。"),
        ["SignatureNonceUsed"] = new(true, false, "签名随机数重复，稍后重试。"),
        ["ServiceUnavailable"] = new(true, false, "阿里云服务暂不可用，稍后重试。"),
        ["isv.DAY_LIMIT_CONTROL"] = new(false, false, "已达阿里云控制台设置的日发送量上限，今日不再重试。"),
        ["isv.MONTH_LIMIT_CONTROL"] = new(false, false, "已达阿里云控制台设置的月发送量上限。"),
        ["isv.AMOUNT_NOT_ENOUGH"] = new(false, false, "阿里云账户余额不足。"),
        ["isv.OUT_OF_SERVICE"] = new(false, false, "阿里云短信业务停机（余额不足或欠费）。"),
        ["isv.SMS_SIGNATURE_ILLEGAL"] = new(false, false, "短信签名不合法（未通过审核或已停用）。"),
        ["isv.SMS_TEMPLATE_ILLEGAL"] = new(false, false, "短信模板不合法（模板代码不存在或未通过审核）。"),
        ["isv.TEMPLATE_MISSING_PARAMETERS"] = new(false, false, "短信模板缺少变量。"),
        ["isv.INVALID_JSON_PARAM"] = new(false, false, "模板变量不是合法的 JSON（每个值须为字符串）。"),
        ["isv.BLACK_KEY_CONTROL_LIMIT"] = new(false, false, "模板变量中含有禁止发送的关键字。"),
        ["isv.DENY_IP_RANGE"] = new(false, false, "发送服务器的 IP 所在地区被阿里云禁用。"),
        ["SignatureDoesNotMatch"] = new(false, false, "请求签名不符：短信服务的 AccessKeySecret 配置有误。"),
        ["InvalidAccessKeyId.NotFound"] = new(false, false, "AccessKeyId 不存在：请检查短信服务的配置。"),
        ["InvalidTimeStamp.Expired"] = new(false, false, "请求时间与阿里云相差超过 15 分钟：请校准服务器时钟。"),
    };

    /// <summary>The outcome of a SendSms answer: its HTTP status and body as received.</summary>
    public static SmsOutcome FromSend(Guid outId, HttpStatusCode status, string body)
    {
        var (code, message, bizId) = Read(body);
        if (code == "OK" && (int)status is >= 200 and < 300)
            return new SmsOutcome(outId, true, bizId, "OK", null, false, false);
        if (code is not null)
            return Refused(outId, code, message);
        return (int)status switch
        {
            >= 200 and < 300 => UncertainOutcome(outId),
            502 or 504 => UncertainOutcome(outId),
            >= 500 => new SmsOutcome(outId, false, null, $"http-{(int)status}", $"阿里云服务暂不可用（HTTP {(int)status}），稍后重试。", true, false),
            _ => new SmsOutcome(outId, false, null, $"http-{(int)status}", $"阿里云拒绝了请求（HTTP {(int)status}）。", false, false),
        };
    }

    /// <summary>A refusal with Aliyun's code: the documented ones by their meaning, throttling retried, any other failed with Aliyun's words.</summary>
    public static SmsOutcome Refused(Guid outId, string code, string? message)
    {
        if (Codes.TryGetValue(code, out var meaning))
            return new SmsOutcome(outId, false, null, code, meaning.Text, meaning.Retry, meaning.InvalidNumber);
        if (code.StartsWith("Throttling", StringComparison.Ordinal))
            return new SmsOutcome(outId, false, null, code, "阿里云限流，稍后重试。", true, false);
        return new SmsOutcome(outId, false, null, code, $"阿里云拒绝发送（{code}：{message}）。", false, false);
    }

    /// <summary>The outcome of a call that got no answer: a plain retry when nothing can have left, uncertain otherwise.</summary>
    public static SmsOutcome FromFailure(Guid outId, Exception failure) => NothingLeft(failure)
        ? new SmsOutcome(outId, false, null, Network, "未能连接阿里云短信服务（请求未发出），稍后重试。", true, false)
        : UncertainOutcome(outId);

    /// <summary>Whether the failure happened before the request could leave: name resolution, connecting, the TLS handshake, a proxy tunnel.</summary>
    public static bool NothingLeft(Exception failure) =>
        failure is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError };

    private static SmsOutcome UncertainOutcome(Guid outId) =>
        new(outId, false, null, Uncertain, "请求已发出但未收到阿里云的答复：是否已发送须向阿里云查询，不可直接重发。", false, false);

    /// <summary>Code, Message and BizId of an Aliyun JSON answer (nulls when the body is not one).</summary>
    internal static (string? Code, string? Message, string? BizId) Read(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, null, null);
            return (Text(root, "Code"), Text(root, "Message"), Text(root, "BizId"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
