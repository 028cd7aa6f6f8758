using System.Text;

namespace Guanxi.Web.Features.Imports;

/// <summary>Maps the properties of one card to the fixed columns of <see cref="VCardReader.Headers"/>.</summary>
internal static class VCardCard
{
    public static string?[] Cells(IReadOnlyList<VCardProperty> card, Encoding fallback)
    {
        string Text(VCardProperty p) => p.Text(fallback);
        IEnumerable<VCardProperty> All(string name) => card.Where(p => p.Name == name);

        // Apple and Google put a phone's custom label on a sibling property of the same group (item1.X-ABLabel).
        var labels = card.Where(p => p.Name == "X-ABLABEL" && p.Group is not null)
            .GroupBy(p => p.Group!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => VCardText.Unescape(Text(g.First())), StringComparer.OrdinalIgnoreCase);

        var organizations = Distinct(All("ORG").Select(p => VCardText.Components(Text(p))[0]));
        var name = All("FN").Select(p => VCardText.Blank(VCardText.Unescape(Text(p)))).FirstOrDefault(n => n is not null)
            ?? All("N").Select(p => VCardText.NameFrom(VCardText.Components(Text(p)))).FirstOrDefault(n => n is not null)
            ?? organizations.FirstOrDefault();

        var mobiles = new List<string>();
        var phones = new List<string>();
        var homePhones = new List<string>();
        foreach (var tel in All("TEL"))
        {
            var number = Number(Text(tel));
            if (number is null)
                continue;
            var label = tel.Group is not null && labels.TryGetValue(tel.Group, out var l) ? l : "";
            var kind = string.Join(' ', tel.Types) + " " + label;
            var list = Has(kind, "CELL", "MOBILE", "IPHONE", "手机", "移动") ? mobiles
                : Has(kind, "WORK", "OFFICE", "单位", "工作", "办公") ? phones
                : Has(kind, "HOME", "住宅", "家") ? homePhones
                : phones;
            list.Add(number);
        }
        var emails = Distinct(All("EMAIL").Select(p => VCardText.Unescape(Text(p))));
        if (name is null && organizations.Count == 0 && mobiles.Count + phones.Count + homePhones.Count + emails.Count == 0)
            return new string?[VCardReader.Headers.Count];

        var birthdays = All("BDAY").Select(p => VCardText.Birthday(VCardText.Unescape(Text(p)))).Where(b => b is not null).ToList();
        var weChats = card.Where(p => p.Name is "X-WECHAT" or "X-WEIXIN" || (p.Name == "IMPP" && IsWeChat(p, Text(p))))
            .Select(p => WeChatId(VCardText.Unescape(Text(p))));
        return
        [
            name,
            Join(organizations),
            Join(Distinct(All("TITLE").Select(p => VCardText.Unescape(Text(p))))),
            Join(Distinct(mobiles)),
            Join(Distinct(phones)),
            Join(Distinct(homePhones)),
            Join(emails),
            Join(Distinct(All("ADR").Select(p => VCardText.AddressFrom(VCardText.Components(Text(p)))))),
            birthdays.FirstOrDefault(VCardText.IsBirthday) ?? birthdays.FirstOrDefault(),
            Join(Distinct(All("NOTE").Select(p => VCardText.Unescape(Text(p)).ReplaceLineEndings("\n")))),
            Join(Distinct(weChats)),
        ];
    }

    /// <summary>A number as written; a 4.0 tel: URI loses its scheme and keeps an extension as " ext. 102".</summary>
    private static string? Number(string text)
    {
        var value = VCardText.Unescape(text).Trim();
        if (value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            var parts = value[4..].Split(';');
            var extension = parts.Skip(1).FirstOrDefault(p => p.StartsWith("ext=", StringComparison.OrdinalIgnoreCase));
            value = extension is null ? parts[0] : $"{parts[0]} ext. {extension[4..]}";
        }
        return VCardText.Blank(value);
    }

    private static bool IsWeChat(VCardProperty impp, string value) =>
        impp.ServiceType?.ToUpperInvariant() is "WECHAT" or "WEIXIN"
        || value.StartsWith("weixin:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("wechat:", StringComparison.OrdinalIgnoreCase);

    private static string WeChatId(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && value[..colon].ToUpperInvariant() is "WEIXIN" or "WECHAT" ? value[(colon + 1)..].TrimStart('/') : value;
    }

    private static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static List<string> Distinct(IEnumerable<string?> values) =>
        [.. values.Select(VCardText.Blank).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string? Join(List<string> values) => values.Count == 0 ? null : string.Join("; ", values);
}
