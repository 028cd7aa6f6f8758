using System.Text;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Reads vCard 2.1, 3.0 and 4.0 files (phone and mail address books) into one row per card with fixed English columns;
/// several values of one column are joined with "; ". A card that is cut off (BEGIN without END) or has no name,
/// organisation, phone or email still yields a row, all blank, so the caller can reject that card by its number.
/// </summary>
public static class VCardReader
{
    public static readonly IReadOnlyList<string> Headers =
        ["name", "organization", "title", "mobile", "phone", "home phone", "email", "address", "birthday", "notes", "wechat"];

    public static ImportTable Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (encoding, prefix, input) = TextEncodingSniffer.Sniff(stream);
        var sample = encoding is UnicodeEncoding ? encoding.GetString(prefix) : Encoding.Latin1.GetString(prefix);
        if (string.IsNullOrWhiteSpace(sample))
            throw ImportFileException.Empty();
        if (!sample.Contains("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase))
            throw ImportFileException.NoVCard();
        // Values without CHARSET: UTF-8 unless the file as a whole is not (then GB18030, what Chinese phones wrote).
        var fallback = encoding == TextEncodingSniffer.Gb18030 ? encoding : new UTF8Encoding(false);
        return new ImportTable(Headers, Cards(VCardLines.Properties(input, encoding), fallback));
    }

    private static IEnumerable<ImportRow> Cards(IEnumerable<VCardProperty> properties, Encoding fallback)
    {
        List<VCardProperty>? card = null;
        var number = 0;
        foreach (var property in properties)
        {
            var marker = property.Name is "BEGIN" or "END" && property.RawValue.Trim().Equals("VCARD", StringComparison.OrdinalIgnoreCase);
            if (marker && property.Name == "BEGIN")
            {
                if (card is not null)
                    yield return Blank(number);
                card = [];
                number++;
            }
            else if (marker && card is not null)
            {
                yield return new ImportRow(number, VCardCard.Cells(card, fallback));
                card = null;
            }
            else
            {
                card?.Add(property);
            }
        }
        if (card is not null)
            yield return Blank(number);
    }

    private static ImportRow Blank(int number) => new(number, new string?[Headers.Count]);
}
