using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Credit;

/// <summary>ARC-5: who sets a customer's credit by hand — the customer-service manager and the manager of the customer's department.</summary>
public static class CreditAccess
{
    public static bool CanAdjust(Viewer viewer, Guid customerDepartmentId) =>
        viewer.Is(Role.CustomerServiceManager) || viewer.Is(Role.DepartmentManager) && viewer.DepartmentId == customerDepartmentId;
}
