namespace Guanxi.Web.Features.Messaging.Sms;

/// <summary>
/// The SMS provider's settings (configuration section <c>Messaging:Sms</c>, or environment variables such as
/// <c>Messaging__Sms__AccessKeySecret</c>). Without the keys the gateway is not configured and SMS stay queued.
/// </summary>
public sealed class SmsOptions
{
    public const string Section = "Messaging:Sms";

    /// <summary>An endpoint that names this app's own stand-in (the demo's sandbox).</summary>
    public const string Self = "self";

    /// <summary>Aliyun's Dysmsapi endpoint (the sandbox: <c>http://localhost:5000/sandbox/aliyun-sms/</c>).</summary>
    public string Endpoint { get; set; } = "https://dysmsapi.aliyuncs.com/";

    public string? AccessKeyId { get; set; }

    public string? AccessKeySecret { get; set; }

    public string RegionId { get; set; } = "cn-hangzhou";

    /// <summary>
    /// The secret shared with whoever pushes receipts and replies to <c>/api/sms/receipts</c> and <c>/api/sms/replies</c>:
    /// Aliyun's own HTTP push is not signed, so a small relay in front of us (or the sandbox) signs each body with it
    /// (<see cref="SmsPushSignature"/>). Without it every push is refused.
    /// </summary>
    public string? PushSecret { get; set; }

    /// <summary>At most this many provider calls a second, all calls together.</summary>
    public int RatePerSecond { get; set; } = 50;

    /// <summary>Whether this app also plays the provider (<see cref="SmsSandbox"/>, at <see cref="SmsSandbox.Path"/>): demos, tests, the bench.</summary>
    public bool Sandbox { get; set; }

    /// <summary>Where the sandbox pushes receipts and replies (default: this app's own first address).</summary>
    public string? SandboxPushTo { get; set; }

    /// <summary>How often the sandbox pushes the receipts and replies that are due.</summary>
    public int SandboxPushSeconds { get; set; } = 3;
}
