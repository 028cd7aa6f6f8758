using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Web.Tests.Infrastructure;

namespace Guanxi.Web.Tests.Grading;

/// <summary>GRD-1..4 through the API on both databases: policy, recompute with progress, tier history, potential, sight.</summary>
public abstract class GradingApiTests(GuanxiApp app)
{
    private static readonly string Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static async Task<JsonElement> Recompute(HttpClient client)
    {
        var started = await client.PostAsync("/api/grading/recompute", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        for (var i = 0; i < 600; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
                return job;
            await Task.Delay(100);
        }
        throw new TimeoutException("The recompute did not finish in a minute.");
    }

    private static async Task<JsonElement> Settings(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/grading/settings");

    private static async Task<Guid> BigBuyer(HttpClient sales, string name, string mobile)
    {
        var me = await sales.GetFromJsonAsync<JsonElement>("/api/me");
        var created = await sales.PostAsJsonAsync("/api/customers", new { type = "organization", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var order = await sales.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = $"G-{Guid.NewGuid():N}"[..20], customerId = id, staffId = me.GetProperty("id").GetString(),
            orderedAt = Today, deliveredAt = Today, amount = 9_000_000m, cost = 8_000_000m, items = new[] { new { name = "车队 30 台", quantity = 30m, unitPrice = 300_000m } },
        });
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        return id;
    }

    private static object Policy(JsonElement settings, object weights, decimal costPerOrder = 200m) => new
    {
        policy = new
        {
            periodMonths = 12, weights, mode = "thresholds", vipScore = 80m, importantScore = 60m, vipPercent = 5m, importantPercent = 15m,
            defaultMargin = 0.15m, costPerOrder, costPerContact = 50m, costPerComplaint = 500m,
        },
        standards = settings.GetProperty("standards"),
    };

    [Fact]
    public async Task GRD_2_changing_the_policy_and_recomputing_moves_customers_between_tiers_with_each_move_and_reason_in_the_history()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await BigBuyer(sales, "远航物流", "13700002001");
        var original = await Settings(admin);
        try
        {
            var byAmount = await admin.PutAsJsonAsync("/api/grading/settings", Policy(original, new { amount = 100, orders = 0, recency = 0, profit = 0, repeatRate = 0, referrals = 0, potential = 0 }));
            Assert.Equal(HttpStatusCode.OK, byAmount.StatusCode);
            var job = await Recompute(admin);
            Assert.Equal(("succeeded", 1.0), (job.GetProperty("status").GetString(), job.GetProperty("progress").GetDouble()));
            Assert.Contains("位客户", job.GetProperty("message").GetString());
            var grade = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/grade");
            Assert.Equal(("vip", 100m), (grade.GetProperty("tier").GetString(), grade.GetProperty("score").GetDecimal()));
            Assert.Equal(100m, grade.GetProperty("history")[0].GetProperty("score").GetDecimal());   // worked out when read, the score is the one the recompute gave
            Assert.Equal((9_000_000m, 1_000_000m, 1), (grade.GetProperty("indicators").GetProperty("amount").GetDecimal(),
                grade.GetProperty("indicators").GetProperty("profit").GetDecimal(), grade.GetProperty("indicators").GetProperty("orders").GetInt32()));

            var byReferrals = await admin.PutAsJsonAsync("/api/grading/settings", Policy(original, new { amount = 0, orders = 0, recency = 0, profit = 0, repeatRate = 0, referrals = 100, potential = 0 }));
            Assert.Equal(HttpStatusCode.OK, byReferrals.StatusCode);
            Assert.Equal("succeeded", (await Recompute(admin)).GetProperty("status").GetString());
            grade = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/grade");
            Assert.Equal("ordinary", grade.GetProperty("tier").GetString());
            Assert.Equal(grade.GetProperty("history")[0].GetProperty("score").GetDecimal(), grade.GetProperty("score").GetDecimal());
            var history = grade.GetProperty("history").EnumerateArray().ToList();
            Assert.Equal([("vip", "ordinary"), ("ordinary", "vip")], history.Select(h => (h.GetProperty("from").GetString(), h.GetProperty("to").GetString())));
            Assert.Contains("低于重要客户门槛 60.0", history[0].GetProperty("reason").GetString());
            Assert.Contains("≥ VIP 门槛 80.0", history[1].GetProperty("reason").GetString());
            Assert.Contains("¥9,000,000.00", history[1].GetProperty("reason").GetString());
            var adminName = (await admin.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("displayName").GetString();
            Assert.Equal(adminName, history[1].GetProperty("by").GetString());
            Assert.Equal(history[0].GetProperty("at").GetDateTimeOffset(), grade.GetProperty("since").GetDateTimeOffset());

            // ARC-7: one of the biggest customers changed tier — its owner and the department's manager are told, each time.
            static async Task<List<string>> Alerts(HttpClient client) =>
                [.. (await client.GetFromJsonAsync<JsonElement>("/api/notifications?take=500")).GetProperty("items").EnumerateArray()
                    .Where(n => n.GetProperty("title").GetString() == "关注客户等级变化：远航物流").Select(n => n.GetProperty("body").GetString()!)];
            var alerts = await Alerts(sales);
            Assert.Contains(alerts, b => b.StartsWith("普通客户 → VIP客户：", StringComparison.Ordinal));
            Assert.Contains(alerts, b => b.StartsWith("VIP客户 → 普通客户：", StringComparison.Ordinal));
            Assert.Equal(2, (await Alerts(await app.SignedInAs("sales.manager@demo.guanxi.cn"))).Count);
            Assert.Empty(await Alerts(await app.SignedInAs("service.manager@demo.guanxi.cn")));

            var list = await sales.GetFromJsonAsync<JsonElement>("/api/customers?tier=ordinary&q=远航物流");
            Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == customer && c.GetProperty("tier").GetString() == "ordinary");
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/grading/settings", new { policy = original.GetProperty("policy"), standards = original.GetProperty("standards") })).StatusCode);
        }
    }

    [Fact]
    public async Task GRD_2_only_administrators_set_the_policy_and_a_bad_one_is_refused_field_by_field()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var original = await Settings(admin);
        var manager = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync("/api/grading/settings", new { policy = original.GetProperty("policy"), standards = original.GetProperty("standards") })).StatusCode);

        var bad = await admin.PutAsJsonAsync("/api/grading/settings", new
        {
            policy = new { periodMonths = 0, weights = new { amount = 0, orders = 0, recency = 0, profit = 0, repeatRate = 0, referrals = 0, potential = 0 }, mode = "thresholds", vipScore = 50m, importantScore = 60m, vipPercent = 5m, importantPercent = 15m, defaultMargin = 2m, costPerOrder = -1m, costPerContact = 0m, costPerComplaint = 0m },
            standards = new[] { new { tier = "vip", responseHours = 48, resolutionHours = 24, followUpDays = 0, dedicatedOwner = true, treatment = "专属" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "periodMonths", "weights", "vipScore", "defaultMargin", "costPerOrder", "standards" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        Assert.Contains("VIP 门槛高于重要客户门槛", errors.GetProperty("vipScore")[0].GetString());
        Assert.Equal(original.ToString(), (await Settings(admin)).ToString());   // nothing changed

        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsync("/api/grading/recompute", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/reports/pareto")).StatusCode);
    }

    [Fact]
    public async Task GRD_1_the_owner_assesses_potential_and_other_departments_see_no_grade()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var customer = await BigBuyer(sales, "潜力评估客户", "13700002002");
        var wrong = await sales.PutAsJsonAsync($"/api/customers/{customer}/potential", new { score = 101, reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("score", out _) && errors.TryGetProperty("reason", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.NoContent, (await sales.PutAsJsonAsync($"/api/customers/{customer}/potential", new { score = 85, reason = "本地最大的物流公司，明年扩充车队" })).StatusCode);
        var grade = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/grade");
        Assert.Equal((85, "本地最大的物流公司，明年扩充车队"), (grade.GetProperty("indicators").GetProperty("potential").GetInt32(), grade.GetProperty("indicators").GetProperty("potentialReason").GetString()));

        var otherBranch = await app.SignedInAs("sales2@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.NotFound, (await otherBranch.GetAsync($"/api/customers/{customer}/grade")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBranch.PutAsJsonAsync($"/api/customers/{customer}/potential", new { score = 10, reason = "x" })).StatusCode);
        var leader = await app.SignedInAs("gm@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync($"/api/customers/{customer}/potential", new { score = 10, reason = "x" })).StatusCode);

        var history = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/history");
        Assert.Contains(history.GetProperty("items").EnumerateArray(), h => h.GetProperty("field").GetString() == "Potential" && h.GetProperty("newValue").GetString() == "85");
    }

    [Fact]
    public async Task GRD_4_the_pareto_report_of_the_grading_period_ranks_the_buyers_its_curve_ends_at_one_and_ARC_9_its_export_is_logged()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        Assert.Equal("succeeded", (await Recompute(manager)).GetProperty("status").GetString());
        var report = await manager.GetFromJsonAsync<JsonElement>("/api/reports/pareto");
        var customers = report.GetProperty("customers").GetInt32();
        Assert.True(customers > 50, report.ToString());
        var top = report.GetProperty("top20");
        Assert.Equal((int)Math.Round(customers * 0.2m, MidpointRounding.AwayFromZero), top.GetProperty("count").GetInt32());
        Assert.Equal(top.GetProperty("profit").GetDecimal() / report.GetProperty("profit").GetDecimal(), (decimal)report.GetProperty("top20ProfitShare").GetDouble(), 6);
        var curve = report.GetProperty("curve").EnumerateArray().Select(p => p.GetProperty("profitShare").GetDouble()).ToList();
        Assert.Equal(1.0, curve[^1]);
        Assert.NotNull(report.GetProperty("asOf").GetString());

        var salesManager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var own = await salesManager.GetFromJsonAsync<JsonElement>("/api/reports/pareto");
        Assert.InRange(own.GetProperty("customers").GetInt32(), 1, customers - 1);   // the sales department's buyers only

        // Paged like every list: page/pageSize with the segment's size as the total; the deprecated skip/take answers as before.
        var paged = await manager.GetFromJsonAsync<JsonElement>("/api/reports/pareto/customers?segment=middle&page=2&pageSize=3");
        Assert.Equal((report.GetProperty("middle60").GetProperty("count").GetInt32(), 2, 3),
            (paged.GetProperty("total").GetInt32(), paged.GetProperty("pageNumber").GetInt32(), paged.GetProperty("pageSize").GetInt32()));
        var legacy = await manager.GetFromJsonAsync<JsonElement>("/api/reports/pareto/customers?segment=middle&skip=3&take=3");
        Assert.Equal(legacy.GetRawText(), paged.GetProperty("items").GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/reports/pareto/customers?segment=worst")).StatusCode);

        // The report kept by the recompute (and its lists, paged from the recompute's figures) is the report ranked from
        // those figures: once the policy changes, the snapshot no longer stands and the same report is ranked anew.
        async Task<string> Everything(HttpClient client)
        {
            var view = await client.GetFromJsonAsync<JsonElement>("/api/reports/pareto");
            var lists = new List<string>();
            foreach (var (segment, skip, take) in new[] { ("top", 0, 3), ("top", 2, 2), ("middle", 0, 3), ("middle", 4, 2), ("bottom", 0, 3), ("bottom", 1, 2) })
                lists.Add((await client.GetStringAsync($"/api/reports/pareto/customers?segment={segment}&skip={skip}&take={take}")));
            return string.Join("\n", new[] { view.GetProperty("customers"), view.GetProperty("profit"), view.GetProperty("top20"), view.GetProperty("middle60"),
                view.GetProperty("bottom20"), view.GetProperty("curve") }.Select(p => p.GetRawText()).Concat(lists));
        }
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var original = await Settings(admin);
        try
        {
            // A cost to serve of ¥20,000 an order makes some of the bottom 20% candidates to let go, so that their list is walked too.
            var weights = new { amount = 30, orders = 15, recency = 10, profit = 25, repeatRate = 10, referrals = 5, potential = 5 };
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/grading/settings", Policy(original, weights, 20_000m))).StatusCode);
            Assert.Equal("succeeded", (await Recompute(admin)).GetProperty("status").GetString());
            var (kept, keptOwn) = (await Everything(manager), await Everything(salesManager));
            Assert.Contains("\"rank\":3", kept);
            Assert.True((await manager.GetFromJsonAsync<JsonElement>("/api/reports/pareto")).GetProperty("bottom20").GetProperty("count").GetInt32() > 3, kept);
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/grading/settings", Policy(original, weights with { amount = 31 }, 20_000m))).StatusCode);
            Assert.Equal((kept, keptOwn), (await Everything(manager), await Everything(salesManager)));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/grading/settings", new { policy = original.GetProperty("policy"), standards = original.GetProperty("standards") })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/reports/pareto?from=2026-12-01&to=2026-01-01")).StatusCode);

        // ARC-9: a segment's list exports with the export right, and the export is logged.
        var export = await manager.GetAsync("/api/reports/pareto/export?segment=top");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("sales@demo.guanxi.cn")).GetAsync("/api/reports/pareto/export?segment=top")).StatusCode);
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/audit/personal-data?pageSize=20");
        Assert.Contains(log.GetProperty("items").EnumerateArray(), e => e.GetProperty("reason").GetString() is { } r && r.StartsWith("pareto Top", StringComparison.Ordinal)
            && e.GetProperty("rowCount").GetInt32() == top.GetProperty("count").GetInt32());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GradingApiTests_Sqlite(SqliteApp app) : GradingApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class GradingApiTests_Postgres(PostgresApp app) : GradingApiTests(app);
