namespace Guanxi.Web.Shared.Tables;

/// <summary>A column a person may show or hide, named by its resource key; the less important ones start hidden.</summary>
public sealed record TableColumn(string Key, string LabelKey, bool ShownByDefault = true);

/// <summary>
/// The columns of one table a person chose to see (issue 22: a table fits a 1366 px screen without a horizontal scrollbar,
/// so it shows its important columns and offers the others behind <see cref="ColumnChooser"/>). A column that is not
/// choosable always shows. The choice is kept in the browser per table (<see cref="Table"/>).
/// </summary>
public sealed class TableColumns(string table, params TableColumn[] choosable)
{
    private readonly Dictionary<string, bool> shown = choosable.ToDictionary(c => c.Key, c => c.ShownByDefault, StringComparer.Ordinal);

    public string Table => table;

    public IReadOnlyList<TableColumn> Choosable => choosable;

    public bool Shows(string key) => !shown.TryGetValue(key, out var on) || on;

    /// <summary>How many columns show among <paramref name="keys"/>: for a cell that spans the row.</summary>
    public int Count(params string[] keys) => keys.Count(Shows);

    public void Show(string key, bool on)
    {
        if (shown.ContainsKey(key))
            shown[key] = on;
    }

    /// <summary>The choice as the browser keeps it: <c>key:1,key:0</c>, each column chosen either way.</summary>
    public string Save() => string.Join(',', shown.Select(s => $"{s.Key}:{(s.Value ? 1 : 0)}"));

    /// <summary>Takes back a saved choice; a column added since keeps its default, one removed since is ignored.</summary>
    public void Restore(string? saved)
    {
        foreach (var part in (saved ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, on) = (part.Split(':')[0], part.EndsWith(":1", StringComparison.Ordinal));
            Show(key, on);
        }
    }
}
