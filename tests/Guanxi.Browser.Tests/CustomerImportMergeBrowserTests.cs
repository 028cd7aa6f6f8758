using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>A sales manager imports a GBK CSV from Excel with the progress bar, then merges two duplicates field by field.</summary>
public sealed class CustomerImportMergeBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task<IPage> SignIn(BrowserApp app, string returnUrl)
    {
        var page = await app.SignedInPageAsync("sales.manager@demo.guanxi.cn", returnUrl);
        await BrowserApp.InteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task Sales_manager_imports_a_GBK_csv_from_Excel_with_a_dry_run_and_the_progress_bar()
    {
        app.EnsureAvailable();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var rows = new StringBuilder("姓名,手机,邮箱,地址,分组,生日\r\n");
        for (var i = 0; i < 400; i++)
            rows.Append(CultureInvariant($"浏览器导入{i:D3},1398880{i:D4},import{i}@browser-test.cn,江苏省常州市金坛区东门大街{i}号,展厅来访,1985-03-{1 + i % 28:D2}\r\n"));
        rows.Append("坏行,12345,,,,\r\n");
        var file = Path.Combine(Path.GetTempPath(), $"客户-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, Encoding.GetEncoding("GB18030").GetBytes(rows.ToString()));

        var page = await SignIn(app, "/customers/import");
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await Expect(page.Locator("[data-testid=import-mapping]")).ToContainTextAsync("手机", new() { Timeout = 20_000 });   // the upload is read on the server first: slower when CI runs the suites side by side
        await BrowserApp.ScreenshotAsync(page, "40-import-mapping-zh");
        await page.ClickAsync("[data-testid=import-dry-run]");
        await Expect(page.Locator("[data-testid=import-progress]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=import-status]")).ToHaveTextAsync("已完成", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=import-created]")).ToHaveTextAsync("新建 400");
        await Expect(page.Locator("[data-testid=import-rejected]")).ToHaveTextAsync("拒绝 1");
        await Expect(page.Locator("[data-testid=import-errors]")).ToContainTextAsync("“12345”不是有效的电话号码");
        await BrowserApp.ScreenshotAsync(page, "41-import-dry-run-zh");

        await page.ClickAsync("[data-testid=import-commit-valid]");
        await Expect(page.Locator("[data-testid=import-job] h6")).ToContainTextAsync("正式导入");   // the commit's own page, not the dry run's
        await Expect(page.Locator("[data-testid=import-progress]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=import-status]")).ToHaveTextAsync("已完成", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=import-progress]")).ToContainTextAsync("100%");
        await BrowserApp.ScreenshotAsync(page, "42-import-done-zh");

        await page.GotoAsync("/customers");
        await BrowserApp.InteractiveAsync(page);
        await page.GetByLabel("搜索姓名、单位、电话或邮箱").FillAsync("浏览器导入007");
        await Expect(page.Locator("[data-testid=customers-table] tbody tr", new() { HasText = "浏览器导入007" })).ToHaveCountAsync(1);
        await page.ClickAsync("[data-testid=columns-customers] button");   // the groups are behind the column chooser
        await page.ClickAsync("[data-testid=column-groups]");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("[data-testid=customers-table] tbody tr", new() { HasText = "浏览器导入007" })).ToContainTextAsync("展厅来访");
        await page.Locator("[data-testid=customers-table] tbody tr", new() { HasText = "浏览器导入007" }).GetByText("浏览器导入007").ClickAsync();
        await Expect(page.Locator("[data-testid=customer-groups]")).ToContainTextAsync("展厅来访");
        await BrowserApp.ScreenshotAsync(page, "46-imported-customer-zh");
        await page.GotoAsync("/customers/groups");
        await Expect(page.Locator("[data-testid=groups-table] tr", new() { HasText = "展厅来访" })).ToContainTextAsync("400");
        await BrowserApp.ScreenshotAsync(page, "47-groups-zh");
        File.Delete(file);
    }

    [Fact]
    public async Task Sales_manager_merges_a_duplicate_choosing_the_value_to_keep_and_the_merge_is_in_the_history()
    {
        app.EnsureAvailable();
        var page = await SignIn(app, "/customers");
        foreach (var (name, mobile, source) in new[] { ("蒋合并", "13966677701", "展厅来访"), ("蒋合併", "13966677701", "老客户介绍") })
        {
            var created = await page.Context.APIRequest.PostAsync("/api/customers", new()
            {
                DataObject = new { type = "person", name, source, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true },
            });
            Assert.Equal(201, created.Status);
        }

        await page.GotoAsync("/customers/duplicates");
        await BrowserApp.InteractiveAsync(page);
        var group = page.Locator("[data-testid=duplicate-group]", new() { HasText = "蒋合并" });
        await Expect(group).ToContainTextAsync("手机相同");
        await BrowserApp.ScreenshotAsync(page, "43-duplicates-zh");
        await group.Locator("[data-testid=duplicate-merge]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/customers/merge\\?ids="));
        await BrowserApp.InteractiveAsync(page);
        await page.Locator("[data-testid=merge-pick-source]").Nth(1).ClickAsync();   // keep the second record's source
        await BrowserApp.ScreenshotAsync(page, "44-merge-zh");
        await page.ClickAsync("[data-testid=merge-confirm]");

        await Expect(page).ToHaveURLAsync(new Regex("/customers/[0-9a-f-]{36}$"));
        await Expect(page.Locator("[data-testid=customer-name]")).ToHaveTextAsync("蒋合并");
        await Expect(page.GetByText("老客户介绍")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "变更历史" }).ClickAsync();
        await Expect(page.Locator("[data-testid=history-table]")).ToContainTextAsync("蒋合併");
        await BrowserApp.ScreenshotAsync(page, "45-merged-history-zh");
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
