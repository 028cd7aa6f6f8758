using Guanxi.Web.Features.Imports;
using Guanxi.Web.Shared.Files;
using MiniExcelLibs;
using static Guanxi.Web.Tests.Imports.ImportTestFiles;

namespace Guanxi.Web.Tests.Imports;

public sealed class SpreadsheetWriterTests
{
    [Fact]
    public async Task ARC_10_csv_export_is_utf8_with_bom_crlf_and_rfc4180_quoting()
    {
        var stream = new MemoryStream();

        await SpreadsheetWriter.WriteAsync(stream, "csv", ["姓名", "备注"], [["张三", "喜欢红色, 蓝色"], ["Li \"Lucky\"", "line1\nline2"], [null]], TestContext.Current.CancellationToken);

        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("姓名,备注\r\n张三,\"喜欢红色, 蓝色\"\r\n\"Li \"\"Lucky\"\"\",\"line1\nline2\"\r\n,\r\n", Utf8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task ARC_10_csv_export_reads_back_unchanged()
    {
        var stream = new MemoryStream();
        string?[][] rows = [["王五", "13812341234", "江苏省常州市, 新北区\r\n3 号楼", "+8613812341234"]];

        await SpreadsheetWriter.WriteAsync(stream, "csv", ["姓名", "手机", "地址", "电话"], rows, TestContext.Current.CancellationToken);
        stream.Position = 0;

        Assert.Equal(rows, TabularReader.Read(stream, "a.csv").Rows.Select(r => r.Cells));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+8613812341234", "'+8613812341234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=cmd", "'\t=cmd")]
    [InlineData("\r=cmd", "'\r=cmd")]
    [InlineData("张三", "张三")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void ARC_10_formula_like_cells_are_neutralised(string? cell, string? expected) =>
        Assert.Equal(expected, SpreadsheetWriter.Neutralise(cell));

    [Fact]
    public async Task ARC_10_csv_export_neutralises_formula_injection()
    {
        var stream = new MemoryStream();

        await SpreadsheetWriter.WriteAsync(stream, "csv", ["=HEADER"], [["=cmd|' /C calc'!A0"], ["@SUM(1)"]], TestContext.Current.CancellationToken);

        Assert.Equal("'=HEADER\r\n'=cmd|' /C calc'!A0\r\n'@SUM(1)\r\n", Utf8.GetString(stream.ToArray()[3..]));
    }

    [Fact]
    public async Task ARC_10_xlsx_export_neutralises_formula_injection()
    {
        var stream = new MemoryStream();

        await SpreadsheetWriter.WriteAsync(stream, "xlsx", ["姓名", "备注"], [["=HYPERLINK(\"http://x\")", "-1"], ["张三", "+86"]], TestContext.Current.CancellationToken);
        stream.Position = 0;
        var stored = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();

        Assert.Equal(["'=HYPERLINK(\"http://x\")", "'-1"], stored[1]);
        Assert.Equal(["张三", "'+86"], stored[2]);
    }

    [Fact]
    public async Task Money_in_an_xlsx_export_reads_as_money_and_stays_a_number()
    {
        var stream = new MemoryStream();

        await SpreadsheetWriter.WriteAsync(stream, "xlsx", ["客户", "订单数", "利润"], [["张三", 3, 1234.5m], ["李四", 1, -99m]], TestContext.Current.CancellationToken);
        stream.Position = 0;
        var stored = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
        Assert.Equal(1234.5, Convert.ToDouble(stored[1][2], System.Globalization.CultureInfo.InvariantCulture));   // Excel sums it
        Assert.Equal(-99, Convert.ToDouble(stored[2][2], System.Globalization.CultureInfo.InvariantCulture));

        stream.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(stream);
        using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
        Assert.Contains("formatCode=\"&quot;¥&quot;#,##0.00;-&quot;¥&quot;#,##0.00\"", await styles.ReadToEndAsync(TestContext.Current.CancellationToken));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<x:v>1234.5</x:v>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("¥", xml, StringComparison.Ordinal);   // not text: a number with a format
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task ARC_10_export_streams_rows_to_a_forward_only_stream(string format)
    {
        var output = new ForwardOnlyStream();
        long writtenHalfway = -1;
        IEnumerable<IReadOnlyList<string?>> Rows()
        {
            for (var i = 0; i < 100_000; i++)
            {
                if (i == 50_000)
                    writtenHalfway = output.Written;
                yield return ["客户" + i, "1380000" + i];
            }
        }

        await SpreadsheetWriter.WriteAsync(output, format, ["姓名", "手机"], Rows(), TestContext.Current.CancellationToken);

        Assert.True(writtenHalfway > 100_000, $"only {writtenHalfway} bytes out when half the rows had been produced");
        Assert.True(output.Written > writtenHalfway);
    }

    [Fact]
    public async Task ARC_10_unknown_export_format_is_refused() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            SpreadsheetWriter.WriteAsync(new MemoryStream(), "pdf", ["a"], [], TestContext.Current.CancellationToken));

    /// <summary>Like an HTTP response body: write-only, cannot seek; counts what went through.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;
    }
}
