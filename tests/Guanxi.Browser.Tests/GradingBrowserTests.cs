using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>GRD-1..4 in the browser: the administrator's policy page and recompute, the 80/20 report, the tier filter, the owner's potential assessment.</summary>
public sealed class GradingBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Administrator_changes_the_policy_recomputes_and_reads_the_80_20_report()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("admin@demo.guanxi.cn", "/grading/policy");
        await BrowserApp.InteractiveAsync(page);
        await page.Locator("[data-testid=vip-score]").FillAsync("50");
        await page.Locator("[data-testid=important-score]").FillAsync("60");
        await page.ClickAsync("[data-testid=policy-save]");
        await Expect(page.GetByText("门槛须在 0–100 之间，且 VIP 门槛高于重要客户门槛。")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "50-grading-policy-error-zh");
        await page.Locator("[data-testid=vip-score]").FillAsync("70");
        await page.Locator("[data-testid=important-score]").FillAsync("50");
        await page.ClickAsync("[data-testid=policy-save]");
        await Expect(page.GetByText("分级政策已保存。")).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid=recompute]");
        await Expect(page.Locator("[data-testid=recompute-status]")).ToContainTextAsync(new Regex("已评定 [\\d,]+ 位客户"), new() { Timeout = 60_000 });
        await BrowserApp.ScreenshotAsync(page, "51-grading-recomputed-zh");

        await page.GetByRole(AriaRole.Link, new() { Name = "二八分析" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/reports/pareto$"));
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=pareto-top]")).ToContainTextAsync(new Regex("\\d+(\\.\\d)?%"));
        await Expect(page.Locator("[data-testid=pareto-curve] polyline")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=pareto-rows] tbody tr").First).ToContainTextAsync("¥");
        await BrowserApp.ScreenshotAsync(page, "52-pareto-zh");
        await page.GetByRole(AriaRole.Tab, new() { Name = "可考虑放弃" }).ClickAsync();
        await Expect(page.GetByText("后 20% 中扣除服务成本后利润 ≤ 0 的客户")).ToBeVisibleAsync();

        await page.GotoAsync("/customers?tier=vip");
        await BrowserApp.InteractiveAsync(page);
        var rows = page.Locator("[data-testid=customers-table] tbody tr");
        await Expect(rows.First.Locator("[data-testid=tier-chip]")).ToHaveTextAsync("VIP客户");
        Assert.Equal(await rows.CountAsync(), await page.Locator("[data-testid=customers-table] [data-testid=tier-chip]", new() { HasText = "VIP客户" }).CountAsync());
        await BrowserApp.ScreenshotAsync(page, "55-customers-vip-zh");
        await rows.First.Locator("td a").First.ClickAsync();
        await BrowserApp.InteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "分级与价值" }).ClickAsync();
        await Expect(page.Locator("[data-testid=tier-history]")).ToContainTextAsync("→ VIP客户");
        await Expect(page.Locator("[data-testid=tier-history]")).ToContainTextAsync(new Regex("≥ VIP 门槛 (80|70).0"));
        await BrowserApp.ScreenshotAsync(page, "53-customer-grade-zh");
    }

    [Fact]
    public async Task Sales_consultant_assesses_a_customers_potential_with_a_reason()
    {
        app.EnsureAvailable();
        // One of the consultant's own customers: the owner assesses (a colleague's customer in the list is read only).
        var api = await app.ApiAsync("sales@demo.guanxi.cn");
        var me = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me")).GetProperty("id").GetString();
        var own = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/customers?ownerId={me}&pageSize=1")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var page = await app.SignedInPageAsync("sales@demo.guanxi.cn", $"/customers/{own}");
        await BrowserApp.InteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "分级与价值" }).ClickAsync();
        await page.Locator("[data-testid=potential-score]").FillAsync("85");
        await page.Locator("[data-testid=potential-reason]").FillAsync("");
        await page.ClickAsync("[data-testid=potential-save]");
        await Expect(page.GetByText("请填写评估理由（不超过 500 字）。")).ToBeVisibleAsync();
        await page.Locator("[data-testid=potential-reason]").FillAsync("计划明年为车队增购 10 台");
        await page.ClickAsync("[data-testid=potential-save]");
        await Expect(page.GetByText("已保存潜力评估，下次重算时计入。")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=grade-indicators]")).ToContainTextAsync("85 · 计划明年为车队增购 10 台");
        await BrowserApp.ScreenshotAsync(page, "54-customer-potential-zh");
    }
}
