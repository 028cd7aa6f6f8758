using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>ARC-5/7 in the browser: the watch lists, a manual credit adjustment with its reason, the inbox, the rule table.</summary>
public sealed class CreditBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Department_manager_reads_the_risk_list_adjusts_a_credit_with_a_reason_and_reads_the_alerts()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("sales.manager@demo.guanxi.cn", "/watchlists");
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=watch-big] tbody tr").First).ToContainTextAsync("¥");
        await page.GetByRole(AriaRole.Tab, new() { Name = "风险客户" }).ClickAsync();
        var risky = page.Locator("[data-testid=watch-risk] tbody tr");
        await Expect(risky.First.Locator("[data-testid=credit-chip]")).ToContainTextAsync(new Regex("信用 [BC]"));
        await BrowserApp.ScreenshotAsync(page, "70-watchlists-risk-zh");

        await risky.First.Locator("td a").ClickAsync();
        await BrowserApp.InteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "信用" }).ClickAsync();
        await Expect(page.Locator("[data-testid=credit-reason]")).ToContainTextAsync("B 级条件");
        await page.ClickAsync("[data-testid=credit-level]");
        await page.GetByRole(AriaRole.Option, new() { Name = "AA", Exact = true }).ClickAsync();
        await page.ClickAsync("[data-testid=credit-adjust]");
        await Expect(page.GetByText("人工调整须填写理由（不超过 500 字）。")).ToBeVisibleAsync();   // nothing saved without a reason
        await page.Locator("[data-testid=credit-reason-input]").FillAsync("已签还款协议，月底前结清");
        await page.ClickAsync("[data-testid=credit-adjust]");
        await Expect(page.Locator("[data-testid=credit-history]")).ToContainTextAsync("人工调整：已签还款协议，月底前结清");
        await Expect(page.Locator("[data-testid=credit-history]")).ToContainTextAsync(new Regex("[BC] → AA（人工）"));
        await BrowserApp.ScreenshotAsync(page, "71-customer-credit-zh");

        await page.ClickAsync("[data-testid=notification-bell]");
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=notifications]")).ToContainTextAsync("客户逾期未付");
        await BrowserApp.ScreenshotAsync(page, "72-notifications-zh");
    }

    [Fact]
    public async Task A_customer_with_no_payment_history_reads_not_rated_in_the_list_its_filter_and_the_credit_tab()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("sales.manager@demo.guanxi.cn", "/customers");
        await BrowserApp.InteractiveAsync(page);
        await page.ClickAsync("[data-testid=customer-credit-filter]");
        await page.GetByRole(AriaRole.Option, new() { Name = "未评定", Exact = true }).ClickAsync();
        var rows = page.Locator("[data-testid=customers-table] tbody tr");
        await Expect(rows.First.Locator("[data-testid=credit-chip]")).ToHaveTextAsync("信用 未评定");
        await BrowserApp.ScreenshotAsync(page, "74-customers-not-rated-zh");

        await rows.First.Locator("td a").ClickAsync();
        await BrowserApp.InteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "信用" }).ClickAsync();
        await Expect(page.Locator("[data-testid=credit-reason]")).ToContainTextAsync("尚无付款记录，未评定");
        await Expect(page.Locator("[data-testid=credit-chip]").First).ToHaveTextAsync("信用 未评定");
    }

    [Fact]
    public async Task Administrator_edits_the_credit_rules_and_an_inconsistent_table_is_explained()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("admin@demo.guanxi.cn", "/credit/policy");
        await BrowserApp.InteractiveAsync(page);
        await page.Locator("[data-testid=rule-ontime-1]").FillAsync("99");
        await page.ClickAsync("[data-testid=credit-rules-save]");
        await Expect(page.GetByText("较低等级的条件不能比较高等级更严。").First).ToBeVisibleAsync();
        await page.Locator("[data-testid=rule-ontime-1]").FillAsync("96");
        await page.ClickAsync("[data-testid=credit-rules-save]");
        await Expect(page.GetByText("评定规则已保存，将在当晚的评定中生效。")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "73-credit-rules-zh");
    }
}
