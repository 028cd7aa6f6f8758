using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>SVC-5, SEC-1 in the browser: the customer-service manager prepares the Mid-Autumn greeting for VIP and important customers, sees who will receive it and who is suppressed, sends it and watches it delivered.</summary>
public sealed class CareBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task Choose(IPage page, string select, string option)
    {
        await page.ClickAsync($"[data-testid={select}]");
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).First.ClickAsync();
    }

    [Fact]
    public async Task The_customer_service_manager_sends_the_Mid_Autumn_greeting_to_VIP_and_important_customers_and_watches_it_delivered()
    {
        app.EnsureAvailable();
        // Sending hours that include any hour the test runs at (the default 08:00–21:00 would hold the messages overnight).
        using (var api = await app.ApiAsync("cs.manager@demo.guanxi.cn"))
        {
            var settings = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/settings/messaging");
            var policy = settings.GetProperty("policy");
            var saved = await api.PutAsJsonAsync("/api/settings/messaging", new
            {
                smsSignature = policy.GetProperty("smsSignature").GetString(), optOutText = policy.GetProperty("optOutText").GetString(),
                quietFrom = "00:00:00", quietUntil = "23:59:59.9999999", dailyCap = 5,
            });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        var page = await app.SignedInPageAsync("cs.manager@demo.guanxi.cn", "/messages/bulk");
        await BrowserApp.InteractiveAsync(page);
        await Choose(page, "bulk-template", "中秋问候");
        await Choose(page, "bulk-occasion", "中秋节");
        await Expect(page.Locator("[data-testid=bulk-template-text]")).ToContainTextAsync("快乐");
        await page.ClickAsync("[data-testid=bulk-tier-vip]");
        await page.ClickAsync("[data-testid=bulk-tier-important]");
        await page.ClickAsync("[data-testid=bulk-count]");
        var recipients = page.Locator("[data-testid=bulk-recipients]");
        await Expect(recipients).ToHaveTextAsync(new Regex(@"^[1-9][\d,]*$"));
        await Expect(page.Locator("[data-testid=bulk-suppressed-noConsent]")).ToHaveTextAsync(new Regex(@"^[1-9][\d,]*$"));   // silence is refusal
        await BrowserApp.ScreenshotAsync(page, "95-care-bulk-counted-zh");

        await page.ClickAsync("[data-testid=bulk-send]");
        await page.ClickAsync("[data-testid=bulk-confirm]");
        await Expect(page).ToHaveURLAsync(new Regex(@"/messages/bulk/[0-9a-f-]{36}$"), new() { Timeout = 30_000 });
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=bulk-result-planned]")).ToHaveTextAsync(await recipients.CountAsync() > 0 ? new Regex(@"[1-9]") : new Regex("."));
        // The sender hands them to the provider's stand-in; its receipts come back and the page follows them.
        await Expect(page.Locator("[data-testid=bulk-result-delivered]")).ToHaveTextAsync(new Regex(@"^[1-9][\d,]*$"), new() { Timeout = 90_000 });
        await BrowserApp.ScreenshotAsync(page, "96-care-bulk-delivered-zh");
        await Expect(page.Locator("[data-testid=bulk-result-messages]")).ToContainTextAsync("中秋节快乐");
    }
}
