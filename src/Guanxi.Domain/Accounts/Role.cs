namespace Guanxi.Domain.Accounts;

/// <summary>The roles of SPEC "Users and roles". The enum name is the role's stored name.</summary>
public enum Role
{
    Administrator,
    GeneralManager,
    ExecutiveVp,
    CustomerServiceManager,
    DutyManager,
    CallbackSpecialist,
    DepartmentManager,
    SalesConsultant,
    ServiceAdvisor,
    Administration,
}

public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    public static string Name(this Role role) => role.ToString();

    /// <summary>Only a role's exact name: not "1", not "Administrator,GeneralManager".</summary>
    public static bool TryParse(string? name, out Role role)
    {
        role = default;
        return name is not null && Enum.GetNames<Role>().Contains(name, StringComparer.Ordinal) && Enum.TryParse(name, out role);
    }

    /// <summary>Leadership sees everything read-only (SPEC: general manager, executive VP).</summary>
    public static bool IsLeadership(this Role role) => role is Role.GeneralManager or Role.ExecutiveVp;

    /// <summary>Customer-service roles supervise and run surveys and callbacks.</summary>
    public static bool IsCustomerService(this Role role) =>
        role is Role.CustomerServiceManager or Role.DutyManager or Role.CallbackSpecialist;
}
