using System.Text.RegularExpressions;

namespace Guanxi.Browser.Tests;

/// <summary>A role sees in its menu only what it can use: every entry of every role's menu opens without a refusal.</summary>
public sealed partial class MenuTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>What a page says when it turns the caller away (仅供…查看, 无权…, 只有…可以查看/进行/管理).</summary>
    [GeneratedRegex("仅供|无权|只有[^。]{0,30}可以(查看|进行|管理)")]
    private static partial Regex Refusal();

    [Theory]
    [InlineData("admin@demo.guanxi.cn")]
    [InlineData("gm@demo.guanxi.cn")]
    [InlineData("cs.manager@demo.guanxi.cn")]
    [InlineData("duty@demo.guanxi.cn")]
    [InlineData("callback@demo.guanxi.cn")]
    [InlineData("sales.manager@demo.guanxi.cn")]
    [InlineData("sales@demo.guanxi.cn")]
    [InlineData("advisor@demo.guanxi.cn")]
    [InlineData("hr@demo.guanxi.cn")]
    public async Task Every_menu_entry_of_a_role_opens_a_page_it_may_use(string email)
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync(email, "/");
        await BrowserApp.InteractiveAsync(page);
        var entries = await page.EvalOnSelectorAllAsync<string[]>(".mud-navmenu a[href]", "links => links.filter(a => a.target !== '_blank').map(a => a.getAttribute('href'))");
        Assert.NotEmpty(entries);
        var refused = new List<string>();
        foreach (var href in entries.Distinct())
        {
            await page.GotoAsync(href!);
            await BrowserApp.InteractiveAsync(page);
            await page.WaitForTimeoutAsync(500);   // a page reads its data once interactive; a refusal shows then
            var text = await page.Locator(".mud-main-content").InnerTextAsync();
            if (Refusal().Match(text) is { Success: true } match)
                refused.Add($"{href}: …{match.Value}…");
        }
        Assert.True(refused.Count == 0, $"{email} is offered pages that turn them away:\n{string.Join('\n', refused)}");
    }
}
