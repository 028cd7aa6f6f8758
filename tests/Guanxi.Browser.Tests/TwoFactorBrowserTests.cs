using System.Text.RegularExpressions;
using Guanxi.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>A staff member turns on two-factor sign-in with an authenticator app and signs in with a code from then on.</summary>
public sealed class TwoFactorBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Staff_member_turns_on_two_factor_and_then_signs_in_with_a_code()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("hr@demo.guanxi.cn", "/account/two-factor");

        await BrowserApp.InteractiveAsync(page);
        var key = (await page.Locator("[data-testid=totp-key]").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
        await Expect(page.Locator("[data-testid=totp-qr]")).ToBeVisibleAsync();
        await page.GetByLabel("6 位验证码").FillAsync(Totp.Code(key));
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "开启" }).ClickAsync();
        await Expect(page.GetByText("两步验证已开启。登录时需要输入")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "20-two-factor-on-zh");

        await page.ClickAsync("[data-testid=logout]");
        await page.FillAsync("#email", "hr@demo.guanxi.cn");
        await page.FillAsync("#password", "Guanxi#2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login-2fa"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("两步验证");
        await BrowserApp.ScreenshotAsync(page, "21-login-code-zh");

        await page.FillAsync("#code", "000000" == Totp.Code(key) ? "111111" : "000000");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator(".gx-alert")).ToContainTextAsync("验证码不正确");

        await page.FillAsync("#code", Totp.Code(key));
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor$"));   // back where the member signed out
        await Expect(page.GetByText("两步验证已开启。登录时需要输入")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=user-menu]")).ToContainTextAsync("行政部");
    }
}
