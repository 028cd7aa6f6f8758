namespace Guanxi.Web.Features.Imports;

/// <summary>Reads an uploaded file into headers and streamed rows, choosing the format by the file's extension.</summary>
public static class TabularReader
{
    /// <summary>
    /// Reads the headers now and the rows lazily: keep <paramref name="stream"/> (seekable: a text file's encoding is
    /// decided from all of it) open until <see cref="ImportTable.Rows"/> has been enumerated. Reads synchronously. Throws
    /// <see cref="ImportFileException"/> when the file as a whole is unusable, or a row of it cannot be read as text.
    /// <paramref name="encoding"/> is the user's choice for a text file; null detects it.
    /// </summary>
    public static ImportTable Read(Stream stream, string fileName, System.Text.Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName.Trim());
        return extension.ToUpperInvariant() switch
        {
            ".CSV" or ".TXT" => CsvTableReader.Read(stream, encoding),
            ".XLSX" => XlsxTableReader.Read(stream),
            ".VCF" or ".VCARD" => VCardReader.Read(stream, encoding),
            _ => throw ImportFileException.Unsupported(string.Equals(extension, ".xls", StringComparison.OrdinalIgnoreCase) ? ".xls" : extension),
        };
    }

    /// <summary>
    /// Trims header names (and a stray BOM), drops trailing columns without a name (Excel's formatted but empty columns),
    /// and rejects duplicates, ignoring case, since the mapping screen could not tell them apart.
    /// </summary>
    internal static string[] CleanHeaders(IReadOnlyList<string?> raw)
    {
        var headers = raw.Select(h => (h ?? "").Replace("\uFEFF", "", StringComparison.Ordinal).Trim()).ToList();
        while (headers.Count > 0 && headers[^1].Length == 0)
            headers.RemoveAt(headers.Count - 1);
        if (headers.Count == 0)
            throw ImportFileException.NoHeader();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Length == 0)
                continue;
            if (!seen.TryAdd(headers[i], i))
                throw ImportFileException.DuplicateHeader(headers[i], seen[headers[i]] + 1, i + 1);
        }
        return [.. headers];
    }

    /// <summary>
    /// Exactly one trimmed cell per header, blanks as null; cells beyond the last header have no name to map to and are
    /// dropped. The quote <see cref="Shared.Files.SpreadsheetWriter.Neutralise"/> put before "=+-@" is taken off again, so that an
    /// exported file imports back unchanged ('+8613812341234 reads +8613812341234).
    /// </summary>
    internal static string?[] FitCells(IReadOnlyList<string?> raw, int width)
    {
        var cells = new string?[width];
        for (var i = 0; i < width && i < raw.Count; i++)
        {
            var text = raw[i]?.Trim();
            if (text is ['\'', '=' or '+' or '-' or '@', ..])
                text = text[1..];
            cells[i] = string.IsNullOrEmpty(text) ? null : text;
        }
        return cells;
    }
}
