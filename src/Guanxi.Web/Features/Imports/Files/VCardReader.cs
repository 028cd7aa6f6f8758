using System.Text;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Reads vCard 2.1, 3.0 and 4.0 files (phone and mail address books) into one row per card with fixed English columns;
/// several values of one column are joined with "; ". A card that is cut off (BEGIN without END) or has no name,
/// organisation, phone or email still yields a row, all blank, so the caller can reject that card by its number; so
/// does a card with text that does not decode, with the reason in <see cref="ImportRow.Unreadable"/>.
/// </summary>
public static class VCardReader
{
    public static readonly IReadOnlyList<string> Headers =
        ["name", "organization", "title", "mobile", "phone", "home phone", "email", "address", "birthday", "notes", "wechat"];

    public static ImportTable Read(Stream stream, Encoding? chosen = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[64 * 1024];
        var start = stream.Position;
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        var (encoding, bomLength) = TextEncodingSniffer.Detect(stream, chosen);
        var wide = encoding is UnicodeEncoding or UTF32Encoding;
        var sample = wide ? encoding.GetString(head, bomLength, length - bomLength) : Encoding.Latin1.GetString(head, 0, length);
        if (string.IsNullOrWhiteSpace(sample.Replace("\uFEFF", "", StringComparison.Ordinal)))
            throw ImportFileException.Empty();
        if (!sample.Contains("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase))
            throw ImportFileException.NoVCard();
        // Values without CHARSET are in the file's encoding; the lines of a UTF-16/32 file reach them as UTF-8.
        var fallback = wide ? TextEncodings.Utf8 : encoding;
        return new ImportTable(Headers, Cards(VCardLines.Properties(stream, encoding), fallback)) { Encoding = encoding };
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
                var cells = VCardCard.Cells(card, fallback);
                // One damaged card does not cost the address book: it is rejected on its own, with the reason.
                yield return CleanText.Unclean(cells) is var bad and >= 0
                    ? new ImportRow(number, new string?[Headers.Count]) { Unreadable = ImportFileException.Undecodable(number, Headers[bad], TextEncodings.Label(fallback), card: true) }
                    : new ImportRow(number, cells);
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
