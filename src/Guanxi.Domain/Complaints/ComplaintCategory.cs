using System.Text.RegularExpressions;
using Guanxi.Domain.Common;

namespace Guanxi.Domain.Complaints;

/// <summary>
/// SVC-2: a class of complaint in the tree the enterprise edits. <c>Code</c> is what a complaint carries and never shown to
/// people; <c>Name</c> is; a child names its parent's code.
/// </summary>
public sealed partial record ComplaintCategory(string Code, string Name, string? ParentCode = null)
{
    public const int MaxCategories = 200;
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 50;

    /// <summary>The tree a new enterprise starts with (seed 004's kinds of complaint at a car dealer).</summary>
    public static IReadOnlyList<ComplaintCategory> Defaults { get; } =
    [
        new("productQuality", "产品质量"),
        new("repairQuality", "维修质量"),
        new("price", "价格"),
        new("attitude", "服务态度"),
        new("waitingTime", "等待时间"),
        new("delivery", "交付"),
        new("billing", "收费/结算"),
        new("other", "其他"),
    ];

    /// <summary>A code and its descendants: a filter by a category includes its children.</summary>
    public static IReadOnlySet<string> WithDescendants(IReadOnlyList<ComplaintCategory> tree, string code)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var codes = new HashSet<string>(StringComparer.Ordinal) { code };
        bool added;
        do
        {
            added = false;
            foreach (var category in tree)
                if (category.ParentCode is { } parent && codes.Contains(parent) && codes.Add(category.Code))
                    added = true;
        }
        while (added);
        return codes;
    }

    /// <summary>
    /// A tree is kept when every code is unique and well formed (letters, digits, - and _, starting with a letter), every
    /// name is given, every parent is a code of the tree and no category is its own ancestor.
    /// </summary>
    public static IReadOnlyList<Error> Validate(IReadOnlyList<ComplaintCategory> tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var errors = new List<Error>();
        if (tree.Count is 0 or > MaxCategories)
            errors.Add(ComplaintErrors.CategoryCount);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tree.Count; i++)
        {
            var category = tree[i];
            if (category is null)
            {
                errors.Add(ComplaintErrors.CategoryCode.At($"[{i}].code"));
                continue;
            }
            if (category.Code is null || !CodePattern().IsMatch(category.Code))
                errors.Add(ComplaintErrors.CategoryCode.At($"[{i}].code"));
            else if (!codes.Add(category.Code))
                errors.Add(ComplaintErrors.CategoryDuplicate.At($"[{i}].code"));
            if (string.IsNullOrWhiteSpace(category.Name) || category.Name.Trim().Length > MaxNameLength)
                errors.Add(ComplaintErrors.CategoryName.At($"[{i}].name"));
        }
        var parents = tree.Where(c => c?.Code is not null).GroupBy(c => c.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => string.IsNullOrWhiteSpace(g.First().ParentCode) ? null : g.First().ParentCode, StringComparer.Ordinal);
        for (var i = 0; i < tree.Count; i++)
        {
            if (tree[i]?.ParentCode is not { } parent || string.IsNullOrWhiteSpace(parent))
                continue;
            if (!parents.ContainsKey(parent))
            {
                errors.Add(ComplaintErrors.CategoryParent.At($"[{i}].parentCode"));
                continue;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal) { tree[i].Code };
            for (string? up = parent; up is not null; up = parents.GetValueOrDefault(up))
            {
                if (!seen.Add(up))
                {
                    errors.Add(ComplaintErrors.CategoryCycle.At($"[{i}].parentCode"));
                    break;
                }
            }
        }
        return errors;
    }

    /// <summary>The tree for a choice: each category followed by its children, with its depth (0 for the top).</summary>
    public static IEnumerable<(ComplaintCategory Category, int Depth)> InTreeOrder(IReadOnlyList<ComplaintCategory> tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var codes = tree.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var children = tree.ToLookup(c => c.ParentCode is { } p && codes.Contains(p) ? p : null);
        IEnumerable<(ComplaintCategory, int)> Below(string? parent, int depth) =>
            depth > MaxCategories ? [] : children[parent].SelectMany(c => Below(c.Code, depth + 1).Prepend((c, depth)));
        return Below(null, 0);
    }

    /// <summary>The tree as kept: names trimmed, a blank parent as none.</summary>
    public static IReadOnlyList<ComplaintCategory> Normalize(IReadOnlyList<ComplaintCategory> tree) =>
        [.. tree.Select(c => new ComplaintCategory(c.Code, c.Name.Trim(), string.IsNullOrWhiteSpace(c.ParentCode) ? null : c.ParentCode))];

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,39}$")]
    private static partial Regex CodePattern();
}
