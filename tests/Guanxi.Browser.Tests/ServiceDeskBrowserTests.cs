using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>SVC-1, SVC-4: the service desk as its people use it — a consultant's follow-up, a customer's timeline.</summary>
public sealed class ServiceDeskBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SVC4_a_consultant_completes_a_follow_up_with_what_it_learnt()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("sales@demo.guanxi.cn", "/followups");
        await page.SetViewportSizeAsync(1366, 900);
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=followups-overdue]")).Not.ToHaveTextAsync(new Regex(@"\s0$"));   // the demo left some behind
        await page.ClickAsync("[data-testid=followups-overdue]");
        var row = page.Locator("[data-testid=followup-row]").First;
        var customer = await row.Locator("td a").First.InnerTextAsync();
        await row.Locator("[data-testid=followup-complete]").ClickAsync();
        await page.ClickAsync("[data-testid=followup-confirm]");
        await Expect(page.GetByText("请至少填写使用情况、新需求或客户反馈中的一项。")).ToBeVisibleAsync();   // nothing saved without what it learnt
        await page.Locator("[data-testid=followup-usage]").FillAsync("每天通勤，已行驶 1.5 万公里");
        await page.Locator("[data-testid=followup-needs]").FillAsync("想加装行车记录仪");
        await page.Locator("[data-testid=followup-feedback]").FillAsync("对上次保养很满意");
        await page.ClickAsync("[data-testid=followup-opportunity]");
        await page.Locator("[data-testid=followup-opportunity-note]").FillAsync("推荐原厂行车记录仪套装");
        await BrowserApp.ScreenshotAsync(page, "90-followup-form-zh");
        await page.ClickAsync("[data-testid=followup-confirm]");
        await Expect(page.GetByText("回访已完成。")).ToBeVisibleAsync();
        await page.GetByText("已完成", new() { Exact = true }).First.ClickAsync();
        await Expect(page.Locator("[data-testid=followups-table]")).ToContainTextAsync("想加装行车记录仪");
        await Expect(page.Locator("[data-testid=followups-table]")).ToContainTextAsync("销售机会");
        await Expect(page.Locator("[data-testid=followups-table]")).ToContainTextAsync(customer);
        await BrowserApp.ScreenshotAsync(page, "91-followups-done-zh");
    }

    [Fact]
    public async Task SVC1_the_timeline_tab_shows_every_contact_newest_first_and_records_a_call()
    {
        app.EnsureAvailable();
        using var api = await app.ApiAsync("sales@demo.guanxi.cn");
        var me = (await api.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString();
        var customer = (await api.GetFromJsonAsync<JsonElement>($"/api/customers?ownerId={me}&pageSize=1")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var page = await app.SignedInPageAsync("sales@demo.guanxi.cn", $"/customers/{customer}");
        await page.SetViewportSizeAsync(1366, 900);
        await BrowserApp.InteractiveAsync(page);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "时间线" }).ClickAsync();
        await page.Locator("[data-testid=timeline]").Or(page.Locator("[data-testid=timeline-empty]")).First.WaitForAsync();
        await page.ClickAsync("[data-testid=contact-record]");
        await page.Locator("[data-testid=contact-summary]").FillAsync("电话询问新车首保预约");
        await page.Locator("[data-testid=contact-outcome]").FillAsync("已约下周二上午");
        await page.ClickAsync("[data-testid=contact-touchpoint]");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Option, new() { Name = "售后" }).ClickAsync();
        await page.ClickAsync("[data-testid=contact-save]");
        var first = page.Locator("[data-testid=timeline-item]").First;
        await Expect(first).ToContainTextAsync("电话询问新车首保预约");
        await BrowserApp.ScreenshotAsync(page, "92-customer-timeline-zh");
    }
}
