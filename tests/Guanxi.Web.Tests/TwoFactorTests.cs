using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Shared.Auth;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Guanxi.Web.Tests;

/// <summary>A staff member turns on TOTP two-factor sign-in; from then on the password alone is not enough.</summary>
public abstract class TwoFactorTests(GuanxiApp app)
{
    [Fact]
    public async Task With_two_factor_on_the_api_needs_the_authenticator_code()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var email = $"totp.{Guid.NewGuid():N}@demo.guanxi.cn";
        var staff = await AccountsApiTests.CreateStaff(admin, email);
        var signedInBefore = await app.SignedInAs(email, "Lantern#Road42");

        string key;
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, staff.Id)], "test")));
            var twoFactor = scope.ServiceProvider.GetRequiredService<ManageTwoFactor>();
            key = (await twoFactor.Status()).Value!.SharedKey;
            Assert.False((await twoFactor.Enable(Totp.Code(key) == "000000" ? "111111" : "000000")).Succeeded);
            Assert.True((await twoFactor.Enable(Totp.Code(key))).Succeeded);
        }

        var client = app.CreateClient();
        var passwordOnly = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Lantern#Road42" });
        Assert.Equal(HttpStatusCode.Unauthorized, passwordOnly.StatusCode);
        Assert.Contains("twoFactorCode", (await passwordOnly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Lantern#Road42", twoFactorCode = Totp.Code(key) == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var withCode = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Lantern#Road42", twoFactorCode = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);

        // Turning it on did not sign the member out of where they were working.
        Assert.Equal(HttpStatusCode.OK, (await signedInBefore.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_a_code_and_an_administrator_can_reset_it_for_a_lost_phone()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var email = $"lost.{Guid.NewGuid():N}@demo.guanxi.cn";
        var staff = await AccountsApiTests.CreateStaff(admin, email);
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, staff.Id)], "test")));
            var twoFactor = scope.ServiceProvider.GetRequiredService<ManageTwoFactor>();
            var key = (await twoFactor.Status()).Value!.SharedKey;
            Assert.True((await twoFactor.Enable(Totp.Code(key))).Succeeded);
            Assert.Equal(ManageTwoFactor.WrongCode, Assert.Single((await twoFactor.Disable("")).Errors));
        }

        var reset = await admin.PutAsJsonAsync($"/api/users/{staff.Id}", new
        {
            displayName = staff.DisplayName, departmentId = staff.DepartmentId, roles = staff.Roles, isActive = true, resetTwoFactor = true,
            version = await AccountsApiTests.Version(admin, staff.Id),
        });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = "Lantern#Road42" })).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TwoFactorTests_Sqlite(SqliteApp app) : TwoFactorTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TwoFactorTests_Postgres(PostgresApp app) : TwoFactorTests(app);
