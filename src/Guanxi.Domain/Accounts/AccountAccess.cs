using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Accounts;

/// <summary>SEC-3: who manages staff accounts, roles and departments, and who reads the audit trail and the sign-ins.</summary>
public static class AccountAccess
{
    /// <summary>Staff accounts, their roles and departments: administrators.</summary>
    public static bool ManagesAccounts(Viewer viewer) => viewer.Is(Role.Administrator);

    /// <summary>ARC-3, ARC-9: the audit log, the sign-ins and the personal-data access log: administrators.</summary>
    public static bool ReadsAudit(Viewer viewer) => viewer.Is(Role.Administrator);
}
