namespace Guanxi.Web.Features.Customers;

public sealed record District(string Province, string City, string Name, string Code);

/// <summary>
/// China's official administrative divisions (province → city → district), shipped as reference data in Data/
/// (from ../shared/datasets/chinese/cn_admin_*.csv). Municipalities list "市辖区" as their city; it reads as the province.
/// </summary>
public sealed class Divisions
{
    private readonly Dictionary<string, District> byBeginning = new(StringComparer.Ordinal);
    private readonly Dictionary<string, District>.AlternateLookup<ReadOnlySpan<char>> beginnings;
    private readonly int longestBeginning;

    private Divisions(IReadOnlyList<District> districts)
    {
        Districts = districts;
        foreach (var d in districts)
        {
            // 江苏省常州市金坛区 and 常州市金坛区; a municipality's 北京市朝阳区 (its city is the province)
            foreach (var beginning in d.City == d.Province ? [d.Province + d.Name] : new[] { d.Province + d.City + d.Name, d.City + d.Name })
                byBeginning.TryAdd(beginning, d);
        }
        longestBeginning = byBeginning.Keys.Max(k => k.Length);
        beginnings = byBeginning.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<District> Districts { get; }

    /// <summary>
    /// A whole address ("江苏省常州市金坛区东门大街 1 号", the province may be left out) split into its district and the
    /// rest; null when it does not begin with one. The longest beginning wins (东城区 before 东城).
    /// </summary>
    public (District District, string Street)? Split(string address)
    {
        for (var length = Math.Min(longestBeginning, address.Length); length > 0; length--)
        {
            if (beginnings.TryGetValue(address.AsSpan(0, length), out var district))
                return (district, address[length..]);
        }
        return null;
    }

    public static Divisions LoadShipped()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Features", "Customers", "Data");
        var provinces = Rows(Path.Combine(folder, "cn_admin_provinces.csv")).ToDictionary(r => r[0], r => r[1]);
        var cities = Rows(Path.Combine(folder, "cn_admin_cities.csv")).ToDictionary(r => r[0], r => (Name: r[1], Province: r[2]));
        var districts = Rows(Path.Combine(folder, "cn_admin_areas.csv"))
            .Where(r => cities.ContainsKey(r[2]) && provinces.ContainsKey(r[3]))
            .Select(r =>
            {
                var province = provinces[r[3]];
                var city = cities[r[2]].Name is "市辖区" or "县" ? province : cities[r[2]].Name;
                return new District(province, city, r[1], r[0]);
            })
            .ToList();
        return new Divisions(districts);
    }

    private static IEnumerable<string[]> Rows(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',').Select(f => f.Trim('"')).ToArray());
}
