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
        WritesEveryDepartment(viewer)
        || viewer.DepartmentId == orderDepartmentId
           && (viewer.Is(Role.DepartmentManager) || viewer.Is(Role.SalesConsultant) || viewer.Is(Role.ServiceAdvisor));

    /// <summary>
    /// Whose orders the caller may enter: a customer in their sight — and, for a service advisor, any customer who brings
    /// a car to the workshop (after-sales serves every customer, whichever department sold the car). A customer outside
    /// this is answered as unknown, so that an order never reveals a name nor moves another department's customer.
    /// </summary>
    public static bool CanOrderFor(Viewer viewer, OrderKind kind, Guid customerDepartmentId) =>
        CustomerAccess.CanSee(viewer, customerDepartmentId)
        || kind == OrderKind.Service && viewer.Is(Role.ServiceAdvisor);

    /// <summary>Administrators (who connect the dealer's other systems) and the customer-service manager write any department's orders.</summary>
    public static bool WritesEveryDepartment(Viewer viewer) => viewer.Is(Role.Administrator) || viewer.Is(Role.CustomerServiceManager);
}
