using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Service;

/// <summary>
/// SVC-9, SVC-11: who reads the 服务分析 report and how much of it. The customer-service manager, the duty manager and
/// leadership read every department's figures; a department manager reads the complaints their department answers for
/// (and its contacts and surveys); others are refused. Customers named in it (the repeat complainers) keep their own
/// sight (<see cref="CustomerAccess"/>): out of sight, a masked name and no id.
/// </summary>
public static class ServiceReportAccess
{
    public static bool Reads(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return SeesEveryDepartment(viewer) || viewer.Is(Role.DepartmentManager);
    }

    /// <summary>The department the report keeps to: none (every department) or the manager's own.</summary>
    public static Guid? Department(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return SeesEveryDepartment(viewer) ? null : viewer.DepartmentId;
    }

    private static bool SeesEveryDepartment(Viewer viewer) =>
        viewer.Is(Role.CustomerServiceManager) || viewer.Is(Role.DutyManager) || viewer.IsLeadership;

    public static readonly Error NotReader = Error.Forbidden("service_report.not_reader", "服务分析仅供客服经理、值班经理、公司领导和部门经理查看。",
        "The service report is for the customer-service manager, the duty manager, leadership and department managers.");
}
