using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>LIF-1..3 in the browser: stages on the list and the customer's page, the churn reason, "my tasks", the churn report, the settings.</summary>
public sealed class LifecycleBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Customer_service_manager_records_why_a_customer_was_lost_and_reads_the_churn_report()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("cs.manager@demo.guanxi.cn", "/customers?stage=churned");
        await BrowserApp.InteractiveAsync(page);
        var rows = page.Locator("[data-testid=customers-table] tbody tr");
        await Expect(rows.First.Locator("[data-testid=stage-chip]")).ToHaveTextAsync("流失客户");
        Assert.Equal(await rows.CountAsync(), await page.Locator("[data-testid=customers-table] [data-testid=stage-chip]", new() { HasText = "流失客户" }).CountAsync());
        await BrowserApp.ScreenshotAsync(page, "60-customers-churned-zh");

        await rows.First.Locator("td a").First.ClickAsync();
        await BrowserApp.InteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "生命周期" }).ClickAsync();
        await Expect(page.Locator("[data-testid=stage-strategy]")).ToContainTextAsync("挽回拜访");
        await Expect(page.Locator("[data-testid=stage-history]")).ToContainTextAsync("→ 流失客户");
        await Expect(page.Locator("[data-testid=stage-history]")).ToContainTextAsync("超过流失界限");
        await page.ClickAsync("[data-testid=churn-reason-select]");
        await page.GetByRole(AriaRole.Option, new() { Name = "价格因素" }).ClickAsync();
        await page.Locator("[data-testid=churn-note]").FillAsync("外地同品牌店报价低 8000 元");
        await page.ClickAsync("[data-testid=churn-save]");
        await Expect(page.GetByText("已保存。")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=stage-history]")).ToContainTextAsync("流失原因：价格因素 外地同品牌店报价低 8000 元");
        await BrowserApp.ScreenshotAsync(page, "61-customer-lifecycle-zh");

        await page.GetByRole(AriaRole.Link, new() { Name = "流失分析" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/reports/churn$"));
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=churn-reasons]")).ToContainTextAsync("价格因素");
        await Expect(page.Locator("[data-testid=churn-cohorts] table")).ToContainTextAsync("100.0%");
        await Expect(page.Locator("[data-testid=churn-tiers]")).ToContainTextAsync("普通客户");
        await BrowserApp.ScreenshotAsync(page, "62-churn-report-zh");
    }

    [Fact]
    public async Task Manager_completes_a_task_from_the_department_list_with_what_came_of_it()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("cs.manager@demo.guanxi.cn", "/tasks");
        await BrowserApp.InteractiveAsync(page);
        await page.ClickAsync("[data-testid=tasks-department]");
        // A task done here with its outcome (a follow-up is done on its own page, its 完成 a link there).
        var rows = page.Locator("[data-testid=tasks-table] [data-testid=task-row]").Filter(new() { Has = page.Locator("button[data-testid=task-complete]") });
        await Expect(rows.First).ToBeVisibleAsync();
        var customer = await rows.First.Locator("td").First.Locator("a").InnerTextAsync();
        await rows.First.Locator("[data-testid=task-complete]").ClickAsync();
        await page.ClickAsync("[data-testid=task-confirm]");
        await Expect(page.GetByText("请填写处理结果。")).ToBeVisibleAsync();   // nothing saved without an outcome
        await BrowserApp.ScreenshotAsync(page, "63-tasks-outcome-required-zh");
        await page.Locator("[data-testid=task-outcome]").FillAsync("已电话回访，客户对交车满意");
        await page.ClickAsync("[data-testid=task-confirm]");
        await Expect(page.GetByText("任务已完成。")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=tasks-done]");
        await Expect(page.Locator("[data-testid=tasks-table]")).ToContainTextAsync("已电话回访，客户对交车满意");
        await Expect(page.Locator("[data-testid=tasks-table]")).ToContainTextAsync(customer);
        await BrowserApp.ScreenshotAsync(page, "64-tasks-done-zh");
    }
}
