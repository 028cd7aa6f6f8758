using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>
/// LIF-1..3 settings in the browser, on a database of their own: saving the thresholds re-stages the customers in the
/// background, which would move the churned customers another test of the same database is working on.
/// </summary>
public sealed class LifecyclePolicyBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Administrator_sets_the_lifecycle_thresholds_and_a_bad_value_is_explained()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("admin@demo.guanxi.cn", "/lifecycle/policy");
        await BrowserApp.InteractiveAsync(page);
        await page.Locator("[data-testid=loyal-orders]").FillAsync("1");
        await page.ClickAsync("[data-testid=lifecycle-save]");
        await Expect(page.GetByText("忠诚客户的单数须在 2 到 100 之间。")).ToBeVisibleAsync();
        await page.Locator("[data-testid=loyal-orders]").FillAsync("5");
        await page.Locator("[data-testid=churn-floor]").FillAsync("18");
        await page.ClickAsync("[data-testid=lifecycle-save]");
        await Expect(page.GetByText("已保存，正在按新设置重新判定客户阶段。")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=lifecycle-rule]")).ToContainTextAsync("近 24 个月至少 5 单为忠诚客户");
        await BrowserApp.ScreenshotAsync(page, "65-lifecycle-policy-zh");
    }
}
