using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>A sales manager enters a customer in Chinese and finds it again by two characters; a colleague sees it masked and reveals it with a reason.</summary>
public sealed class CustomerBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Sales_manager_creates_a_customer_in_Chinese_finds_it_by_two_characters_and_a_colleague_sees_it_masked()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("sales.manager@demo.guanxi.cn", "/customers/new");
        await BrowserApp.InteractiveAsync(page);

        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("欧阳晓明");
        await page.GetByLabel("电话", new() { Exact = true }).FillAsync("139 1234 5678");
        await page.GetByLabel("背景心理资料").FillAsync("老客户介绍，关注安全配置");
        await page.GetByLabel("短信营销").CheckAsync();   // SEC-1: the customer's word goes into the consent ledger
        await BrowserApp.ScreenshotAsync(page, "30-customer-new-zh");
        await page.ClickAsync("[data-testid=customer-form-save]");

        await Expect(page.Locator("[data-testid=customer-name]")).ToHaveTextAsync("欧阳晓明");
        await Expect(page.Locator("[data-testid=customer-phone]")).ToHaveTextAsync("139 1234 5678");
        await BrowserApp.ScreenshotAsync(page, "31-customer-page-zh");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "同意与消息" }).ClickAsync();
        await Expect(page.Locator("[data-testid=consent-row-sms-marketing]")).ToContainTextAsync("已同意");
        await BrowserApp.ScreenshotAsync(page, "31a-customer-consents-zh");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "变更历史" }).ClickAsync();
        await Expect(page.Locator("[data-testid=history-table]")).ToContainTextAsync("欧阳晓明");
        // Issue 22: fields and values by their Chinese names, no code.
        await Expect(page.Locator("[data-testid=history-table]")).ToContainTextAsync("客户级别");
        await Expect(page.Locator("[data-testid=history-table]")).ToContainTextAsync("普通客户");
        await Expect(page.Locator("[data-testid=history-table]")).Not.ToContainTextAsync("Ordinary");
        await Expect(page.Locator("[data-testid=history-table]")).Not.ToContainTextAsync("Tier");
        await BrowserApp.ScreenshotAsync(page, "31b-customer-history-zh");

        await page.GotoAsync("/customers");
        await BrowserApp.InteractiveAsync(page);
        await page.GetByLabel("搜索姓名、单位、电话或邮箱").FillAsync("晓明");
        await Expect(page.Locator("[data-testid=customers-table] tbody tr", new() { HasText = "欧阳晓明" })).ToHaveCountAsync(1);
        // The page lists exactly what the API finds for 晓明 (the demo may hold other 晓明s).
        var api = await page.Context.APIRequest.GetAsync("/api/customers?q=%E6%99%93%E6%98%8E&pageSize=25");
        var expected = (await api.JsonAsync())!.Value.GetProperty("items").GetArrayLength();
        await Expect(page.Locator("[data-testid=customers-table] tbody tr")).ToHaveCountAsync(expected);
        await BrowserApp.ScreenshotAsync(page, "32-customers-search-zh");

        var colleague = await app.SignedInPageAsync("sales@demo.guanxi.cn", "/customers");
        var row = colleague.Locator("[data-testid=customers-table] tr", new() { HasText = "欧阳晓明" });
        await Expect(row).ToContainTextAsync("139 **** 5678");
        await row.GetByText("欧阳晓明").ClickAsync();
        await Expect(colleague).ToHaveURLAsync(new Regex("/customers/[0-9a-f-]{36}$"));
        await Expect(colleague.GetByText("个人信息已隐藏")).ToBeVisibleAsync();
        await Expect(colleague.Locator("[data-testid=customer-phone]")).ToHaveTextAsync("139 **** 5678");
        await BrowserApp.ScreenshotAsync(colleague, "33-customer-masked-zh");

        await BrowserApp.InteractiveAsync(colleague);
        await colleague.ClickAsync("[data-testid=reveal]");
        await colleague.GetByLabel("查看原因").FillAsync("代同事回访");
        await colleague.ClickAsync("[data-testid=reveal-confirm]");
        await Expect(colleague.Locator("[data-testid=customer-phone]")).ToHaveTextAsync("139 1234 5678");
        await BrowserApp.ScreenshotAsync(colleague, "34-customer-revealed-zh");
    }

    [Fact]
    public async Task ARC_9_a_likely_duplicate_in_another_department_is_shown_without_its_name_and_can_be_saved_anyway()
    {
        app.EnsureAvailable();
        var mine = await app.SignedInPageAsync("sales.manager@demo.guanxi.cn", "/customers/new");
        await BrowserApp.InteractiveAsync(mine);
        await mine.GetByLabel("名称", new() { Exact = true }).FillAsync("司徒本部");
        await mine.GetByLabel("电话", new() { Exact = true }).FillAsync("139 8765 4321");
        await mine.ClickAsync("[data-testid=customer-form-save]");
        await Expect(mine.Locator("[data-testid=customer-name]")).ToHaveTextAsync("司徒本部");

        var branch = await app.SignedInPageAsync("sales2@demo.guanxi.cn", "/customers/new");
        await BrowserApp.InteractiveAsync(branch);
        await branch.GetByLabel("名称", new() { Exact = true }).FillAsync("司徒分部");
        await branch.GetByLabel("电话", new() { Exact = true }).FillAsync("139 8765 4321");
        await branch.ClickAsync("[data-testid=customer-form-save]");
        var alert = branch.Locator("[data-testid=customer-form-duplicates]");
        await Expect(alert).ToContainTextAsync("另一部门的客户（您无权查看）");
        await Expect(alert).Not.ToContainTextAsync("司徒本部");
        await BrowserApp.ScreenshotAsync(branch, "37-duplicate-elsewhere-zh");
        await branch.ClickAsync("[data-testid=customer-form-save-anyway]");
        await Expect(branch.Locator("[data-testid=customer-name]")).ToHaveTextAsync("司徒分部");
    }

    [Fact]
    public async Task Sales_manager_records_an_organisations_contact_and_an_edit_keeps_it()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("sales.manager@demo.guanxi.cn", "/customers/new");
        await BrowserApp.InteractiveAsync(page);

        await page.ClickAsync("[data-testid=customer-form-type]");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Option, new() { Name = "单位" }).ClickAsync();
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("常州龙城出租汽车");
        await page.ClickAsync("[data-testid=customer-form-add-contact]");
        await page.Locator("[data-testid=customer-form-contact-phone-0]").FillAsync("12345");
        await page.ClickAsync("[data-testid=customer-form-save]");
        await Expect(page.GetByText("请填写联系人姓名")).ToBeVisibleAsync();   // the line's own reasons, nothing saved
        await Expect(page.GetByText("“12345”不是有效的电话号码。")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/customers/new$"));

        await page.Locator("[data-testid=customer-form-contact-name-0]").FillAsync("顾建国");
        await page.GetByLabel("职务").FillAsync("车队队长");
        await page.Locator("[data-testid=customer-form-contact-phone-0]").FillAsync("138 6112 3456");
        await BrowserApp.ScreenshotAsync(page, "35-customer-contacts-zh");
        await page.ClickAsync("[data-testid=customer-form-save]");
        await Expect(page.Locator("[data-testid=customer-contacts]")).ToContainTextAsync("顾建国");
        await Expect(page.Locator("[data-testid=customer-contacts]")).ToContainTextAsync("138 6112 3456");

        await page.GotoAsync(page.Url + "/edit");
        await BrowserApp.InteractiveAsync(page);
        await page.GetByLabel("行业").FillAsync("交通运输");
        await page.ClickAsync("[data-testid=customer-form-save]");
        await Expect(page.Locator("[data-testid=customer-contacts]")).ToContainTextAsync("车队队长");
        await BrowserApp.ScreenshotAsync(page, "36-customer-contacts-kept-zh");
    }
}
