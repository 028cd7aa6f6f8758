using System.Globalization;
using System.Text.RegularExpressions;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Features.Customers;

namespace Guanxi.Web.Features.Imports;

/// <summary>A reason a row was rejected — or, as a <paramref name="Warning"/>, a row imported with something the user should check.</summary>
public sealed record ImportError(int Row, string Column, string Message, bool Warning = false);

/// <summary>One row read as a customer: its details, its groups, or the reasons it is rejected (with the column); and what it imports with that the user should check.</summary>
public sealed record ImportedRow(
    int Row, CustomerDetails? Details, IReadOnlyList<string> Groups, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportError>? Warnings = null,
    ImportedConsent? Consent = null);

/// <summary>A row's word on marketing (营销同意): yes on some channels, no on others.</summary>
public sealed record ImportedConsent(IReadOnlyList<Channel> Yes, IReadOnlyList<Channel> No);

/// <summary>A member of staff a row may name as owner (负责人), by display name or e-mail.</summary>
public sealed record ImportOwner(string Id, Guid DepartmentId);

/// <summary>
/// Turns a row of an import into <see cref="CustomerDetails"/> through the same rules as the form: phones to E.164 (CN
/// by default, else the country of the row's address, else kept as written with a warning: <see cref="ImportPhones"/>),
/// e-mails (also as "Name" &lt;a@b.cn&gt;), birthday formats of Chinese spreadsheets, address into China's divisions, owner by name.
/// </summary>
public sealed partial class CustomerRowReader(
    IReadOnlyList<string> headers, IReadOnlyList<ImportField> mapping, IReadOnlyDictionary<string, ImportOwner> owners,
    ImportOwner importer, Divisions divisions, DateOnly today, bool english)
{
    public ImportedRow Read(ImportRow row)
    {
        if (row.Unreadable is { } unreadable)
            return new ImportedRow(row.Number, null, [], [new ImportError(row.Number, unreadable.Column ?? "", unreadable.MessageFor(english))]);
        var errors = new List<ImportError>();
        string? Cell(ImportField field)
        {
            var i = IndexOf(field);
            return i >= 0 && i < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[i]) ? row.Cells[i]!.Trim() : null;
        }
        void Fail(ImportField field, string zh, string en) => errors.Add(new ImportError(row.Number, Column(field), english ? en : zh));
        var warnings = new List<ImportError>();

        var phones = new List<CustomerPhone>();
        var region = AddressCountry.Of(Cell(ImportField.Address));
        foreach (var (field, kind) in new[] { (ImportField.Mobile, PhoneKind.Mobile), (ImportField.Phone, PhoneKind.Office), (ImportField.HomePhone, PhoneKind.Home) })
        {
            foreach (var written in Split(Cell(field)))
            {
                if (ImportPhones.Read(written, region, kind == PhoneKind.Mobile) is not var (number, reading))
                {
                    Fail(field, $"“{written}”不是有效的电话号码", $"'{written}' is not a valid phone number");
                    continue;
                }
                phones.Add(new CustomerPhone(kind, number, Unverified: reading != PhoneReading.Verified));
                if (reading != PhoneReading.Verified)
                {
                    warnings.Add(new ImportError(row.Number, Column(field), (reading, english) switch
                    {
                        (PhoneReading.ShortNumber, true) => $"'{written}' is a short service number; kept as written, unverified",
                        (PhoneReading.ShortNumber, false) => $"“{written}”是服务短号码，已按原样保存（未核实）",
                        (_, true) => $"'{written}' is not a valid number in China{(region is null ? "" : $" or {region}")}; kept as written, unverified",
                        _ => $"“{written}”不是中国大陆{(region is null ? "" : $"或 {region} ")}的有效号码，已按原样保存（未核实）",
                    }, Warning: true));
                }
            }
        }
        var name = Cell(ImportField.Name);
        var organization = Cell(ImportField.Organization);
        var type = Cell(ImportField.Type) is { } t ? ParseType(t) : name is null && organization is not null ? CustomerType.Organization : CustomerType.Person;
        if (type is null)
            Fail(ImportField.Type, "客户类型只能是“个人”或“单位”", "The type must be person or organization");
        DateOnly? birthday = null;
        if (Cell(ImportField.Birthday) is { } b && !b.StartsWith("--", StringComparison.Ordinal))
        {
            birthday = ParseDate(b);
            if (birthday is null)
                Fail(ImportField.Birthday, $"“{b}”不是日期（例如 1990-05-01）", $"'{b}' is not a date (e.g. 1990-05-01)");
        }
        var gender = Cell(ImportField.Gender) switch
        {
            null => Gender.Unknown,
            "男" or "男士" or "先生" or "M" or "m" or "male" or "Male" => Gender.Male,
            "女" or "女士" or "F" or "f" or "female" or "Female" => Gender.Female,
            _ => Gender.Unknown,
        };
        var owner = importer;
        if (Cell(ImportField.Owner) is { } ownerName && !owners.TryGetValue(ownerName, out owner!))
        {
            owner = importer;
            Fail(ImportField.Owner, $"负责人“{ownerName}”不存在或已停用", $"No active member of staff '{ownerName}'");
        }
        ImportedConsent? consent = null;
        if (Cell(ImportField.MarketingConsent) is { } said && (consent = Consent(said)) is null)
            Fail(ImportField.MarketingConsent, $"营销同意“{said}”看不懂：请填“是”“否”或同意的渠道（短信、邮件、电话）", $"Marketing consent '{said}' is not understood: write yes, no or the channels agreed to (SMS, e-mail, phone)");
        var address = Address(Cell(ImportField.Address), Cell(ImportField.Province), Cell(ImportField.City), Cell(ImportField.District), Cell(ImportField.Street));
        var details = new CustomerDetails(
            type ?? CustomerType.Person, name ?? organization, type == CustomerType.Organization && name == organization ? null : organization,
            phones, [.. Split(Emails(Cell(ImportField.Email)))], Cell(ImportField.WeChat), address is null ? [] : [address],
            birthday, false, gender, Cell(ImportField.Industry), Cell(ImportField.Size), Cell(ImportField.Source),
            owner.Id, owner.DepartmentId, Cell(ImportField.Notes), null, null,
            type == CustomerType.Organization && name is not null && Cell(ImportField.Title) is { } title ? [new CustomerContact(name, title, [], null)] : []);
        if (errors.Count == 0 && Customer.Create(details, DateTimeOffset.UnixEpoch, today) is { Succeeded: false } invalid)
            errors.AddRange(invalid.Errors.Select(e => new ImportError(row.Number, Column(FieldOf(e.Field)), e.MessageFor(english))));
        return new ImportedRow(row.Number, errors.Count == 0 ? details : null, [.. Split(Cell(ImportField.Groups))], errors, warnings, consent);
    }

    private int IndexOf(ImportField field)
    {
        for (var i = 0; i < mapping.Count; i++)
        {
            if (mapping[i] == field)
                return i;
        }
        return -1;
    }

    private string Column(ImportField field) => IndexOf(field) is var i and >= 0 && i < headers.Count ? headers[i] : HeaderMap.Label(field, english);

    private static ImportField FieldOf(string? field) => field switch
    {
        "name" => ImportField.Name,
        "emails" => ImportField.Email,
        "birthday" => ImportField.Birthday,
        "phones" => ImportField.Mobile,
        "ownerId" => ImportField.Owner,
        "type" => ImportField.Type,
        _ => ImportField.Notes,
    };

    /// <summary>
    /// 是/同意/Y/1/√ is yes on every channel, 否/不同意/N/0/× no on every one; a text naming channels is yes on them ("短信、邮件"),
    /// or no on them when it says so ("拒绝短信"). Null when it is none of these.
    /// </summary>
    public static ImportedConsent? Consent(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        Channel[] all = [Channel.Sms, Channel.Email, Channel.Phone];
        if (t is "是" or "同意" or "y" or "yes" or "true" or "1" or "√" or "✓" or "已同意")
            return new ImportedConsent(all, []);
        if (t is "否" or "不同意" or "拒绝" or "n" or "no" or "false" or "0" or "×" or "x" or "未同意")
            return new ImportedConsent([], all);
        if (!ChannelWord().IsMatch(t))
            return null;
        var named = ConsentPolicy.ChannelsNamed(t);
        return t.Contains('不') || t.Contains('拒') || t.Contains('否') ? new ImportedConsent([], named) : new ImportedConsent(named, []);
    }

    [GeneratedRegex("短信|sms|邮|mail|电话|phone")]
    private static partial Regex ChannelWord();

    private static CustomerType? ParseType(string text) => text.ToLowerInvariant() switch
    {
        "个人" or "person" or "个人客户" => CustomerType.Person,
        "单位" or "公司" or "企业" or "organization" or "organisation" or "单位客户" or "企业客户" => CustomerType.Organization,
        _ => null,
    };

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    public static DateOnly? ParseDate(string text) =>
        DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? DateOnly.FromDateTime(date) : null;

    /// <summary>"Wang, Wei" &lt;wang@a.cn&gt; (what mail programs copy) is the address alone, before the cell is split at commas.</summary>
    private static string? Emails(string? cell) =>
        cell is null || !cell.Contains('<', StringComparison.Ordinal) ? cell : AngleAddress().Replace(QuotedName().Replace(cell, ""), "$1");

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedName();

    [GeneratedRegex("[^,;，；<>]*<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>")]
    private static partial Regex AngleAddress();

    private static IEnumerable<string> Split(string? cell) =>
        cell is null ? [] : Separators().Split(cell).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct();

    /// <summary>A whole address ("江苏省常州市金坛区东门大街 1 号") is split into China's divisions and the street.</summary>
    private CustomerAddress? Address(string? whole, string? province, string? city, string? district, string? street)
    {
        if (whole is null)
            return (province ?? city ?? district ?? street) is null ? null : new CustomerAddress(province, city, district, street);
        return divisions.Split(whole) is var (found, after)
            ? new CustomerAddress(found.Province, found.City, found.Name, after.Trim() is { Length: > 0 } rest ? rest : null)
            : new CustomerAddress(null, null, null, whole);
    }

    [GeneratedRegex("[;,；，、/|\\n]")]
    private static partial Regex Separators();
}
