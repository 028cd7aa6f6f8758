using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>ARC-6 periodic review and LIF-4 key-account relationships in the browser.</summary>
public sealed class ReviewBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Department_manager_follows_the_cycle_files_a_review_and_records_the_relationship_with_the_customer()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("sales.manager@demo.guanxi.cn", "/reviews");
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=review-cycle-summary]")).ToContainTextAsync("第 1 期");
        await Expect(page.Locator("[data-testid=review-progress] [data-testid=review-progress-row]").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "80-reviews-progress-zh");

        var row = page.Locator("[data-testid=reviews-table] [data-testid=review-row]").First;
        var customer = await row.Locator("td a").InnerTextAsync();
        await row.Locator("[data-testid=review-start]").ClickAsync();
        await page.ClickAsync("[data-testid=review-confirm]");
        await Expect(page.Locator("[data-testid=review-category-error]")).ToHaveTextAsync("请选择归档类别：重要、特殊或一般。");   // nothing filed without a category
        await page.Locator("[data-testid=review-category-choice]").GetByText("重要", new() { Exact = true }).ClickAsync();
        await page.Locator("[data-testid=review-note]").FillAsync("年内有增购计划，列为重点维护");
        await BrowserApp.ScreenshotAsync(page, "81-review-filing-zh");
        await page.ClickAsync("[data-testid=review-confirm]");
        await Expect(page.GetByText("已完成核查，档案已归类。")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=reviews-done]");
        var done = page.Locator("[data-testid=reviews-table] [data-testid=review-row]", new() { HasText = customer });
        await Expect(done.Locator("[data-testid=review-category]")).ToHaveTextAsync("重要");
        await Expect(done).ToContainTextAsync("年内有增购计划，列为重点维护");

        await done.Locator("td a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/customers/[0-9a-f-]+$"));
        await BrowserApp.InteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "生命周期" }).ClickAsync();
        await Expect(page.Locator("[data-testid=archive-category]")).ToContainTextAsync("重要");
        await page.ClickAsync("[data-testid=relationship-stage]");
        await page.GetByRole(AriaRole.Option, new() { Name = "了解" }).ClickAsync();
        await page.ClickAsync("[data-testid=relationship-type]");
        await page.GetByRole(AriaRole.Option, new() { Name = "能动型" }).ClickAsync();
        await page.ClickAsync("[data-testid=relationship-phase]");
        await page.GetByRole(AriaRole.Option, new() { Name = "突破期" }).ClickAsync();
        await page.Locator("[data-testid=relationship-note]").FillAsync("已签三年车队维保框架协议");
        await page.ClickAsync("[data-testid=relationship-save]");
        await Expect(page.GetByText("已保存。")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await BrowserApp.InteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "生命周期" }).ClickAsync();
        await Expect(page.Locator("[data-testid=relationship-note]")).ToHaveValueAsync("已签三年车队维保框架协议");
        await Expect(page.Locator("[data-testid=relationship]")).ToContainTextAsync("突破期");
        await BrowserApp.ScreenshotAsync(page, "82-customer-relationship-zh");
    }

    [Fact]
    public async Task A_consultant_sees_only_their_own_reviews_and_no_progress_table()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("sales@demo.guanxi.cn", "/reviews");
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=review-cycle-summary]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=review-progress]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=reviews-team]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=review-open]")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "83-reviews-mine-zh");
    }
}
