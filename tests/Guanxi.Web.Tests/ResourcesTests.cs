using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Guanxi.Web.Tests;

/// <summary>Every visible string comes from resources, in Chinese and in English.</summary>
public sealed partial class ResourcesTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Resources = Path.Combine(Root, "src", "Guanxi.Web", "Resources");

    [Fact]
    public void Every_Chinese_string_has_an_English_one_and_back()
    {
        var chinese = Keys("SharedResource.resx").Where(k => !k.StartsWith("Mud.", StringComparison.Ordinal)).ToHashSet();
        var english = Keys("SharedResource.en.resx").ToHashSet();
        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
    }

    [Fact]
    public void Every_literal_key_the_pages_use_exists()
    {
        var keys = Keys("SharedResource.resx").ToHashSet();
        var used = Directory.EnumerateFiles(Path.Combine(Root, "src", "Guanxi.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();
        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, u => !keys.Contains(u.Key));
    }

    private static IEnumerable<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Guanxi.slnx")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Guanxi.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""L\["([A-Za-z0-9_.]+)"\]""")]
    private static partial Regex LiteralKey();
}
