using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>GRD-5 and GRD-6 in the browser: the customer structure report, and the value section of the customer's grade tab.</summary>
public sealed partial class ValueBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [GeneratedRegex("¥[\\d,]+\\.\\d{2}")]
    private static partial Regex Money();

    [Fact]
    public async Task Customer_service_manager_reads_the_customer_structure_by_industry_region_size_product_tier_and_loyalty()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("cs.manager@demo.guanxi.cn", "/");
        await BrowserApp.InteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "客户结构" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/reports/structure$"));
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=structure-period]")).ToContainTextAsync(new Regex("\\d+ 位客户，金额 ¥[\\d,]+\\.\\d{2}，利润 ¥"));
        await Expect(page.Locator("[data-testid=structure-industry]")).ToContainTextAsync("按行业");
        await Expect(page.Locator("[data-testid=structure-industry]")).ToContainTextAsync("制造业");
        await Expect(page.Locator("[data-testid=structure-province]")).ToContainTextAsync("江苏省");
        await Expect(page.Locator("[data-testid=structure-city]")).ToContainTextAsync("常州市");
        await Expect(page.Locator("[data-testid=structure-size]")).ToContainTextAsync("中型");
        await Expect(page.Locator("[data-testid=structure-product]")).ToContainTextAsync("无销售订单");
        await Expect(page.Locator("[data-testid=structure-tier]")).ToContainTextAsync("VIP客户");
        await Expect(page.Locator("[data-testid=structure-stage]")).ToContainTextAsync("忠诚客户");
        await Expect(page.Locator("[data-testid=structure-orders]")).ToContainTextAsync("6 单及以上");
        await Expect(page.Locator("[data-testid=structure-potential]")).ToContainTextAsync("未评估");
        await Expect(page.Locator("[data-testid=structure-tier] tbody tr").First).ToContainTextAsync(Money());
        await Expect(page.Locator("[data-testid=structure-tier] tbody tr").First).ToContainTextAsync(new Regex("\\d+\\.\\d%"));
        await BrowserApp.ScreenshotAsync(page, "90-customer-structure-zh");

        // A consultant is told who the report is for.
        var sales = await app.SignedInPageAsync("sales@demo.guanxi.cn", "/reports/structure");
        await BrowserApp.InteractiveAsync(sales);
        await Expect(sales.Locator("[data-testid=structure-refused]")).ToContainTextAsync("客户结构分析仅供部门经理");
    }

    [Fact]
    public async Task Sales_consultant_reads_a_loyal_customers_value_with_its_formula_and_quarterly_trend()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("sales@demo.guanxi.cn", "/customers?stage=loyal");
        await BrowserApp.InteractiveAsync(page);
        var rows = page.Locator("[data-testid=customers-table] tbody tr");
        await Expect(rows.First.Locator("[data-testid=stage-chip]")).ToHaveTextAsync("忠诚客户");
        await rows.First.Locator("td a").First.ClickAsync();
        await BrowserApp.InteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "分级与价值" }).ClickAsync();
        await Expect(page.Locator("[data-testid=value-current]")).ToContainTextAsync("当前价值（近 12 个月利润）");
        await Expect(page.Locator("[data-testid=value-current]")).ToContainTextAsync(Money());
        await Expect(page.Locator("[data-testid=value-potential]")).ToContainTextAsync("留存率 0.85（忠诚客户）");
        var formula = page.Locator("[data-testid=value-formula]");
        await Expect(formula).ToContainTextAsync(new Regex("潜在价值 = 年均利润 m × 留存率 r ÷ \\(1 \\+ 折现率 d − r\\) = -?¥[\\d,]+\\.\\d{2} × 0\\.85 ÷ \\(1 \\+ 0\\.08 − 0\\.85\\) = -?¥[\\d,]+\\.\\d{2}"));
        await Expect(formula).ToContainTextAsync("不足 1 年按 1 年计");
        await Expect(formula).ToContainTextAsync("生命周期阶段为“忠诚客户”的客户下一年继续购买的概率");
        await Expect(page.Locator("[data-testid=value-chart]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=value-chart] rect")).ToHaveCountAsync(8 * 2 + 2);   // amount and profit of 8 quarters, the legend
        await Expect(page.Locator("[data-testid=value-quarters] thead")).ToContainTextAsync(new Regex("\\d{4}Q\\d"));
        await Expect(page.Locator("[data-testid=value-quarters] tbody")).ToContainTextAsync(Money());
        await page.Locator("[data-testid=value-formula]").ScrollIntoViewIfNeededAsync();
        await BrowserApp.ScreenshotAsync(page, "91-customer-value-zh");

        // In English the formula reads in English, with the same numbers; then back to Chinese for the other tests.
        await page.ClickAsync("[data-testid=language-switch]");
        await BrowserApp.InteractiveAsync(page);
        // The page has just come back in English: a click that lands before the tabs answer is lost, so click until the tab is selected.
        var tab = page.GetByRole(AriaRole.Tab, new() { Name = "Grade and value" });
        for (var tries = 0; tries < 5 && await tab.GetAttributeAsync("aria-selected") != "true"; tries++)
        {
            await tab.ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }
        await Expect(formula).ToContainTextAsync(new Regex("Potential value = yearly profit m × retention r ÷ \\(1 \\+ discount rate d − r\\) = -?¥[\\d,]+\\.\\d{2} × 0\\.85"));
        await Expect(formula).ToContainTextAsync("a first year counts whole");
        await Expect(page.Locator("[data-testid=value-potential]")).ToContainTextAsync("Retention 0.85 (Loyal");
        await page.Locator("[data-testid=value-formula]").ScrollIntoViewIfNeededAsync();
        await BrowserApp.ScreenshotAsync(page, "92-customer-value-en");
        await page.ClickAsync("[data-testid=language-switch]");
        await Expect(page.Locator("[data-testid=language-switch]")).ToContainTextAsync("English");
    }
}
