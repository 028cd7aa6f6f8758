namespace Guanxi.Web.Features.Imports;

/// <summary>
/// The whole file cannot be imported (wrong type, empty, corrupt, bad headers). Carries a stable code and a Chinese and
/// an English message, like <c>Error</c>, so the caller can turn it into one. Problems of single rows are not thrown.
/// </summary>
public sealed class ImportFileException : Exception
{
    public ImportFileException(string code, string message, string messageEn)
        : this(code, message, messageEn, null)
    {
    }

    public ImportFileException(string code, string message, string messageEn, Exception? innerException)
        : base(message, innerException)
    {
        Code = code;
        MessageEn = messageEn;
    }

    public ImportFileException()
        : this("import.invalid_file", "文件无法导入。", "The file cannot be imported.")
    {
    }

    public ImportFileException(string message)
        : this("import.invalid_file", message, message)
    {
    }

    public ImportFileException(string message, Exception innerException)
        : this("import.invalid_file", message, message, innerException)
    {
    }

    public string Code { get; }

    public string MessageEn { get; }

    /// <summary>The row (or vCard card) at fault, when the fault is in one: the import's error list shows it.</summary>
    public int? Row { get; init; }

    public string? Column { get; init; }

    public string MessageFor(bool english) => english ? MessageEn : Message;

    internal static ImportFileException Unsupported(string extension) => extension == ".xls"
        ? new("import.unsupported_type", "不支持旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 后再上传。",
            "Old Excel 97-2003 (.xls) files are not supported; save the file as .xlsx in Excel and upload it again.")
        : new("import.unsupported_type", $"不支持的文件类型“{(extension.Length == 0 ? "无扩展名" : extension)}”，请上传 .xlsx、.csv 或 .vcf 文件。",
            $"Unsupported file type '{(extension.Length == 0 ? "no extension" : extension)}'; upload an .xlsx, .csv or .vcf file.");

    internal static ImportFileException Empty() =>
        new("import.empty_file", "文件是空的。", "The file is empty.");

    internal static ImportFileException NoHeader() =>
        new("import.no_header", "文件中没有标题行：第一行非空行应为列名（如 姓名、手机）。",
            "The file has no header row: the first non-empty row must hold the column names (such as Name, Mobile).");

    internal static ImportFileException DuplicateHeader(string name, int first, int second) =>
        new("import.duplicate_header", $"列名“{name}”重复（第 {first} 列和第 {second} 列），请修改其中一个后再上传。",
            $"The column name '{name}' appears twice (columns {first} and {second}); rename one and upload again.");

    internal static ImportFileException CorruptXlsx(Exception? inner) =>
        new("import.corrupt_xlsx", "无法读取这个 Excel 文件，它可能已损坏或不是 .xlsx 文件。请在 Excel 中打开并另存为 .xlsx 后再试。",
            "This Excel file cannot be read: it may be damaged or not an .xlsx file. Open it in Excel, save it as .xlsx and try again.", inner);

    /// <summary>An .xlsx past a limit of <see cref="XlsxLimits"/>: <paramref name="what"/> says which, in each language.</summary>
    internal static ImportFileException XlsxTooLarge(string what, string whatEn) =>
        new("import.xlsx_too_large", $"这个 Excel 文件超出了导入的限制：{what}。请删去多余的内容或拆分成几个文件后再上传。",
            $"This Excel file is beyond what an import reads: {whatEn}. Remove what is not needed, or split it into several files, and upload it again.");

    internal static ImportFileException NotText() =>
        new("import.not_text", "这个文件不是文本格式的 CSV（看起来是 Excel 文件），请上传 .xlsx 或另存为 CSV。",
            "This file is not a text CSV (it looks like an Excel file); upload it as .xlsx or save it as CSV.");

    internal static ImportFileException RecordTooLong(int row) =>
        new("import.record_too_long", $"第 {row} 行起有一行超过两百万字符，可能有引号没有闭合。",
            $"A record starting in row {row} is longer than two million characters; a quote may not be closed.") { Row = row };

    /// <summary>Quoting that RFC 4180 and Excel cannot read one way only: an unclosed quote swallows the rows after it.</summary>
    internal static ImportFileException BadQuote(int row, bool unclosed) => unclosed
        ? new("import.unclosed_quote", $"第 {row} 行的引号没有闭合，其后各行都会被读进这一格。请在该行补上引号（\"）后再导入。",
            $"The quote in row {row} is never closed, so every row after it would be read into that cell. Close the quote (\") in that row and import again.") { Row = row }
        : new("import.bad_quote", $"第 {row} 行有引号用法错误：引号结束后、逗号之前还有文字。请改正该行后再导入。",
            $"Row {row} has text after a closing quote and before the next comma. Correct that row and import again.") { Row = row };

    internal static ImportFileException UnknownEncoding() =>
        new("import.unknown_encoding", "无法确定文件的编码，请在导入页选择编码（如 GBK、Big5、UTF-8）后再试。",
            "The file's encoding cannot be told; choose it on the import page (such as GBK, Big5, UTF-8) and try again.");

    /// <summary>A row that decodes to U+FFFD or private-use characters: the bytes are not in the encoding the file was read in.</summary>
    internal static ImportFileException Undecodable(int row, string column, string encoding, bool card) => new(
        "import.undecodable",
        card ? $"第 {row} 张名片的“{column}”有无法识别的字符（按 {encoding} 读取），这张名片未导入。"
            : $"第 {row} 行“{column}”列有无法识别的字符（按 {encoding} 读取），未导入任何数据。请确认文件编码，或在导入页选择正确的编码后重试。",
        card ? $"Card {row}: '{column}' holds characters that cannot be read as {encoding}; this card is not imported."
            : $"Row {row}, column '{column}', holds characters that cannot be read as {encoding}; nothing was imported. Check the file's encoding or choose the right one on the import page and try again.")
    {
        Row = row, Column = column,
    };

    internal static ImportFileException NoVCard() =>
        new("import.no_vcard", "文件中没有找到联系人名片（BEGIN:VCARD）。", "The file holds no contact card (BEGIN:VCARD).");
}
