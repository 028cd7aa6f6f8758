using System.Globalization;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// The region (ISO 3166 code, as libphonenumber wants it) of the country an address ends with — "…, Quebec, QC, G1V 2M2,
/// Canada" is CA — so that a phone written without +1 is read as that country's. Names come from .NET's region data
/// (English and native names, three-letter codes); two-letter codes are left out, as they are also states (CA, DE).
/// </summary>
internal static class AddressCountry
{
    private static readonly Lazy<Dictionary<string, string>> Names = new(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["United States of America"] = "US", ["UK"] = "GB", ["England"] = "GB",
        };
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }
            foreach (var name in new[] { region.EnglishName, region.NativeName, region.ThreeLetterISORegionName })
                names.TryAdd(Clean(name), region.TwoLetterISORegionName);
        }
        return names;
    });

    public static string? Of(string? address)
    {
        var last = address?.Split([',', '\n', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return last is not null && Names.Value.TryGetValue(Clean(last), out var region) ? region : null;
    }

    // U.S.A. is USA.
    private static string Clean(string name) => name.Replace(".", "", StringComparison.Ordinal).Trim();
}
