using System.Globalization;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Turns a typed spreadsheet cell into the text the user typed: dates as yyyy-MM-dd (with HH:mm when there is a time),
/// numbers in invariant culture and never in exponent form, so a phone stored as a number reads 13812341234.
/// </summary>
internal static class CellText
{
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => Number(d),
        float f => Number(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => Date(t),
        DateTimeOffset t => Date(t.DateTime),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Date(DateTime t) =>
        t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Via decimal: Excel's own 15 significant digits, plain notation (1E-07 becomes 0.0000001).</summary>
    private static string Number(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
            return d.ToString(CultureInfo.InvariantCulture);
        if (d == 0)
            return "0";
        return Math.Abs(d) < 7.9e27
            ? ((decimal)d).ToString(CultureInfo.InvariantCulture)
            : d.ToString("F0", CultureInfo.InvariantCulture);
    }
}
