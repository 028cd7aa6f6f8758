using System.Globalization;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// Realistic Chinese personal names: surnames drawn by their real frequency (Data/chinese_family_names_1k.csv,
/// from wainshine/Chinese-Names-Corpus, Apache-2.0), given names of one or two common characters.
/// </summary>
public sealed class ChineseNames
{
    // Characters common in given names of people born 1960–2000.
    private const string GivenCharacters =
        "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红娟建国文辉力峰鑫宇浩然晨阳佳琪欣怡子涵梓萱雨轩俊杰志强海燕丹凤晓东雪梅春生秋菊立新国庆永利婷婷倩颖慧晶鹏飞宏亮晓明";

    private readonly string[] surnames;
    private readonly long[] cumulative;

    private ChineseNames(string[] surnames, long[] cumulative) => (this.surnames, this.cumulative) = (surnames, cumulative);

    public static ChineseNames Load(string csvPath)
    {
        var rows = File.ReadLines(csvPath).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f.Length >= 2 && f[0].Length > 0 && long.TryParse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            .Select(f => (Name: f[0].Trim(), Weight: long.Parse(f[1], CultureInfo.InvariantCulture)))
            .ToList();
        var cumulative = new long[rows.Count];
        long sum = 0;
        for (var i = 0; i < rows.Count; i++)
            cumulative[i] = sum += Math.Max(1, rows[i].Weight);
        return new ChineseNames([.. rows.Select(r => r.Name)], cumulative);
    }

    public static ChineseNames LoadShipped() =>
        Load(Path.Combine(AppContext.BaseDirectory, "Features", "Demo", "Data", "chinese_family_names_1k.csv"));

    public string Surname(Random random)
    {
        var pick = random.NextInt64(cumulative[^1]);
        var index = Array.BinarySearch(cumulative, pick + 1);
        return surnames[index >= 0 ? index : ~index];
    }

    public string FullName(Random random)
    {
        var given = GivenCharacters[random.Next(GivenCharacters.Length)].ToString();
        if (random.NextDouble() < 0.7)
            given += GivenCharacters[random.Next(GivenCharacters.Length)];
        return Surname(random) + given;
    }
}
