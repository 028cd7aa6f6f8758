using System.Globalization;
using Guanxi.Domain.Accounts;
using Guanxi.Web.Features.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Localization;

namespace Guanxi.Web;

/// <summary>Tells whoever started Guanxi where it listens and how to sign in to the demo.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        // One write: the host's own log lines, written beside it on the logger's thread, land before or after it, not inside.
        var banner = new System.Text.StringBuilder();
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        banner.AppendLine();
        banner.AppendLine("关系 Guanxi CRM 已启动 / is running:");
        foreach (var address in addresses)
            banner.AppendLine(CultureInfo.InvariantCulture, $"  {address}");
        if (app.Configuration.GetValue("Demo:Seed", true))
        {
            banner.AppendLine(CultureInfo.InvariantCulture, $"演示账号 / demo accounts (密码 password: {DemoEnterprise.Password}):");
            var roles = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            foreach (var (email, _, role) in DemoEnterprise.Accounts)
                banner.AppendLine(CultureInfo.InvariantCulture, $"  {email,-32} {RoleName(roles, role, Cultures.Default)} / {RoleName(roles, role, Cultures.English)}");
        }
        banner.AppendLine();
        Console.Write(banner.ToString());
    }

    /// <summary>A role as the staff call it (客服部经理), in the given language, whatever the host's culture.</summary>
    private static string RoleName(IStringLocalizer<SharedResource> roles, Role role, string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return roles[$"Role.{role}"];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
