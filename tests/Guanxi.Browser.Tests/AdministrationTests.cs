using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>An administrator moves a member of staff to another department and finds the change in the audit log.</summary>
public sealed class AdministrationTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Company = "常州恒通汽车销售服务有限公司";

    [Fact]
    public async Task Administrator_moves_a_service_advisor_to_sales_and_the_audit_log_shows_who_when_old_and_new()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("admin@demo.guanxi.cn", "/admin/users");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/users"));

        await Expect(page.Locator("[data-testid=users-table] tbody tr").First).ToBeVisibleAsync();
        await page.GetByLabel("搜索姓名或邮箱").FillAsync("advisor@");
        await Expect(page.Locator("[data-testid=users-table] tbody tr")).ToHaveCountAsync(1);
        var row = page.Locator("tr", new() { HasText = "advisor@demo.guanxi.cn" });
        await Expect(row).ToContainTextAsync("售后服务部");   // below the enterprise, which every row would repeat
        await Expect(row).Not.ToContainTextAsync(Company);
        await BrowserApp.ScreenshotAsync(page, "10-users-zh");

        await row.GetByText("编辑").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("编辑账号");
        await dialog.Locator(".mud-select").First.ClickAsync();   // 部门
        await page.GetByText($"{Company} / 销售部", new() { Exact = true }).Last.ClickAsync();
        await BrowserApp.ScreenshotAsync(page, "11-user-edit-zh");
        await dialog.GetByText("保存").ClickAsync();
        await Expect(row).ToContainTextAsync("销售部");
        await Expect(row).Not.ToContainTextAsync("售后服务部");

        await page.GotoAsync("/admin/audit");
        // The record by the member's name, the field and the departments by their names (issue 22).
        var change = page.Locator("[data-testid=audit-table] tr", new() { HasText = "售后服务部" }).Filter(new() { HasText = "销售部" }).First;
        await Expect(change).ToContainTextAsync("员工账号");
        await Expect(change).ToContainTextAsync("修改");
        await Expect(change).ToContainTextAsync("部门");
        await Expect(change).ToContainTextAsync(new Regex(@"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}"));
        var adminName = (await page.Locator("[data-testid=user-menu] .gx-user-name").TextContentAsync())!.Trim();
        await Expect(change).ToContainTextAsync(adminName);
        await BrowserApp.ScreenshotAsync(page, "12-audit-zh");
    }

    [Fact]
    public async Task Administrator_sees_roles_departments_and_two_factor_pages_in_Chinese()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("admin@demo.guanxi.cn", "/admin/roles");

        await Expect(page.Locator("h5").First).ToHaveTextAsync("角色");
        await Expect(page.GetByText("回访专员").First).ToBeVisibleAsync();
        await Expect(page.GetByText("电话调查与回访").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "13-roles-zh");

        await page.GotoAsync("/admin/departments");
        await Expect(page.GetByText("金坛分公司")).ToBeVisibleAsync();
        await Expect(page.GetByText("分公司", new() { Exact = true }).First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "14-departments-zh");

        await page.GotoAsync("/account/two-factor");
        await Expect(page.Locator("[data-testid=totp-key]")).ToHaveTextAsync(new Regex("^[a-z2-7 ]{20,}$"));
        await BrowserApp.ScreenshotAsync(page, "15-two-factor-zh");
    }

    [Fact]
    public async Task A_sales_consultant_cannot_open_the_administration_pages()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("sales@demo.guanxi.cn", "/admin/users");
        await Expect(page.GetByText("没有权限")).ToBeVisibleAsync();
        await Expect(page.GetByText("员工账号")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "16-denied-zh");
    }
}
