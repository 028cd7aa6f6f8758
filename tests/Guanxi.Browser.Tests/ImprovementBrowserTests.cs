using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>CAPA-1…6 in the browser: the VP turns an escalated survey problem into a measure, the department plans it, all three accept it; the printable sheet.</summary>
public sealed class ImprovementBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task Choose(IPage page, string select, string option)
    {
        await page.ClickAsync($"[data-testid={select}]");
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).First.ClickAsync();
    }

    [Fact]
    public async Task The_VP_turns_a_survey_problem_into_a_measure_the_department_plans_it_and_all_three_accept_it()
    {
        app.EnsureAvailable();
        // The VP opens the escalated survey problems of the year and takes one that has no measure yet.
        var vp = await app.SignedInPageAsync("vp@demo.guanxi.cn", "/surveys/problems");
        await BrowserApp.InteractiveAsync(vp);
        await Choose(vp, "problems-days", "最近 365 天");
        var buttons = vp.Locator("[data-testid=problem-to-measure]");
        await Expect(buttons.First).ToBeVisibleAsync();
        await vp.WaitForTimeoutAsync(1000);   // the year's list replaces the month's
        for (var (wait, last) = (0, -1); wait < 20 && await buttons.CountAsync() is var now && now != last; wait++, last = now)
            await vp.WaitForTimeoutAsync(500);
        var links = new List<string>();
        for (var i = 0; i < await buttons.CountAsync(); i++)
            links.Add((await buttons.Nth(i).GetAttributeAsync("href"))!);
        string? taken = null;
        foreach (var link in links)
        {
            await vp.GotoAsync(link);
            await BrowserApp.InteractiveAsync(vp);
            await Expect(vp.Locator("[data-testid=measure-new-source]")).ToContainTextAsync("满意度调查问题");
            if (!await vp.Locator("[data-testid=measure-exists]").IsVisibleAsync())
            {
                taken = link;
                break;
            }
        }
        Assert.True(taken is not null, $"every one of the {links.Count} problems has a measure");
        await Expect(vp.Locator("[data-testid=measure-description]")).ToHaveValueAsync(new Regex("总体满意度"));   // the problem's words to start from
        await vp.ClickAsync("[data-testid=measure-submit]");
        await Expect(vp.GetByText("请填写措施标题。")).ToBeVisibleAsync();
        await vp.Locator("[data-testid=measure-title]").FillAsync("回访总体满意度很低，需查明原因");
        await BrowserApp.ScreenshotAsync(vp, "90-measure-new-zh");
        await vp.ClickAsync("[data-testid=measure-submit]");
        await Expect(vp).ToHaveURLAsync(new Regex(@"/measures/[0-9a-f-]{36}$"));
        var url = vp.Url;
        await BrowserApp.InteractiveAsync(vp);
        await Expect(vp.Locator("[data-testid=measure-status]")).ToHaveTextAsync("已上报");

        // The VP's opinion names the sales department.
        await vp.Locator("[data-testid=opinion-text]").FillAsync("销售部一周内查明原因并制定整改方案。");
        await Choose(vp, "opinion-department", "销售部");
        await vp.ClickAsync("[data-testid=opinion-save]");
        await Expect(vp.Locator("[data-testid=measure-status]")).ToHaveTextAsync("待签收");

        // The sales manager signs, analyses, plans and does the action.
        var manager = await app.SignedInPageAsync("sales.manager@demo.guanxi.cn", new Uri(url).AbsolutePath);
        await BrowserApp.InteractiveAsync(manager);
        await manager.ClickAsync("[data-testid=measure-sign]");
        await Expect(manager.Locator("[data-testid=measure-status]")).ToHaveTextAsync("待定方案");
        await manager.Locator("[data-testid=why-0]").FillAsync("看车后没有专人跟进");
        await manager.Locator("[data-testid=why-1]").FillAsync("顾问的客户太多，没有跟进提醒");
        await Choose(manager, "cause-category", "法");
        await manager.Locator("[data-testid=suggestion]").FillAsync("看车后 24 小时内回访，系统提醒");
        await manager.ClickAsync("[data-testid=analysis-save]");
        await Expect(manager.Locator("[data-testid=measure-causes]")).ToContainTextAsync("看车后没有专人跟进");
        var due = TimeProvider.System.GetLocalNow().AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await manager.Locator("[data-testid=plan-title-0]").FillAsync("建立看车客户 24 小时回访制度");
        await manager.ClickAsync("[data-testid=plan-owner-0]");
        await manager.GetByRole(AriaRole.Option).First.ClickAsync();
        await manager.Locator("[data-testid=plan-due-0]").FillAsync(due);
        await manager.Locator("[data-testid=plan-due]").FillAsync(due);
        await manager.Locator("[data-testid=plan-due]").PressAsync("Tab");
        await BrowserApp.ScreenshotAsync(manager, "91-measure-plan-zh");
        await manager.ClickAsync("[data-testid=plan-save]");
        await Expect(manager.Locator("[data-testid=measure-status]")).ToHaveTextAsync("已定方案");
        await Expect(manager.Locator("[data-testid=measure-actions]")).ToContainTextAsync("建立看车客户 24 小时回访制度");
        await manager.ClickAsync("[data-testid=action-done]");
        await manager.Locator("[data-testid=action-note]").FillAsync("制度已发布");
        await manager.ClickAsync("[data-testid=action-confirm]");
        await Expect(manager.Locator("[data-testid=measure-status]")).ToHaveTextAsync("待验收");
        await manager.ClickAsync("[data-testid=acceptance-save]");
        await Expect(manager.Locator("[data-testid=acceptance-verdict]")).ToHaveCountAsync(1);

        // Customer service refuses without a reason: nothing is signed; then accepts. The VP accepts last: closed.
        var cs = await app.SignedInPageAsync("cs.manager@demo.guanxi.cn", new Uri(url).AbsolutePath);
        await BrowserApp.InteractiveAsync(cs);
        await cs.Locator("[data-testid=acceptance-choice]").GetByText("不予验收", new() { Exact = true }).ClickAsync();
        await cs.ClickAsync("[data-testid=acceptance-save]");
        await Expect(cs.GetByText("不予验收时请说明原因。")).ToBeVisibleAsync();
        await cs.Locator("[data-testid=acceptance-choice]").GetByText("验收通过", new() { Exact = true }).ClickAsync();
        await cs.Locator("[data-testid=acceptance-note]").FillAsync("抽查回访 5 位客户均已跟进");
        await cs.ClickAsync("[data-testid=acceptance-save]");
        await Expect(cs.Locator("[data-testid=acceptance-verdict]")).ToHaveCountAsync(2);
        await vp.ReloadAsync();
        await BrowserApp.InteractiveAsync(vp);
        await vp.ClickAsync("[data-testid=acceptance-save]");
        await Expect(vp.Locator("[data-testid=measure-status]")).ToHaveTextAsync("已验收关闭");
        await BrowserApp.ScreenshotAsync(vp, "92-measure-closed-zh");

        // The register counts it closed; the sheet prints.
        await vp.GotoAsync("/measures");
        await BrowserApp.InteractiveAsync(vp);
        await Expect(vp.Locator("[data-testid=measures-table]")).ToContainTextAsync("回访总体满意度很低，需查明原因");
        await BrowserApp.ScreenshotAsync(vp, "93-measures-register-zh");
        await vp.GotoAsync(new Uri(url).AbsolutePath + "/print");
        await Expect(vp.Locator("[data-testid=measure-sheet]")).ToContainTextAsync("部门改进措施跟踪单");
        await Expect(vp.Locator("[data-testid=measure-sheet]")).ToContainTextAsync("建立看车客户 24 小时回访制度");
        await vp.EmulateMediaAsync(new() { Media = Media.Print });
        await BrowserApp.ScreenshotAsync(vp, "94-measure-sheet-print-zh");
    }
}
