namespace Guanxi.Domain.Messaging;

/// <summary>
/// How long an SMS is and how many it is billed as: a text with any character outside GSM 7-bit (any Chinese) is sent as
/// UCS-2, 70 characters in one message and 67 a segment once it is longer (the rest carries the join header); a plain text
/// 160 and 153. A character is a UTF-16 unit, as the network counts it (an emoji is two). The signature 【…】 counts.
/// </summary>
public static class SmsText
{
    public const int MaxLength = 500;

    public static (int Characters, int Segments) Measure(string text)
    {
        var length = text.Length;
        if (length == 0)
            return (0, 0);
        var (single, part) = text.All(IsGsm) ? (160, 153) : (70, 67);
        return (length, length <= single ? 1 : (length + part - 1) / part);
    }

    /// <summary>The whole text as the phone shows it: 【signature】, the text, and for marketing the opt-out words (回T退订) unless the text has them.</summary>
    public static string Compose(string signature, string text, MessageKind kind, string optOut)
    {
        var body = text.Trim();
        if (kind == MessageKind.Marketing && !string.IsNullOrWhiteSpace(optOut) && !body.Contains(optOut.Trim(), StringComparison.Ordinal))
            body = $"{body} {optOut.Trim()}";
        return string.IsNullOrWhiteSpace(signature) ? body : $"【{signature.Trim()}】{body}";
    }

    private const string GsmBasic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static bool IsGsm(char c) => GsmBasic.Contains(c);
}

/// <summary>
/// The hours in which messages may leave (default 08:00–21:00 in the enterprise's zone, as Chinese providers require for
/// marketing): a message planned outside them is held to the next allowed time.
/// </summary>
public sealed record QuietHours(TimeOnly From, TimeOnly Until)
{
    public static QuietHours Default { get; } = new(new TimeOnly(8, 0), new TimeOnly(21, 0));

    public bool Allows(TimeOnly time) => time >= From && time < Until;

    /// <summary>The first moment at or after <paramref name="local"/> (a local time of the enterprise) at which sending is allowed.</summary>
    public DateTime NextAllowed(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (Allows(time))
            return local;
        var day = DateOnly.FromDateTime(local);
        return (time < From ? day : day.AddDays(1)).ToDateTime(From);
    }

    public bool IsValid => From < Until;
}
