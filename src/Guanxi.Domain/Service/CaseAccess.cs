using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Service;

/// <summary>
/// SVC-7: who does what with the case library. Anyone on the staff writes a case; the author corrects their draft,
/// the customer-service manager corrects any case (a published one too) and is the only one who publishes. A draft is
/// read by its author and the customer-service manager; a published case by all staff. The customers a case names
/// keep their own confidentiality (<see cref="CustomerAccess"/>).
/// </summary>
public static class CaseAccess
{
    /// <summary>Every member of staff who holds a role writes cases.</summary>
    public static bool CanWrite(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Roles.Count > 0;
    }

    /// <summary>The customer-service manager reads every draft; others only their own.</summary>
    public static bool SeesEveryDraft(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.CustomerServiceManager);
    }

    public static bool CanSee(Viewer viewer, CaseStatus status, string authorId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return status == CaseStatus.Published || viewer.UserId == authorId || SeesEveryDraft(viewer);
    }

    public static bool CanEdit(Viewer viewer, CaseStatus status, string authorId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.CustomerServiceManager) || status == CaseStatus.Draft && viewer.UserId == authorId && CanWrite(viewer);
    }

    public static bool CanPublish(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.CustomerServiceManager);
    }

    /// <summary>
    /// A case's history (who wrote, changed and published what): the customer-service manager, who corrects every case and
    /// sees every customer it links (administrators read it in the audit log).
    /// </summary>
    public static bool ReadsHistory(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.CustomerServiceManager);
    }

    public static bool CanSee(Viewer viewer, ServiceCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return CanSee(viewer, c.Status, c.AuthorId);
    }

    public static bool CanEdit(Viewer viewer, ServiceCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return CanEdit(viewer, c.Status, c.AuthorId);
    }

    public static readonly Error NotFound = Error.NotFound("case.not_found", "案例不存在。", "No such case.");
    public static readonly Error CannotWrite = Error.Forbidden("case.cannot_write", "您的账号没有角色，不能撰写案例。", "Your account holds no role, so it cannot write cases.");
    public static readonly Error CannotEdit = Error.Forbidden("case.cannot_edit", "只有作者可以修改自己的草稿；已发布的案例只有客服经理可以更正。", "Only the author changes their draft; only the customer-service manager corrects a published case.");
    public static readonly Error CannotReadHistory = Error.Forbidden("case.cannot_read_history", "只有客服经理可以查看案例的变更历史。", "Only the customer-service manager reads a case's history.");
    public static readonly Error CannotPublish = Error.Forbidden("case.cannot_publish", "只有客服经理可以发布案例。", "Only the customer-service manager publishes cases.");
}
