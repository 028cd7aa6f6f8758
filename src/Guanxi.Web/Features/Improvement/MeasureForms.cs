using Guanxi.Domain.Accounts;
using Guanxi.Web.Features.Accounts;

namespace Guanxi.Web.Features.Improvement;

/// <summary>What the measure pages share: the departments a measure may name, as people name them (金坛分公司 · 销售部).</summary>
public static class MeasureForms
{
    public static Dictionary<Guid, string> Departments(IReadOnlyList<DepartmentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byId = rows.ToDictionary(r => r.Id);
        return rows.Where(r => r.Kind == DepartmentKind.Department).ToDictionary(r => r.Id,
            r => r.ParentId is { } p && byId.TryGetValue(p, out var parent) && parent.Kind == DepartmentKind.Branch ? $"{parent.Name} · {r.Name}" : r.Name);
    }
}
