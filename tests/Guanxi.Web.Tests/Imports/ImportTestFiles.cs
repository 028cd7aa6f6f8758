using System.Text;
using Guanxi.Web.Features.Imports;

namespace Guanxi.Web.Tests.Imports;

/// <summary>Helpers to read text or bytes as an upload, and to find shared/datasets beside the repository.</summary>
internal static class ImportTestFiles
{
    public static readonly Encoding Utf8 = new UTF8Encoding(false);

    public static Encoding Gb18030 { get; } = LoadGb18030();

    public static ImportTable Read(string text, string fileName) => Read(Utf8.GetBytes(text), fileName);

    public static ImportTable Read(byte[] bytes, string fileName, Encoding? chosen = null) => TabularReader.Read(new MemoryStream(bytes), fileName, chosen);

    /// <summary>The text in <paramref name="encoding"/> (UTF-8 by default), read as an upload with no encoding chosen.</summary>
    public static ImportTable Read(string text, string fileName, Encoding? encoding) => Read((encoding ?? Utf8).GetBytes(text), fileName);

    public static List<ImportRow> Rows(string text, string fileName) => [.. Read(text, fileName).Rows];

    /// <summary>
    /// The vCards of shared/datasets/vcards, copied into the tests (Imports/Data/vcards) so that a clean clone runs them;
    /// beside the repository the shared folder itself is read.
    /// </summary>
    public static string VCardFolder()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Imports", "Data", "vcards");
        if (Directory.Exists(copied))
            return copied;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets", "vcards");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("shared/datasets/vcards not found above " + AppContext.BaseDirectory);
    }

    public static string VCardFile(string relative) => Path.Combine(VCardFolder(), relative);

    private static Encoding LoadGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
