using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>A person signs in, sees the Chinese shell, switches to English and signs out.</summary>
public sealed class ShellTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Customer_service_manager_signs_in_sees_the_Chinese_shell_switches_to_English_and_signs_out()
    {
        app.EnsureAvailable();
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("登录");
        await BrowserApp.ScreenshotAsync(page, "01-login-zh");

        await page.FillAsync("#email", "cs.manager@demo.guanxi.cn");
        await page.FillAsync("#password", "Guanxi#2026");
        await page.ClickAsync("[data-testid=login-submit]");

        var menu = page.Locator("[data-testid=user-menu]");
        await Expect(menu).ToContainTextAsync("客服部");
        await Expect(menu).ToContainTextAsync("客服部经理");
        await Expect(page.Locator("[data-testid=welcome]")).ToContainTextAsync("您好");
        await Expect(page.GetByText("工作台").First).ToBeVisibleAsync();
        await Expect(page.GetByText("系统管理")).ToHaveCountAsync(0);   // not an administrator: no admin menu
        await Expect(page.Locator("[data-testid=logout]")).ToContainTextAsync("退出");
        await BrowserApp.ScreenshotAsync(page, "02-shell-zh");

        await page.ClickAsync("[data-testid=language-switch]");
        await Expect(page.Locator("[data-testid=logout]")).ToContainTextAsync("Sign out");
        await Expect(menu).ToContainTextAsync("Customer-service manager");
        await Expect(page.Locator("[data-testid=welcome]")).ToContainTextAsync("Hello");
        await BrowserApp.ScreenshotAsync(page, "03-shell-en");

        await page.ClickAsync("[data-testid=logout]");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await BrowserApp.ScreenshotAsync(page, "04-signed-out-en");

        await page.GotoAsync("/");   // signed out means signed out
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    [Fact]
    public async Task A_wrong_password_is_answered_in_Chinese_on_the_page()
    {
        app.EnsureAvailable();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", "duty@demo.guanxi.cn");
        await page.FillAsync("#password", "not-my-password");
        await page.ClickAsync("[data-testid=login-submit]");
        await Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("邮箱或密码不正确");
    }
}
