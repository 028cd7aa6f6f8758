using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Orders;

/// <summary>
/// Who sees and writes orders (ARC-9). An order is seen by whoever sees its customer, and by the department that served
/// it (the after-sales department sees the service jobs it did for a sales customer). Orders are written by the serving
/// department's staff, the customer-service manager, and administrators, who connect the dealer's other systems.
/// </summary>
public static class OrderAccess
{
    public static bool CanSee(Viewer viewer, Guid orderDepartmentId, Guid customerDepartmentId) =>
        CustomerAccess.CanSee(viewer, customerDepartmentId) || CustomerAccess.CanSee(viewer, orderDepartmentId);

    public static bool CanWrite(Viewer viewer, Guid orderDepartmentId) =>
        viewer.Is(Role.Administrator) || viewer.Is(Role.CustomerServiceManager)
        || viewer.DepartmentId == orderDepartmentId
           && (viewer.Is(Role.DepartmentManager) || viewer.Is(Role.SalesConsultant) || viewer.Is(Role.ServiceAdvisor));
}
