using System.Globalization;
using System.Text.RegularExpressions;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Service;
using Guanxi.Web.Features.Imports;

namespace Guanxi.Web.Features.Complaints;

/// <summary>What a row of a complaints file says, read into the API's values; a value that could not be read is null and has its reason.</summary>
public sealed record ComplaintFileRow(
    int Row, string? Customer, string? Mobile, DateTimeOffset? ReceivedAt, ContactChannel? Channel, string? Category, ComplaintSeverity? Severity,
    Touchpoint? Touchpoint, string? Summary, string? Details, string? OrderNo, IReadOnlyList<ComplaintFileRowError> Errors);

/// <summary>Why a field of a row could not be read, in Chinese and English.</summary>
public sealed record ComplaintFileRowError(string Field, string Message, string MessageEn);

/// <summary>
/// Reads the rows of a complaints file (kind=complaints): which field each column holds — by its header in Chinese or
/// English, or by the mapping the user gave — and each cell as the API would take it: the channel, severity and touchpoint
/// by their codes or the names the app shows (电话, 严重, 售后 …), the category by its code or its name in the enterprise's
/// tree, the time received in the enterprise's time zone (an ISO time with an offset keeps its offset).
/// </summary>
public sealed partial class ComplaintRowReader
{
    public const string Customer = "customer";
    public const string Mobile = "mobile";
    public const string ReceivedAt = "receivedAt";
    public const string Channel = "channel";
    public const string Category = "category";
    public const string Severity = "severity";
    public const string Touchpoint = "touchpoint";
    public const string Summary = "summary";
    public const string Details = "details";
    public const string OrderNo = "orderNo";
    public const string Ignore = "ignore";

    /// <summary>The fields a column may be mapped to.</summary>
    public static readonly string[] Fields = [Customer, Mobile, ReceivedAt, Channel, Category, Severity, Touchpoint, Summary, Details, OrderNo, Ignore];

    /// <summary>Header texts by field, compared as <see cref="HeaderMap.KeysOf"/> does (case, spaces and punctuation aside).</summary>
    private static readonly Dictionary<string, string> Headers = Synonyms(new()
    {
        [Customer] = ["客户", "客户编号", "客户代码", "客户编码", "客户号", "customer", "customerNo", "customer number", "customer code"],
        [Mobile] = ["手机", "手机号", "手机号码", "客户手机", "联系电话", "电话号码", "mobile", "mobile phone", "phone number"],
        [ReceivedAt] = ["受理时间", "投诉时间", "接收时间", "来电时间", "反映时间", "登记时间", "时间", "received at", "received", "date", "time"],
        [Channel] = ["渠道", "投诉渠道", "来源渠道", "受理渠道", "方式", "投诉方式", "channel"],
        [Category] = ["类别", "投诉类别", "分类", "投诉分类", "类型", "投诉类型", "category"],
        [Severity] = ["严重程度", "严重性", "紧急程度", "程度", "severity"],
        [Touchpoint] = ["触点", "接触点", "环节", "业务环节", "touchpoint", "touch point"],
        [Summary] = ["摘要", "投诉摘要", "主题", "标题", "事由", "summary", "subject", "title"],
        [Details] = ["详细情况", "详情", "详细内容", "投诉内容", "内容", "描述", "details", "detail", "description"],
        [OrderNo] = ["订单号", "订单编号", "单号", "工单号", "order no", "order number", "orderNo"],
    });

    private static readonly Dictionary<string, ContactChannel> Channels = Values(
        Enum.GetValues<ContactChannel>().SelectMany(c => new[] { (c.ToString(), c), (c.Chinese(), c), (c.English(), c) }).Concat(
        [
            ("来电", ContactChannel.Phone), ("热线", ContactChannel.Phone), ("电话投诉", ContactChannel.Phone),
            ("邮件", ContactChannel.Email), ("邮箱", ContactChannel.Email), ("mail", ContactChannel.Email),
            ("微信", ContactChannel.Wechat), ("社交媒体", ContactChannel.Wechat), ("微博", ContactChannel.Wechat), ("social", ContactChannel.Wechat),
            ("在线", ContactChannel.Chat), ("网上客服", ContactChannel.Chat), ("在线咨询", ContactChannel.Chat), ("online chat", ContactChannel.Chat),
            ("到店", ContactChannel.Visit), ("来访", ContactChannel.Visit), ("上门", ContactChannel.Visit), ("现场", ContactChannel.Visit),
            ("来信", ContactChannel.Letter), ("信件", ContactChannel.Letter), ("书信", ContactChannel.Letter),
        ]));

    /// <summary>The app's own names only (轻微、一般、严重、紧急): "严重" is high, as the pages show it.</summary>
    private static readonly Dictionary<string, ComplaintSeverity> Severities = Values(Enum.GetValues<ComplaintSeverity>()
        .SelectMany(s => new[] { (s.ToString(), s), (ComplaintTexts.Severity(s, false), s), (ComplaintTexts.Severity(s, true), s) }));

    private static readonly Dictionary<string, Touchpoint> Touchpoints = Values(Enum.GetValues<Touchpoint>()
        .SelectMany(t => new[] { (t.ToString(), t), (t.Chinese(), t), (t.English(), t) }));

    private static readonly string[] LocalFormats =
    [
        "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy.M.d H:mm", "yyyy.M.d H:mm:ss",
        "yyyy-M-d'T'H:mm", "yyyy-M-d'T'H:mm:ss", "yyyy-M-d'T'H:mm:ss.FFFFFFF",
        "yyyy年M月d日 H:mm", "yyyy年M月d日H:mm", "yyyy年M月d日 H:mm:ss", "yyyy年M月d日H:mm:ss", "yyyy年M月d日 H时m分", "yyyy年M月d日H时m分", "yyyy年M月d日 H点m分",
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日",
    ];

    private static readonly string[] OffsetFormats =
        ["yyyy-M-d'T'H:mm:sszzz", "yyyy-M-d'T'H:mmzzz", "yyyy-M-d'T'H:mm:ss.FFFFFFFzzz", "yyyy-M-d'T'H:mm:ss'Z'", "yyyy-M-d'T'H:mm'Z'", "yyyy-M-d'T'H:mm:ss.FFFFFFF'Z'"];

    private readonly int[] index;
    private readonly IReadOnlyList<string> headers;
    private readonly IReadOnlyList<ComplaintCategory> categories;
    private readonly TimeZoneInfo zone;

    public ComplaintRowReader(IReadOnlyList<string> headers, IReadOnlyList<string> fields, IReadOnlyList<ComplaintCategory> categories, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(fields);
        (this.headers, this.categories, this.zone) = (headers, categories, zone);
        index = [.. Fields.Select(f => fields.ToList().IndexOf(f))];
    }

    /// <summary>The field of each column from its header; a field goes to its first column only, an unknown header is ignored.</summary>
    public static string[] Guess(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var taken = new HashSet<string>();
        return [.. headers.Select(h => HeaderMap.KeysOf(h).Select(k => Headers.GetValueOrDefault(k)).FirstOrDefault(f => f is not null) is { } f && taken.Add(f) ? f : Ignore)];
    }

    /// <summary>Whether the file has a column for <paramref name="field"/>.</summary>
    public bool Has(string field) => index[Array.IndexOf(Fields, field)] >= 0;

    /// <summary>The column a field's error is shown under: its header as the file has it, else the field's name.</summary>
    public string Column(string field, bool english) => index[Array.IndexOf(Fields, field)] is var i and >= 0 && i < headers.Count ? headers[i] : Label(field, english);

    public static string Label(string field, bool english) => field switch
    {
        Customer => english ? "Customer" : "客户",
        Mobile => english ? "Mobile" : "手机",
        ReceivedAt => english ? "Received at" : "受理时间",
        Channel => english ? "Channel" : "渠道",
        Category => english ? "Category" : "类别",
        Severity => english ? "Severity" : "严重程度",
        Touchpoint => english ? "Touchpoint" : "触点",
        Details => english ? "Details" : "详细情况",
        OrderNo => english ? "Order number" : "订单号",
        _ => english ? "Summary" : "摘要",
    };

    public ComplaintFileRow Read(ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var errors = new List<ComplaintFileRowError>();
        string? Cell(string field) => index[Array.IndexOf(Fields, field)] is var i and >= 0 && i < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[i]) ? row.Cells[i]!.Trim() : null;
        void Fail(string field, string zh, string en) => errors.Add(new ComplaintFileRowError(field, zh, en));

        var (customer, mobile) = (Cell(Customer), Cell(Mobile));
        if (customer is null && mobile is null)
            Fail(Has(Customer) ? Customer : Mobile, "请填写客户编号或手机", "Give the customer's number or mobile");
        DateTimeOffset? receivedAt = null;
        if (Cell(ReceivedAt) is { } when && (receivedAt = Instant(when, zone)) is null)
            Fail(ReceivedAt, $"受理时间“{Quote(when)}”无效，请写成 2026-04-03 16:00", $"The time received '{Quote(when)}' is not a time: write 2026-04-03 16:00");
        var channel = Lookup(Channels, Channel, "渠道", "channel", "电话、电子邮件、短信、微信、在线客服、面访、信函 或 phone、email、sms、wechat、chat、visit、letter",
            "phone, email, sms, wechat, chat, visit, letter or 电话、邮件、短信、微信、在线客服、到店、信函");
        var severity = Lookup(Severities, Severity, "严重程度", "severity", "轻微、一般、严重、紧急 或 low、medium、high、critical", "low, medium, high, critical or 轻微、一般、严重、紧急");
        var touchpoint = Lookup(Touchpoints, Touchpoint, "触点", "touchpoint", "售前、销售、交付、售后 或 preSale、sale、delivery、afterSale", "preSale, sale, delivery, afterSale or 售前、销售、交付、售后");
        string? category = null;
        if (Cell(Category) is { } text)
        {
            var key = HeaderMap.KeysOf(text)[0];
            var named = categories.Where(c => HeaderMap.KeysOf(c.Name)[0] == key).ToList();
            category = categories.FirstOrDefault(c => string.Equals(c.Code, text, StringComparison.OrdinalIgnoreCase))?.Code ?? (named.Count == 1 ? named[0].Code : null);
            if (category is null && named.Count > 1)
                Fail(Category, $"有多个类别名为“{Quote(text)}”，请写类别代码", $"Several categories are named '{Quote(text)}': write the category's code");
            else if (category is null)
                Fail(Category, $"没有“{Quote(text)}”这个投诉类别", $"No complaint category '{Quote(text)}'");
        }
        return new ComplaintFileRow(row.Number, customer, mobile, receivedAt, channel, category, severity, touchpoint, Cell(Summary), Cell(Details), Cell(OrderNo), errors);

        T? Lookup<T>(Dictionary<string, T> names, string field, string zh, string en, string allowedZh, string allowedEn) where T : struct
        {
            if (Cell(field) is not { } value)
                return null;
            if (names.TryGetValue(HeaderMap.KeysOf(value)[0], out var found))
                return found;
            Fail(field, $"{zh}“{Quote(value)}”无法识别：只能是 {allowedZh}", $"The {en} '{Quote(value)}' is not one of {allowedEn}");
            return null;
        }
    }

    /// <summary>
    /// A time as spreadsheets write it — 2026-04-03 16:00, 2026/4/3 16:00:00, 2026年4月3日 16:00 — in the enterprise's time
    /// zone (a date alone is its start); an ISO time with an offset or Z keeps it.
    /// </summary>
    public static DateTimeOffset? Instant(string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        var clean = Spaces().Replace(text.Trim().Replace('：', ':'), " ");
        if (clean.Length > 40)
            return null;
        if (DateTimeOffset.TryParseExact(clean, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return instant;
        if (!DateTime.TryParseExact(clean, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>A value as a message quotes it: a huge cell is cut, so that the reason stays readable.</summary>
    public static string Quote(string value) => value.Length <= 30 ? value : value[..30] + "…";

    private static Dictionary<string, string> Synonyms(Dictionary<string, string[]> byField)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, names) in byField)
        {
            foreach (var name in names)
                map.TryAdd(HeaderMap.KeysOf(name)[0], field);
        }
        return map;
    }

    private static Dictionary<string, T> Values<T>(IEnumerable<(string Name, T Value)> names)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (name, value) in names)
            map.TryAdd(HeaderMap.KeysOf(name)[0], value);
        return map;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
