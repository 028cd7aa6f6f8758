using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Improvement;

/// <summary>
/// Issue 24 item 10, CAPA-2…7: who does what with improvement measures. The executive VP, the customer-service manager and
/// the general manager see all of them; a department's manager sees the measures it answers for and those it is involved
/// in; a member of staff sees the measures where an action is theirs. The VP gives the opinion, corrects deadlines,
/// proposes penalties and reopens; the responsible department's manager signs and plans; customer service and the VP
/// inspect; the three parties accept.
/// </summary>
public static class MeasureAccess
{
    public static bool SeesAll(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.ExecutiveVp) || viewer.Is(Role.GeneralManager) || viewer.Is(Role.CustomerServiceManager);
    }

    /// <summary>The register in the menu: those who see all measures and the department managers (others reach their actions' measures by their notices).</summary>
    public static bool OpensRegister(Viewer viewer) => SeesAll(viewer) || viewer.Is(Role.DepartmentManager);

    /// <summary>Customer service reports problems to the VP; leadership may raise one too.</summary>
    public static bool CanRaise(Viewer viewer) => SeesAll(viewer);

    /// <summary>Sees a survey problem's customer behind a measure (SAT-6): customer service and leadership; others see the measure's own words and figures.</summary>
    public static bool SeesSourceDetails(Viewer viewer) => SeesAll(viewer);

    public static bool ManagesDepartment(Viewer viewer, Guid departmentId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.DepartmentManager) && viewer.DepartmentId == departmentId;
    }

    public static bool CanSee(Viewer viewer, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return SeesAll(viewer) || ManagesDepartment(viewer, measure.DepartmentId)
            || measure.Involvements.Any(i => ManagesDepartment(viewer, i.DepartmentId))
            || measure.Actions.Any(a => a.OwnerId == viewer.UserId);
    }

    public static bool IsVp(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.ExecutiveVp);
    }

    public static bool CanAnalyse(Viewer viewer, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return viewer.Is(Role.ExecutiveVp) || viewer.Is(Role.CustomerServiceManager) || ManagesDepartment(viewer, measure.DepartmentId);
    }

    public static bool CanInspect(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.ExecutiveVp) || viewer.Is(Role.CustomerServiceManager);
    }

    public static bool CanCompleteAction(Viewer viewer, Measure measure, MeasureAction action)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(action);
        return action.OwnerId == viewer.UserId || ManagesDepartment(viewer, measure.DepartmentId);
    }

    /// <summary>CAPA-6: the parties the viewer may sign for (the VP, the customer-service manager, the responsible department's manager).</summary>
    public static IReadOnlyList<AcceptanceParty> Parties(Viewer viewer, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(measure);
        var parties = new List<AcceptanceParty>();
        if (viewer.Is(Role.ExecutiveVp))
            parties.Add(AcceptanceParty.ExecutiveVp);
        if (viewer.Is(Role.CustomerServiceManager))
            parties.Add(AcceptanceParty.CustomerService);
        if (ManagesDepartment(viewer, measure.DepartmentId))
            parties.Add(AcceptanceParty.Department);
        return parties;
    }

    /// <summary>The party a signature counts for: the first of the viewer's parties that has not signed this round, else the first.</summary>
    public static AcceptanceParty? PartyFor(Viewer viewer, Measure measure)
    {
        var parties = Parties(viewer, measure);
        return parties.Count == 0 ? null : parties.FirstOrDefault(p => measure.AcceptanceOf(p) is null, parties[0]);
    }

    public static bool CanInvolve(Viewer viewer, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return viewer.Is(Role.ExecutiveVp) || viewer.Is(Role.CustomerServiceManager) || ManagesDepartment(viewer, measure.DepartmentId);
    }

    public static bool EditsSettings(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.Administrator) || viewer.Is(Role.ExecutiveVp);
    }

    /// <summary>
    /// Issue 24 item 9: the monthly improvement report — every department's for those who see all measures, a department
    /// manager's own department's (the measures it answers for); nobody else reads it.
    /// </summary>
    public static bool ReadsReport(Viewer viewer) => OpensRegister(viewer);

    /// <summary>The one department whose measures the report counts for the viewer; null for every department.</summary>
    public static Guid? ReportDepartment(Viewer viewer) => SeesAll(viewer) ? null : viewer.DepartmentId;
}
