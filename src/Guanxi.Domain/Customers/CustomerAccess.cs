using Guanxi.Domain.Accounts;

namespace Guanxi.Domain.Customers;

/// <summary>How much of a customer a viewer may see.</summary>
public enum CustomerSight
{
    /// <summary>Outside the viewer's sight: the API answers 404, lists leave it out.</summary>
    None,

    /// <summary>In lists and on its page, with personal fields masked (138****1234).</summary>
    Masked,

    /// <summary>Everything, personal fields unmasked.</summary>
    Full,
}

/// <summary>
/// ARC-9 confidentiality (泄密 affects the firm's life), by role, department and ownership:
/// leadership, administrators and customer-service roles see every customer; department managers, sales consultants
/// and service advisors see their department's. Personal fields are unmasked for the owner, the manager of the
/// customer's department, leadership and customer-service roles, and masked for everyone else.
/// </summary>
public static class CustomerAccess
{
    public static CustomerSight SightOf(Viewer viewer, string? ownerId, Guid customerDepartmentId)
    {
        if (!CanSee(viewer, customerDepartmentId))
            return CustomerSight.None;
        var unmasked = viewer.IsLeadership || viewer.IsCustomerService
            || viewer.UserId == ownerId
            || viewer.Is(Role.DepartmentManager) && viewer.DepartmentId == customerDepartmentId;
        return unmasked ? CustomerSight.Full : CustomerSight.Masked;
    }

    /// <summary>
    /// Who keeps a customer's record up to date: its owner, the manager of its department and the customer-service
    /// manager. Leadership reads only; administrators see personal fields masked, so they do not edit them.
    /// </summary>
    public static bool CanEdit(Viewer viewer, string? ownerId, Guid customerDepartmentId) =>
        viewer.Is(Role.CustomerServiceManager)
        || viewer.DepartmentId == customerDepartmentId && (viewer.UserId == ownerId || viewer.Is(Role.DepartmentManager));

    /// <summary>
    /// The "show" action: a colleague in the customer's department (covering for the owner, say) may reveal its masked
    /// personal fields, giving a reason that is logged. Administrators may not: they run the system, not the customers.
    /// </summary>
    public static bool CanReveal(Viewer viewer, Guid customerDepartmentId) =>
        viewer.DepartmentId == customerDepartmentId
        && (viewer.Is(Role.SalesConsultant) || viewer.Is(Role.ServiceAdvisor) || viewer.Is(Role.DepartmentManager));

    /// <summary>ARC-9: exporting customers is a right of its own — leadership, the customer-service manager and department managers.</summary>
    public static readonly IReadOnlySet<Role> ExportRoles = new HashSet<Role> { Role.GeneralManager, Role.ExecutiveVp, Role.CustomerServiceManager, Role.DepartmentManager };

    public static bool CanExport(Viewer viewer) => ExportRoles.Any(viewer.Is);

    /// <summary>SEC-1: PIPL erasure on the customer's request — the customer-service manager and administrators.</summary>
    public static bool CanErase(Viewer viewer) => viewer.Is(Role.CustomerServiceManager) || viewer.Is(Role.Administrator);

    /// <summary>Leadership, customer-service roles and administrators see every department's customers.</summary>
    public static bool SeesEveryDepartment(Viewer viewer) =>
        viewer.IsLeadership || viewer.IsCustomerService || viewer.Is(Role.Administrator);

    /// <summary>
    /// Who oversees customers rather than serving their own: department managers (their department) and those who see
    /// every department. They read the reports, the watch lists and everyone's tasks and reviews in their sight.
    /// </summary>
    public static bool Oversees(Viewer viewer) => SeesEveryDepartment(viewer) || viewer.Is(Role.DepartmentManager);

    /// <summary>
    /// The department a list of customers keeps to: none (null) for those who see every department, otherwise the
    /// viewer's own — or <see cref="Guid.Empty"/>, no department at all, when their role sees no customers.
    /// </summary>
    public static Guid? ListedDepartment(Viewer viewer) =>
        SeesEveryDepartment(viewer) ? null : SeesAny(viewer) ? viewer.DepartmentId : Guid.Empty;

    /// <summary>Whether the viewer's role sees any customer at all (their department's or every department's).</summary>
    public static bool SeesAny(Viewer viewer) => CanSee(viewer, viewer.DepartmentId);

    public static bool CanSee(Viewer viewer, Guid customerDepartmentId) =>
        SeesEveryDepartment(viewer)
        || viewer.DepartmentId == customerDepartmentId
           && (viewer.Is(Role.DepartmentManager) || viewer.Is(Role.SalesConsultant) || viewer.Is(Role.ServiceAdvisor));
}
