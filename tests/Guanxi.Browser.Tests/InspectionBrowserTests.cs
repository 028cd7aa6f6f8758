using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>CAPA-8 in the browser: an inspector fills a checklist on a tablet-sized page; a failed item becomes a finding followed on 整改跟踪.</summary>
public sealed class InspectionBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_inspector_fills_the_checklist_on_a_tablet_and_a_failed_item_becomes_a_finding()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("cs.manager@demo.guanxi.cn", "/inspections");
        await page.SetViewportSizeAsync(1024, 768);
        await BrowserApp.InteractiveAsync(page);
        var carryOut = page.Locator("[data-testid=inspection-open]", new() { HasText = "执行检查" });
        await Expect(carryOut.First).ToBeVisibleAsync();
        await carryOut.First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/inspections/[0-9a-f-]{36}$"));
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=inspection-item-0-pass]")).ToBeVisibleAsync();
        var items = await page.Locator("[data-testid^=inspection-item-][data-testid$=-pass]").CountAsync();
        Assert.True(items >= 3, $"{items} items");

        // Every item passes but the first, which fails — first without saying why: nothing is recorded.
        for (var i = 1; i < items; i++)
            await page.ClickAsync($"[data-testid=inspection-item-{i}-pass]");
        await page.ClickAsync("[data-testid=inspection-item-0-fail]");
        await page.ClickAsync("[data-testid=inspection-submit]");
        await Expect(page.GetByText("检查结果已提交。")).Not.ToBeVisibleAsync();
        await page.Locator("[data-testid=inspection-item-0-note]").FillAsync("接待时未起身问候，未主动递送茶水");
        await BrowserApp.ScreenshotAsync(page, "95-inspection-tablet-zh");
        await page.ClickAsync("[data-testid=inspection-submit]");
        await Expect(page.GetByText("检查结果已提交。")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=inspection-item-0-finding]")).ToBeVisibleAsync();

        // The finding waits on 整改跟踪 with what was found.
        await page.GotoAsync("/findings");
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=findings-table]")).ToContainTextAsync("接待时未起身问候");
        await BrowserApp.ScreenshotAsync(page, "96-findings-tablet-zh");
    }
}
