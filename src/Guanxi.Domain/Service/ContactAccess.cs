using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Service;

/// <summary>
/// SVC-1: who records a contact with a customer — whoever serves customers and sees this one: the customer's department
/// (its manager, sales consultants, service advisors) and customer service (every department's). Leadership reads the
/// timeline only, and administrators run the system, not the customers. Whoever sees the customer reads its contacts.
/// </summary>
public static class ContactAccess
{
    public static bool CanRecord(Viewer viewer, Guid customerDepartmentId) =>
        CustomerAccess.CanSee(viewer, customerDepartmentId)
        && (viewer.IsCustomerService || viewer.Is(Role.DepartmentManager) || viewer.Is(Role.SalesConsultant) || viewer.Is(Role.ServiceAdvisor));
}
