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

    internal static ImportFileException NotText() =>
        new("import.not_text", "这个文件不是文本格式的 CSV（看起来是 Excel 文件），请上传 .xlsx 或另存为 CSV。",
            "This file is not a text CSV (it looks like an Excel file); upload it as .xlsx or save it as CSV.");

    internal static ImportFileException FieldTooLong(int row) =>
        new("import.field_too_long", $"第 {row} 行起有一个超过一百万字符的单元格，可能有引号没有闭合。",
            $"A cell starting in row {row} is longer than a million characters; a quote may not be closed.");

    internal static ImportFileException NoVCard() =>
        new("import.no_vcard", "文件中没有找到联系人名片（BEGIN:VCARD）。", "The file holds no contact card (BEGIN:VCARD).");
}
