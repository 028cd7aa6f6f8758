using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Guanxi.Web.Features.Accounts;

public static class AccountsFeature
{
    public const string PolicyScheme = "Guanxi";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var security = builder.Configuration.GetSection("Security");
        var idle = TimeSpan.FromMinutes(security.GetValue("IdleTimeoutMinutes", 30));
        var tokenLifetime = TimeSpan.FromMinutes(security.GetValue("AccessTokenMinutes", 60));
        var services = builder.Services;

        // Pages use the cookie, the API a bearer token; a request that carries "Authorization: Bearer" is the API's.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PolicyScheme;
                o.DefaultChallengeScheme = PolicyScheme;
            })
            .AddPolicyScheme(PolicyScheme, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = tokenLifetime)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = idle;          // idle session timeout: the cookie slides while the user works
                o.SlidingExpiration = true;
                o.Cookie.Name = "guanxi.auth";
                o.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = c => ApiOr(c, StatusCodes.Status403Forbidden),
                };
            }));

        services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 0;        // PasswordPolicy decides (CommonPasswordValidator)
                o.Password.RequiredUniqueChars = 0;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.GetValue("LockoutMinutes", 15));
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GuanxiDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddErrorDescriber<GuanxiIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder().AddGuanxiPolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, StaffRevalidatingStateProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<StaffNames>();
        services.AddScoped<StaffPrincipalValidator>();
        services.AddScoped<SignInLog>();
        services.AddScoped<ListSignIns>();

        services.AddScoped<ApiLogin>();
        services.AddScoped<GetMe>();
        services.AddScoped<ListStaff>();
        services.AddScoped<CreateStaff>();
        services.AddScoped<UpdateStaff>();
        services.AddScoped<ListRoles>();
        services.AddScoped<SetStaffPassword>();
        services.AddScoped<ListDepartments>();
        services.AddScoped<SaveDepartment>();
        services.AddScoped<DeleteDepartment>();
        services.AddScoped<ChangeCulture>();
        services.AddScoped<ManageTwoFactor>();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapAccountsApi();
        app.MapAccountEndpoints();
        return app;
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
