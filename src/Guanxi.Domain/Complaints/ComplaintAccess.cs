using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Complaints;

/// <summary>What the confidentiality rules need to know of a complaint.</summary>
public sealed record ComplaintFacts(Guid CustomerDepartmentId, string? CustomerOwnerId, Guid DepartmentId, string? StaffId, string? AssigneeId, ComplaintStatus Status)
{
    public bool Handled => Status is ComplaintStatus.Resolved or ComplaintStatus.Closed;
}

/// <summary>
/// SVC-2 and ARC-9 for complaints, each rule stated once. A complaint follows its customer's sight, and is also seen by
/// the department it concerns (an after-sales job for another department's customer) and by its assignee. A complaint
/// about a member of staff is theirs to see only once handled (resolved or closed), and then without the customer's
/// personal data unless they own the customer. It is handled by its assignee, the manager of its department, the
/// customer-service manager and the duty manager; leadership reads only.
/// </summary>
public static class ComplaintAccess
{
    /// <summary>Who records a complaint (for a customer in their sight): customer service and those who serve customers.</summary>
    public static bool Records(Viewer viewer) =>
        viewer.IsCustomerService || viewer.Is(Role.DepartmentManager) || viewer.Is(Role.SalesConsultant) || viewer.Is(Role.ServiceAdvisor);

    /// <summary>Whether the complaints desk is the caller's at all (the menu's 投诉管理): those who record complaints or see every department's.</summary>
    public static bool OpensDesk(Viewer viewer) => Records(viewer) || SeesAll(viewer);

    /// <summary>Those who see every department's complaints, whoever they are about.</summary>
    public static bool SeesAll(Viewer viewer) => CustomerAccess.SeesEveryDepartment(viewer);

    public static bool Sees(Viewer viewer, ComplaintFacts complaint)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.AssigneeId == viewer.UserId)
            return true;
        if (IsConcerned(viewer, complaint))
            return complaint.Handled;
        return CustomerAccess.CanSee(viewer, complaint.CustomerDepartmentId) || CustomerAccess.CanSee(viewer, complaint.DepartmentId);
    }

    /// <summary>The member of staff the complaint is about, and nothing more (customer service and leadership see as such).</summary>
    public static bool IsConcerned(Viewer viewer, ComplaintFacts complaint) =>
        complaint.StaffId == viewer.UserId && complaint.AssigneeId != viewer.UserId && !viewer.IsLeadership && !viewer.IsCustomerService;

    /// <summary>
    /// How much of the customer the complaint shows: the customer's own sight, the assignee in full (they call the
    /// customer), the member of staff concerned masked unless they own the customer, someone who sees the complaint only
    /// through its department masked.
    /// </summary>
    public static CustomerSight CustomerShown(Viewer viewer, ComplaintFacts complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.AssigneeId == viewer.UserId)
            return CustomerSight.Full;
        if (IsConcerned(viewer, complaint))
            return complaint.CustomerOwnerId == viewer.UserId ? CustomerSight.Full : CustomerSight.Masked;
        return CustomerAccess.SightOf(viewer, complaint.CustomerOwnerId, complaint.CustomerDepartmentId) is CustomerSight.None ? CustomerSight.Masked
            : CustomerAccess.SightOf(viewer, complaint.CustomerOwnerId, complaint.CustomerDepartmentId);
    }

    /// <summary>Assigning and reassigning: the manager of the complaint's department, the customer-service manager, the duty manager.</summary>
    public static bool Dispatches(Viewer viewer, ComplaintFacts complaint)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(complaint);
        return viewer.Is(Role.CustomerServiceManager) || viewer.Is(Role.DutyManager)
            || viewer.Is(Role.DepartmentManager) && viewer.DepartmentId == complaint.DepartmentId && complaint.StaffId != viewer.UserId;
    }

    /// <summary>Answering, holding, resuming, resolving, closing and reopening: the dispatchers and the assignee.</summary>
    public static bool Handles(Viewer viewer, ComplaintFacts complaint) =>
        Dispatches(viewer, complaint) || complaint.AssigneeId == viewer.UserId;

    /// <summary>The actions the caller may take on the complaint now: their right and the complaint's state, both.</summary>
    public static IReadOnlyList<ComplaintAction> Actions(Viewer viewer, ComplaintFacts facts, Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return [.. Enum.GetValues<ComplaintAction>().Where(a => complaint.Allows(a) && (a == ComplaintAction.Assign ? Dispatches(viewer, facts) : Handles(viewer, facts)))];
    }

    /// <summary>The complaint categories and time rules: administrators and the customer-service manager.</summary>
    public static bool EditsSettings(Viewer viewer) => viewer.Is(Role.Administrator) || viewer.Is(Role.CustomerServiceManager);

    /// <summary>The problems for improvement: the customer-service manager and leadership.</summary>
    public static bool ReadsProblems(Viewer viewer) => viewer.Is(Role.CustomerServiceManager) || viewer.IsLeadership;
}
