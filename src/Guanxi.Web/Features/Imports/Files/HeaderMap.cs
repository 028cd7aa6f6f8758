using System.Text;
using System.Text.RegularExpressions;

namespace Guanxi.Web.Features.Imports;

/// <summary>The field a column of an import file is read into: a customer's, or an order's (which also names its customer).</summary>
public enum ImportField
{
    Ignore,
    Name,
    Type,
    Organization,
    Title,
    Mobile,
    Phone,
    HomePhone,
    Email,
    WeChat,
    Address,
    Province,
    City,
    District,
    Street,
    Birthday,
    Gender,
    Industry,
    Size,
    Source,
    Groups,
    Notes,
    Owner,
    Department,
    ExternalId,

    // The order fields: an order file has one row per order line, the order's fields repeated on each of its lines.
    OrderNo,
    OrderKind,
    OrderedAt,
    DeliveredAt,
    ItemName,
    Quantity,
    UnitPrice,
    Amount,
    Cost,
    Staff,
    VehicleModel,
    Plate,
    Vin,
    PaymentTerms,
    Region,

    /// <summary>A customer's word on marketing (营销同意): 是/否, or the channels agreed to. Last, so that stored mappings keep their numbers.</summary>
    MarketingConsent,
}

/// <summary>Guesses which field each column holds from its header, in Chinese or English, for the mapping screen to propose.</summary>
public static partial class HeaderMap
{
    /// <summary>
    /// One field per header, <see cref="ImportField.Ignore"/> when unknown. Case, spaces, punctuation and full-width forms
    /// do not matter; a remark in brackets is tried without ("手机（必填）"). A field goes to its first column only.
    /// </summary>
    public static IReadOnlyList<ImportField> Guess(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var taken = new HashSet<ImportField>();
        var fields = new ImportField[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var field = Lookup(headers[i] ?? "");
            fields[i] = field != ImportField.Ignore && taken.Add(field) ? field : ImportField.Ignore;
        }
        return fields;
    }

    /// <summary>The field's name on the mapping screen.</summary>
    public static string Label(ImportField field, bool english) =>
        HeaderLabels.All.TryGetValue(field, out var label) ? (english ? label.En : label.Zh) : field.ToString();

    /// <summary>
    /// The keys another kind of import looks a header up by, as this map does its own: the whole header, then without a
    /// remark in brackets; case, spaces, punctuation and full-width forms do not matter.
    /// </summary>
    public static IReadOnlyList<string> KeysOf(string header)
    {
        var text = (header ?? "").Normalize(NormalizationForm.FormKC);
        return [Key(text), Key(Remark().Replace(text, ""))];
    }

    private static ImportField Lookup(string header)
    {
        var text = header.Normalize(NormalizationForm.FormKC);
        if (HeaderLabels.Synonyms.TryGetValue(Key(text), out var field))
            return field;
        return HeaderLabels.Synonyms.TryGetValue(Key(Remark().Replace(text, "")), out field) ? field : ImportField.Ignore;
    }

    /// <summary>Letters and digits only, upper case: "E-mail", "e mail" and "EMAIL" are one key.</summary>
    internal static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                key.Append(char.ToUpperInvariant(c));
        }
        return key.ToString();
    }

    [GeneratedRegex(@"[(\[【（].*?[)\]】）]", RegexOptions.CultureInvariant)]
    private static partial Regex Remark();
}
