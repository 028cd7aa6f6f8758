using Guanxi.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Guanxi.Web.Shared.Auth;

/// <summary>Rights, each granted to roles (SEC-3). Pages and endpoints ask for a right, never for a role name.</summary>
public static class Policies
{
    public const string ManageAccounts = nameof(ManageAccounts);
    public const string ViewAudit = nameof(ViewAudit);

    /// <summary>ARC-9: exporting customers (<see cref="Domain.Customers.CustomerAccess.CanExport"/>), for pages that hide the button.</summary>
    public const string ExportCustomers = nameof(ExportCustomers);

    public static AuthorizationBuilder AddGuanxiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ManageAccounts, p => p.RequireRole(Role.Administrator.Name()))
        .AddPolicy(ViewAudit, p => p.RequireRole(Role.Administrator.Name()))
        .AddPolicy(ExportCustomers, p => p.RequireRole([.. Domain.Customers.CustomerAccess.ExportRoles.Select(r => r.Name())]));
}
