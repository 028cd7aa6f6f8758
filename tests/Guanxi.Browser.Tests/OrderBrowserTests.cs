using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>A sales consultant enters a delivered car as an order from the customer's page, is told what is missing, and finds it on the orders tab and list.</summary>
public sealed class OrderBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Sales_consultant_enters_an_order_from_the_customers_page_and_finds_it_on_the_orders_tab()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("sales@demo.guanxi.cn", "/customers");
        await BrowserApp.InteractiveAsync(page);
        var first = page.Locator("[data-testid=customers-table] tbody tr td a").First;
        var customer = await first.InnerTextAsync();
        await first.ClickAsync();
        await Expect(page.Locator("[data-testid=customer-name]")).ToHaveTextAsync(customer);
        await BrowserApp.InteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "订单" }).ClickAsync();
        await page.ClickAsync("[data-testid=customer-order-create]");
        await Expect(page).ToHaveURLAsync(new Regex("/orders/new\\?customerId="));
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=order-form-customer]")).ToHaveValueAsync(customer);

        var number = $"XS-T{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        await page.Locator("[data-testid=order-form-number]").FillAsync(number);
        await page.Locator("[data-testid=order-form-price-0]").FillAsync("139800");
        await page.ClickAsync("[data-testid=order-form-save]");
        await Expect(page.GetByText("请填写品名（不超过 200 个字）。")).ToBeVisibleAsync();   // a price without an item name
        await BrowserApp.ScreenshotAsync(page, "40-order-new-error-zh");
        await page.Locator("[data-testid=order-form-item-0]").FillAsync("哈弗 H6 2026 款");
        await page.GetByLabel("车型").FillAsync("哈弗 H6");
        await page.GetByLabel("车牌").FillAsync("苏D12345");
        await page.ClickAsync("[data-testid=order-form-save]");

        await Expect(page.Locator("[data-testid=order-number]")).ToHaveTextAsync($"销售 {number}");
        await Expect(page.Locator("[data-testid=order-amount]")).ToHaveTextAsync("¥139,800.00");
        await BrowserApp.ScreenshotAsync(page, "41-order-page-zh");

        await page.GetByRole(AriaRole.Link, new() { Name = customer }).First.ClickAsync();
        await BrowserApp.InteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "订单" }).ClickAsync();
        await Expect(page.Locator("[data-testid=orders-table] tr", new() { HasText = number })).ToContainTextAsync("¥139,800.00");
        await BrowserApp.ScreenshotAsync(page, "42-customer-orders-zh");

        await page.GotoAsync("/orders");
        await BrowserApp.InteractiveAsync(page);
        await page.GetByLabel("订单号、车牌或 VIN").FillAsync(number);
        await Expect(page.Locator("[data-testid=orders-table] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=orders-total]")).ToHaveTextAsync("共 1 个订单");
        await BrowserApp.ScreenshotAsync(page, "43-orders-list-zh");
    }
}
