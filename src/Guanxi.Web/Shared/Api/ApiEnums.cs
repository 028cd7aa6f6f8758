using System.Text.Json;
using System.Text.Json.Serialization;

namespace Guanxi.Web.Shared.Api;

/// <summary>Enum values in the API: lower camel case ("person", "dryRun", "succeeded"), read by name in any case.</summary>
public static class ApiEnums
{
    /// <summary>
    /// Every enum is written in lower camel case by one converter and read by name in any case (never by number); credit
    /// levels keep their letters (AAA … C), which are the names a dealer uses.
    /// </summary>
    public static readonly IReadOnlyList<JsonConverter> Converters =
    [
        new JsonStringEnumConverter<Domain.Credit.CreditLevel>(namingPolicy: null, allowIntegerValues: false),
        new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
    ];

    /// <summary>A query or form value by its name in any case; blank is no value; numbers and unknown names are refused.</summary>
    public static bool TryParse<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!Enum.TryParse<T>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || text.Any(char.IsAsciiDigit))
            return false;
        value = parsed;
        return true;
    }
}
