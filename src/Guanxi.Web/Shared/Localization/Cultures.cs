using System.Globalization;

namespace Guanxi.Web;

/// <summary>The UI languages: Chinese first, English second.</summary>
public static class Cultures
{
    public const string Default = "zh-CN";
    public const string English = "en-US";
    public static readonly string[] Supported = [Default, English];

    public static string Normalize(string? culture) =>
        Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? Default;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

/// <summary>Marker for the shared string resources in Resources/SharedResource*.resx.</summary>
#pragma warning disable CA1052 // a marker type for IStringLocalizer<T>, never instantiated
public sealed class SharedResource;
#pragma warning restore CA1052
