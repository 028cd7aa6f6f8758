using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Guanxi.Web.Features.ServiceDesk;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.ServiceDesk;

/// <summary>
/// SVC-3's detector settings through <c>/api/settings/complaint-spikes</c> on both databases: the defaults read by any member
/// of staff; each bad value refused on its field with its range, in Chinese and English, nothing saved; a good value saved
/// by the customer-service manager, in the history, and counted with by the detector's next run (a fake clock in 2033);
/// others refused.
/// </summary>
public abstract class SpikeSettingsApiTests(GuanxiApp app)
{
    private const string Url = "/api/settings/complaint-spikes";
    private const string Category = "waitingTime";   // a category no other detector test uses

    private static async Task<JsonElement> Read(HttpClient client)
    {
        var response = await client.GetAsync(Url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (int, double, int, int) Values(JsonElement view) =>
        (view.GetProperty("baselineWeeks").GetInt32(), view.GetProperty("alpha").GetDouble(), view.GetProperty("minDayCount").GetInt32(), view.GetProperty("minWeekCount").GetInt32());

    private static object Body(int baselineWeeks = 8, object? alpha = null, int minDayCount = 5, int minWeekCount = 10) =>
        new { baselineWeeks, alpha = alpha ?? 0.001, minDayCount, minWeekCount };

    /// <summary>Nothing saved: the defaults (another test of the collection may have left a value).</summary>
    private async Task Forget()
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
            await db.Set<Setting>().Where(s => s.Key == SpikePolicy.SettingsKey).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task SVC3_the_detector_settings_are_read_refused_per_field_saved_in_the_history_and_counted_with()
    {
        app.EnsureAvailable();
        await Forget();
        try
        {
            var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
            var defaults = await Read(cs);
            Assert.Equal((8, 0.001, 5, 10), Values(defaults));
            Assert.True(defaults.GetProperty("canEdit").GetBoolean());

            // Each bad value on its own field, with its range; nothing saved.
            var bad = new (object Body, string Field, string Chinese, string English)[]
            {
                (Body(baselineWeeks: 3), "baselineWeeks", "4 到 26", "4 to 26"),
                (Body(baselineWeeks: 27), "baselineWeeks", "4 到 26", "4 to 26"),
                (Body(alpha: 0), "alpha", "大于 0 且不超过 0.05", "above 0 and at most 0.05"),
                (Body(alpha: 0.2), "alpha", "大于 0 且不超过 0.05", "above 0 and at most 0.05"),
                (Body(minDayCount: 0), "minDayCount", "1 到 10000", "1 to 10,000"),
                (Body(minWeekCount: 10_001), "minWeekCount", "1 到 10000", "1 to 10,000"),
            };
            foreach (var (body, field, chinese, english) in bad)
            {
                var refused = await cs.PutAsJsonAsync(Url, body);
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
                Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
                Assert.Contains(chinese, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);

                using var inEnglish = new HttpRequestMessage(HttpMethod.Put, Url) { Content = JsonContent.Create(body) };
                inEnglish.Headers.AcceptLanguage.ParseAdd("en-US");
                var englishErrors = (await (await cs.SendAsync(inEnglish)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
                Assert.Contains(english, englishErrors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
            }
            var notANumber = await cs.PutAsJsonAsync(Url, Body(alpha: "千分之一"));
            Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
            Assert.Contains("alpha", (await notANumber.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
            Assert.Equal((8, 0.001, 5, 10), Values(await Read(cs)));

            // Others read them and may not change them.
            var sales = await app.SignedInAs("sales@demo.guanxi.cn");
            var salesView = await Read(sales);
            Assert.False(salesView.GetProperty("canEdit").GetBoolean());
            foreach (var outsider in new[] { sales, await app.SignedInAs("vp@demo.guanxi.cn"), await app.SignedInAs("duty@demo.guanxi.cn") })
                Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PutAsJsonAsync(Url, Body(minWeekCount: 99))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(Url)).StatusCode);
            Assert.Equal((8, 0.001, 5, 10), Values(await Read(cs)));

            // The customer-service manager raises the week's minimum: saved, read back, in the history.
            var saved = await cs.PutAsJsonAsync(Url, Body(baselineWeeks: 8, alpha: 0.001, minDayCount: 5, minWeekCount: 15));
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            Assert.Equal((8, 0.001, 5, 15), Values(await saved.Content.ReadFromJsonAsync<JsonElement>()));
            Assert.Equal((8, 0.001, 5, 15), Values(await Read(sales)));
            var admin = await app.SignedInAs("admin@demo.guanxi.cn");
            var history = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entity=Setting&key={SpikePolicy.SettingsKey}&pageSize=5")).GetProperty("items")[0];
            string managerId;
            var db = app.NewDbContext(out var scope);
            using (scope)
                managerId = (await db.Users.SingleAsync(u => u.Email == "cs.manager@demo.guanxi.cn")).Id;
            Assert.Equal((managerId, "危机预警检测设置", "设置内容"), (history.GetProperty("userId").GetString(), history.GetProperty("recordName").GetString(), history.GetProperty("fieldName").GetString()));
            Assert.Contains("\"minWeekCount\":15", history.GetProperty("newValue").GetString(), StringComparison.Ordinal);

            // The detector counts with them: 12 complaints in a week that usually has 3 stay below a minimum of 15, and
            // raise a warning once the administrator puts the minimum back to 10.
            var (now, end) = await Spike();
            Assert.Empty(await RunAndRaised(now, end));
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(Url, Body())).StatusCode);
            var raised = Assert.Single(await RunAndRaised(now, end));
            Assert.Equal((SpikeWindow.Week, 12, 3.0), (raised.Window, raised.Observed, raised.Usual));
        }
        finally
        {
            await Forget();
        }
    }

    /// <summary>
    /// In a week of 2033 no other test counts: the category had 3 complaints in each of the 8 weeks before, and 12 in the
    /// last 7 days (none in the last 24 hours). Warnings left open for the category (the demo's) are closed first.
    /// </summary>
    private async Task<(DateTimeOffset Now, DateTimeOffset End)> Spike()
    {
        var now = new DateTimeOffset(2033, 3, 15, 10, 30, 0, TimeSpan.FromHours(8));
        var end = SpikeWindows.End(now);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var department = (await db.Users.SingleAsync(u => u.Email == "service.manager@demo.guanxi.cn")).DepartmentId;
            var customers = await db.Set<Customer>().OrderBy(c => c.Id).Select(c => c.Id).Take(20).ToListAsync();
            await db.Set<CrisisWarning>().Where(w => w.Status == CrisisStatus.Open && w.SeriesKey == Category)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, CrisisStatus.Closed));
            var n = 0;
            Complaint At(DateTimeOffset at) => ComplaintRows.Received(customers[n++ % customers.Count], department, Category, at);
            for (var week = 1; week <= 8; week++)
            {
                foreach (var days in new[] { 2, 3, 4 })
                    db.Add(At(end.AddDays(-7 * week - days).AddHours(-5)));
            }
            for (var i = 0; i < 12; i++)
                db.Add(At(end.AddDays(-1.5 - i * 0.4)));
            await db.SaveChangesAsync();
        }
        return (now, end);
    }

    /// <summary>Runs the detector at <paramref name="now"/>; the category's warnings for the window ending at <paramref name="end"/>.</summary>
    private async Task<List<CrisisWarning>> RunAndRaised(DateTimeOffset now, DateTimeOffset end)
    {
        var clock = new FakeTimeProvider(now.ToUniversalTime());
        await using (var run = app.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<RaiseCrisisWarnings>(run.ServiceProvider, (TimeProvider)clock, new EnterpriseClock(clock, Shanghai)).Handle();
        var db = app.NewDbContext(out var scope);
        using (scope)
            return await db.Set<CrisisWarning>().AsNoTracking().Where(w => w.WindowEnd == end && w.SeriesKey == Category).ToListAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SpikeSettingsApiTests_Sqlite(SqliteApp app) : SpikeSettingsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SpikeSettingsApiTests_Postgres(PostgresApp app) : SpikeSettingsApiTests(app);
