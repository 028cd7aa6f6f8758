using System.Text.RegularExpressions;

namespace Guanxi.Browser.Tests;

/// <summary>MGT-1, MGT-4: every role's 工作台 shows its own tiles with figures from the demo, and every tile opens a page the role may use.</summary>
public sealed partial class WorkbenchBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [GeneratedRegex("仅供|无权|只有[^。]{0,30}可以(查看|进行|管理)|找不到")]
    private static partial Regex Refusal();

    [Theory]
    [InlineData("admin@demo.guanxi.cn", "tile-staff")]
    [InlineData("gm@demo.guanxi.cn", "tile-value")]
    [InlineData("cs.manager@demo.guanxi.cn", "tile-team-calls")]
    [InlineData("duty@demo.guanxi.cn", "tile-team-overdue")]
    [InlineData("callback@demo.guanxi.cn", "tile-calls-today")]
    [InlineData("sales.manager@demo.guanxi.cn", "tile-team-tasks")]
    [InlineData("sales@demo.guanxi.cn", "tile-my-tasks")]
    [InlineData("advisor@demo.guanxi.cn", "tile-not-followed")]
    [InlineData("hr@demo.guanxi.cn", "workbench-other")]
    public async Task Each_role_sees_its_day_and_every_tile_opens_its_page(string email, string tile)
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync(email, "/");
        await page.SetViewportSizeAsync(1366, 900);
        await BrowserApp.InteractiveAsync(page);
        await page.Locator($"[data-testid={tile}]").WaitForAsync();
        await BrowserApp.ScreenshotAsync(page, $"workbench-{email.Split('@')[0]}");
        var links = await page.EvalOnSelectorAllAsync<string[]>("a.gx-tile-link, a.gx-bar-row", "links => links.map(a => a.getAttribute('href'))");
        Assert.True(tile == "workbench-other" || links.Length >= 4, $"{email} sees {links.Length} tiles");
        var refused = new List<string>();
        foreach (var href in links.Distinct())
        {
            await page.GotoAsync(href!);
            await BrowserApp.InteractiveAsync(page);
            await page.WaitForTimeoutAsync(400);
            var text = await page.Locator(".mud-main-content").InnerTextAsync();
            if (Refusal().Match(text) is { Success: true } match)
                refused.Add($"{href}: …{match.Value}…");
        }
        Assert.True(refused.Count == 0, $"{email}'s tiles open pages that turn them away:\n{string.Join('\n', refused)}");
    }

    [Fact]
    public async Task The_general_manager_sees_the_whole_base_in_figures_and_charts()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("gm@demo.guanxi.cn", "/");
        await BrowserApp.InteractiveAsync(page);
        await page.Locator("[data-testid=workbench-value-chart]").WaitForAsync();
        var customers = await page.Locator("[data-testid=tile-customers] .mud-typography-h4").InnerTextAsync();
        Assert.Matches(@"^\d{1,3}(,\d{3})*$", customers);
        Assert.NotEqual("0", customers);
        Assert.Matches(@"^¥[\d.,]+(万|亿)?$", await page.Locator("[data-testid=tile-value] .mud-typography-h4").InnerTextAsync());
        Assert.Equal(3, await page.Locator("a[data-testid^=tier-]").CountAsync());
        Assert.Equal(5, await page.Locator("a[data-testid^=stage-]").CountAsync());
        await page.Locator("[data-testid=workbench-satisfaction-chart]").WaitForAsync();
    }
}
