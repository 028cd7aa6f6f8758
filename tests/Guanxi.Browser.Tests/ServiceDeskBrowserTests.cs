using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Guanxi.Domain.Complaints;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanxi.Browser.Tests;

/// <summary>SVC-1, SVC-4: the service desk as its people use it — a consultant's follow-up, a customer's timeline.</summary>
public sealed class ServiceDeskBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task SVC4_a_consultant_completes_a_follow_up_with_what_it_learnt()
    {
        app.EnsureAvailable();
        // A follow-up call of the consultant's, past its day (the demo's own are random).
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
            var consultant = await db.Users.SingleAsync(u => u.Email == "sales@demo.guanxi.cn");
            var theirs = await db.Set<Guanxi.Domain.Customers.Customer>().Where(c => c.OwnerId == consultant.Id).OrderBy(c => c.Id).FirstAsync();
            var today = scope.ServiceProvider.GetRequiredService<Guanxi.Domain.Common.EnterpriseClock>().Today;
            db.Add(Guanxi.Domain.Tasks.CustomerTask.Open(theirs.Id, Guanxi.Domain.Tasks.CustomerTaskKind.FollowUpCall, consultant.Id, theirs.DepartmentId, today.AddDays(-3),
                ("重要客户每 60 天回访一次：了解产品使用情况、新需求和意见", "Important customers get a follow-up call every 60 days"), scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var page = await app.SignedInPageAsync("sales@demo.guanxi.cn", "/followups");
        await page.SetViewportSizeAsync(1366, 900);
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=followups-overdue]")).Not.ToHaveTextAsync(new Regex(@"\s0$"));
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
        // Newest first: the call just recorded comes before everything older (tasks opened in the same minute may precede it).
        var items = page.Locator("[data-testid=timeline-item]");
        await Expect(items.Filter(new() { HasText = "电话询问新车首保预约" })).ToBeVisibleAsync();
        var texts = await items.AllInnerTextsAsync();
        var at = texts.ToList().FindIndex(t => t.Contains("电话询问新车首保预约", StringComparison.Ordinal));
        var stamp = Regex.Match(texts[at], @"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}").Value;
        Assert.NotEmpty(stamp);
        Assert.All(texts.Take(at), t => Assert.Contains(stamp, t, StringComparison.Ordinal));   // before it only what happened in the same minute
        await BrowserApp.ScreenshotAsync(page, "92-customer-timeline-zh");
    }

    [Fact]
    public async Task SVC2_an_advisor_records_a_complaint_from_a_phone_call_and_the_customer_service_manager_sees_it_escalate()
    {
        app.EnsureAvailable();
        using var api = await app.ApiAsync("advisor@demo.guanxi.cn");
        var me = (await api.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString();
        var customer = (await api.GetFromJsonAsync<JsonElement>($"/api/customers?ownerId={me}&pageSize=1")).GetProperty("items")[0].GetProperty("name").GetString()!;
        var summary = $"来电投诉：保养后空调不制冷 {Random.Shared.Next(1000, 9999)}";

        var page = await app.SignedInPageAsync("advisor@demo.guanxi.cn", "/complaints/new");
        await page.SetViewportSizeAsync(1366, 900);
        await BrowserApp.InteractiveAsync(page);
        await page.Locator("[data-testid=complaint-form-customer]").FillAsync(customer);
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = customer }).First.ClickAsync();
        async Task Choose(string select, string option)
        {
            await page.ClickAsync($"[data-testid={select}]");
            await page.GetByRole(AriaRole.Option, new() { Name = option }).First.ClickAsync();
        }
        await Choose("complaint-form-channel", "电话");
        await Choose("complaint-form-category", "维修质量");
        await Choose("complaint-form-severity", "严重");
        await Choose("complaint-form-touchpoint", "售后");
        await page.Locator("[data-testid=complaint-form-summary]").FillAsync(summary);
        await page.Locator("[data-testid=complaint-form-details]").FillAsync("客户来电：上周保养后空调出风不凉，要求尽快复查。");
        await page.Locator("h5").First.ClickAsync();   // the fields settle their labels once left
        await page.WaitForTimeoutAsync(300);
        await BrowserApp.ScreenshotAsync(page, "93-complaint-new-zh");
        await page.ClickAsync("[data-testid=complaint-form-save]");
        await page.WaitForURLAsync(new Regex(@"/complaints/[0-9a-f-]{36}$"));
        var id = Guid.Parse(page.Url[^36..]);
        await Expect(page.Locator("[data-testid=complaint-times]")).ToContainTextAsync("2");   // the response and resolution due times, dated
        await BrowserApp.ScreenshotAsync(page, "94-complaint-received-zh");

        // Late: received a month ago, as if nobody had touched it since; the times job then warns and escalates level by level.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
            var back = TimeSpan.FromDays(30);
            var c0 = await db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Id == id);
            await db.Set<Complaint>().Where(c => c.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.ReceivedAt, c0.ReceivedAt - back)
                .SetProperty(c => c.ResponseDueAt, c0.ResponseDueAt - back)
                .SetProperty(c => c.ResolutionDueAt, c0.ResolutionDueAt - back)
                .SetProperty(c => c.ClockSince, c0.ClockSince - back)
                .SetProperty(c => c.NextAlertAt, c0.NextAlertAt - back));
            var received = await db.Set<ComplaintStep>().AsNoTracking().SingleAsync(s => s.ComplaintId == id && s.Kind == ComplaintStepKind.Received);
            await db.Set<ComplaintStep>().Where(s => s.Id == received.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.At, received.At - back));
        }
        for (var run = 0; run < 8; run++)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<CheckComplaintTimes>().Handle();
        }

        var manager = await app.SignedInPageAsync("cs.manager@demo.guanxi.cn", $"/complaints/{id}");
        await manager.SetViewportSizeAsync(1366, 900);
        await BrowserApp.InteractiveAsync(manager);
        var steps = manager.Locator("[data-testid=complaint-steps]");
        await Expect(steps.Locator("[data-kind=Warned]").First).ToBeVisibleAsync();
        await Expect(steps).ToContainTextAsync("时限即将到期");
        foreach (var level in new[] { 1, 2, 3, 4 })
            await Expect(steps).ToContainTextAsync($"升级至第 {level} 级");
        await Expect(manager.Locator("[data-testid=complaint-level]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(manager, "95-complaint-escalated-zh");

        await manager.GotoAsync($"{app.BaseAddress}/complaints");
        await BrowserApp.InteractiveAsync(manager);
        await manager.GetByText("只看超时", new() { Exact = true }).ClickAsync();
        await Expect(manager.Locator("input[type=checkbox]").First).ToBeCheckedAsync();
        await Expect(manager.Locator("[data-testid=complaints-table]")).ToContainTextAsync(summary);
        await BrowserApp.ScreenshotAsync(manager, "96-complaints-overdue-zh");

        // The 工作台 counts it among the open, late and escalated complaints.
        await manager.GotoAsync($"{app.BaseAddress}/");
        await BrowserApp.InteractiveAsync(manager);
        await Expect(manager.Locator("[data-testid=tile-team-complaints]")).Not.ToContainTextAsync("超时 0");
        await Expect(manager.Locator("[data-testid=tile-team-followups]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(manager, "97-workbench-service-desk-zh");
    }

    [Fact]
    public async Task SVC9_SVC3_the_customer_service_manager_reads_the_service_report_and_last_months_spike_with_its_plan()
    {
        app.EnsureAvailable();
        var page = await app.SignedInPageAsync("cs.manager@demo.guanxi.cn", "/reports/service");
        await page.SetViewportSizeAsync(1366, 900);
        await BrowserApp.InteractiveAsync(page);
        var complaints = page.Locator("[data-testid=service-complaints]");
        await Expect(complaints).ToContainTextAsync(new Regex(@"\d"));
        await Expect(page.Locator("[data-testid=service-response]")).ToContainTextAsync("%");
        await Expect(page.Locator("[data-testid=service-categories]")).ToContainTextAsync("维修质量");
        await Expect(page.Locator("[data-testid=service-touchpoints]")).ToContainTextAsync("售后");
        await Expect(page.Locator("[data-testid=service-export]")).ToBeVisibleAsync();
        Assert.DoesNotMatch(new Regex("repairQuality|waitingTime|afterSale|Phone"), await page.Locator(".mud-main-content").InnerTextAsync());
        await BrowserApp.ScreenshotAsync(page, "98-service-report-zh");

        await page.GotoAsync("/alerts/complaints");
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator(".mud-main-content")).ToContainTextAsync("维修质量");
        await page.Locator(".mud-main-content a[href^='/alerts/complaints/']").First.ClickAsync();
        await BrowserApp.InteractiveAsync(page);
        await Expect(page.Locator("[data-testid=crisis-figures]")).ToContainTextAsync("维修质量");
        await Expect(page.Locator("[data-testid=crisis-plan]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=crisis-communications]")).ToContainTextAsync("12 位投诉客户");
        await BrowserApp.ScreenshotAsync(page, "99-crisis-warning-zh");
    }
}
