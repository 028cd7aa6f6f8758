using System.Net;
using System.Net.Http.Json;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Guanxi.Web.Tests;

/// <summary>Without the demo, an empty database gets its first administrator from configuration.</summary>
public sealed class FirstAdministratorTests
{
    [Fact]
    public async Task Without_the_demo_the_first_administrator_comes_from_configuration()
    {
        await using var app = new BareApp();
        await app.InitializeAsync();
        var admin = await app.SignedInAs("boss@example.cn", "Lantern#Road42");
        var me = await admin.GetFromJsonAsync<MeView>("/api/me");
        Assert.Equal(["Administrator"], me!.Roles);
        Assert.Equal("江南物业", me.DepartmentName);
        var users = await admin.GetFromJsonAsync<Shared.Api.Page<StaffRow>>("/api/users");
        Assert.Equal(1, users!.Total);   // and no demo staff
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/auth/login",
            new { email = "admin@demo.guanxi.cn", password = GuanxiApp.Password })).StatusCode);
    }

    private sealed class BareApp : SqliteApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Bootstrap:AdminEmail", "boss@example.cn");
            builder.UseSetting("Bootstrap:AdminPassword", "Lantern#Road42");
            builder.UseSetting("Bootstrap:CompanyName", "江南物业");
        }
    }
}
