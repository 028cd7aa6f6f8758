using Guanxi.Domain.Accounts;

namespace Guanxi.Domain.Customers;

/// <summary>Who is looking at customers: for the confidentiality rules (ARC-9).</summary>
public sealed record Viewer(string UserId, Guid DepartmentId, IReadOnlySet<Role> Roles)
{
    public bool Is(Role role) => Roles.Contains(role);

    public bool IsLeadership => Roles.Any(r => r.IsLeadership());

    public bool IsCustomerService => Roles.Any(r => r.IsCustomerService());
}
