using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Inspections;

/// <summary>
/// CAPA-8, who sees and does what, each rule stated once. The executive VP, the general manager and the customer-service
/// manager see and plan everything (and re-check any finding); the inspector carries out the inspections assigned to them
/// and follows their findings (names an owner, re-checks); a department manager sees their department's inspections and
/// findings and names the owners; a finding's owner sees it and records the fix; everyone else sees nothing of it.
/// </summary>
public static class InspectionAccess
{
    /// <summary>Who plans the inspections and sees them all.</summary>
    public static bool Plans(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.ExecutiveVp) || viewer.Is(Role.GeneralManager) || viewer.Is(Role.CustomerServiceManager);
    }

    public static bool SeesAll(Viewer viewer) => Plans(viewer);

    /// <summary>The menu's 专项检查 by role alone: those who plan and the department managers (an inspector or owner of another role reaches their work through its notice).</summary>
    public static bool OpensDesk(Viewer viewer) => SeesAll(viewer) || viewer.Is(Role.DepartmentManager);

    /// <summary>The manager of that department.</summary>
    public static bool Manages(Viewer viewer, Guid departmentId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.DepartmentManager) && viewer.DepartmentId == departmentId;
    }

    public static bool Sees(Viewer viewer, InspectionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return SeesAll(viewer) || plan.InspectorId == viewer.UserId || Manages(viewer, plan.DepartmentId);
    }

    public static bool Sees(Viewer viewer, Inspection inspection)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        return SeesAll(viewer) || inspection.InspectorId == viewer.UserId || Manages(viewer, inspection.DepartmentId);
    }

    /// <summary>Only the inspector it is assigned to carries an inspection out.</summary>
    public static bool CarriesOut(Viewer viewer, Inspection inspection)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(inspection);
        return inspection.InspectorId == viewer.UserId;
    }

    public static bool Sees(Viewer viewer, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return SeesAll(viewer) || finding.InspectorId == viewer.UserId || finding.OwnerId == viewer.UserId || Manages(viewer, finding.DepartmentId);
    }

    /// <summary>Naming the owner and the deadline: the department's manager or the inspector.</summary>
    public static bool AssignsOwner(Viewer viewer, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Manages(viewer, finding.DepartmentId) || finding.InspectorId == viewer.UserId;
    }

    /// <summary>Recording the fix: the owner.</summary>
    public static bool Fixes(Viewer viewer, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(finding);
        return finding.OwnerId is not null && finding.OwnerId == viewer.UserId;
    }

    /// <summary>The re-check: the inspector, or one of those who plan.</summary>
    public static bool Rechecks(Viewer viewer, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.InspectorId == viewer.UserId || Plans(viewer);
    }

    /// <summary>The pass rates: those who plan (every department), a department manager (theirs).</summary>
    public static bool ReadsPassRates(Viewer viewer) => OpensDesk(viewer);

    /// <summary>The actions the caller may take on the finding now: their right and the finding's state, both.</summary>
    public static IReadOnlyList<FindingAction> Actions(Viewer viewer, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return [.. Enum.GetValues<FindingAction>().Where(a => finding.Allows(a) && a switch
        {
            FindingAction.AssignOwner => AssignsOwner(viewer, finding),
            FindingAction.Fix => Fixes(viewer, finding),
            _ => Rechecks(viewer, finding),
        })];
    }
}
