namespace Guanxi.Web.Features.Imports;

/// <summary>
/// One zip part as it inflates, counted: past its declared size (a lie MiniExcel would trust when it decides whether
/// shared strings go to disk) the file is corrupt; past the budget of all parts it is too large. It also bounds each tag
/// and CDATA section, the one thing XmlReader holds whole (text it hands out in chunks): their bytes since the '&lt;'.
/// </summary>
internal sealed class XlsxPartStream(Stream inner, long declared, long budget) : Stream
{
    /// <summary>Excel writes tags of some hundred bytes; a cell's longest text, escaped, is some 300 KB.</summary>
    public const int MaxMarkupBytes = 1 << 20;

    private int run, state;   // bytes since the last '<'; 0 text or tag, 1 after '<', 2 after "<!", 3 inside CDATA
    private byte last, beforeLast;

    public long Count { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if ((Count += read) > declared)
            throw ImportFileException.CorruptXlsx(null);
        if (Count > budget)
            throw XlsxLimits.Unpacked();
        foreach (var b in buffer[..read])
        {
            run++;
            if (state == 3)
            {
                if (b == '>' && last == ']' && beforeLast == ']')
                    (state, run) = (0, 0);
            }
            else if (b == '<')
                (state, run) = (1, 0);
            else
                state = (state, b) switch { (1, (byte)'!') => 2, (2, (byte)'[') => 3, _ => 0 };
            if (run > MaxMarkupBytes)
                throw ImportFileException.XlsxTooLarge("有一段 XML 标记超过 1 MB", "a piece of its XML markup is longer than 1 MB");
            (beforeLast, last) = (last, b);
        }
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
