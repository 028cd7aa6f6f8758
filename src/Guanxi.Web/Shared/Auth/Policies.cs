using Guanxi.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Guanxi.Web.Shared.Auth;

/// <summary>Rights, each granted to roles (SEC-3). Pages and endpoints ask for a right, never for a role name.</summary>
public static class Policies
{
    public const string ManageAccounts = nameof(ManageAccounts);
    public const string ViewAudit = nameof(ViewAudit);

    public static AuthorizationBuilder AddGuanxiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ManageAccounts, p => p.RequireRole(Role.Administrator.Name()))
        .AddPolicy(ViewAudit, p => p.RequireRole(Role.Administrator.Name()));
}
