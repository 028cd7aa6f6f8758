using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Web.Features.Recommendations;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Recommendations;

/// <summary>SVC-6: a customer's recommendations through the API on both databases — the dealer's, items bought together, the task, who sees them, the settings.</summary>
public abstract class RecommendationApiTests(GuanxiApp app)
{
    private static int phone;

    private static async Task<Guid> Customer(HttpClient client, string name)
    {
        var mobile = $"1371{Interlocked.Increment(ref phone) + (Random.Shared.Next(0, 9000) * 100):D7}";
        var response = await client.PostAsJsonAsync("/api/customers", new
        {
            type = "person", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true,
            notes = new { preferences = "喜欢周末上午到店，偏好原厂配件", needs = "家里添了二胎，考虑换大空间车型" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task Order(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/orders", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string No(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>A car sold seven years ago (0 km) and serviced by the workshop 400 and 200 days ago (60,000 and 80,000 km).</summary>
    private static async Task<(Guid Customer, string Vin)> Dealer(HttpClient sales, HttpClient advisor, string name)
    {
        var customer = await Customer(sales, name);
        var (plate, vin) = ($"苏D{Random.Shared.Next(10000, 99999)}", $"LGW{Guid.NewGuid():N}"[..17].ToUpperInvariant());
        var delivered = Today.AddYears(-7);
        await Order(sales, new
        {
            kind = "sale", externalNo = No("XS"), customerId = customer, orderedAt = D(delivered.AddDays(-10)), deliveredAt = D(delivered),
            items = new[] { new { name = "哈弗 H6 2019 款", quantity = 1, unitPrice = 139_800m } }, vehicle = new { model = "哈弗 H6", plate, vin, mileage = 0 },
        });
        foreach (var (days, km) in new[] { (400, 60_000), (200, 80_000) })
        {
            await Order(advisor, new
            {
                kind = "service", externalNo = No("WX"), customerId = customer, orderedAt = D(Today.AddDays(-days)), deliveredAt = D(Today.AddDays(-days)),
                items = new[] { new { name = "常规保养（机油、机滤）", quantity = 1, unitPrice = 600m } }, vehicle = new { plate, mileage = km },
            });
        }
        return (customer, vin);
    }

    private static JsonElement[] Items(JsonElement list) => [.. list.GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task SVC6_a_dealers_customer_is_recommended_the_service_by_time_and_mileage_the_insurance_and_a_trade_in()
    {
        app.EnsureAvailable();
        var (sales, advisor) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("advisor@demo.guanxi.cn"));
        var (customer, vin) = await Dealer(sales, advisor, "车保养");

        var response = await sales.GetAsync($"/api/customers/{customer}/recommendations");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(customer, list.GetProperty("customerId").GetGuid());
        var items = Items(list);
        Assert.Equal(["kind", "subject", "title", "reason", "dueOn", "priority", "score", "careText", "openTaskId"], items[0].EnumerateObject().Select(p => p.Name));
        var service = items.Single(i => i.GetProperty("kind").GetString() == "service");
        Assert.Equal((vin, "high"), (service.GetProperty("subject").GetString(), service.GetProperty("priority").GetString()));
        Assert.Equal(Today.AddDays(-200).AddMonths(6), DateOnly.Parse(service.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var reason = service.GetProperty("reason").GetString()!;
        Assert.StartsWith($"上次保养 {D(Today.AddDays(-200))}，已 6 个月", reason);
        Assert.Contains("公里推算", reason);   // 80,000 km in the seven years since delivery
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "tradeIn" && i.GetProperty("reason").GetString()!.Contains("车龄 7 年", StringComparison.Ordinal));
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "insurance");
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "tyres");
        var scores = items.Select(i => i.GetProperty("score").GetInt32()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        // Whoever sees the customer reads them (the customer-service manager); the workshop, which does not see the sales department's customer, is answered 404, as for a missing one.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAs("cs.manager@demo.guanxi.cn")).GetAsync($"/api/customers/{customer}/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/api/customers/{customer}/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs("sales2@demo.guanxi.cn")).GetAsync($"/api/customers/{customer}/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync($"/api/customers/{Guid.NewGuid()}/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/customers/{customer}/recommendations")).StatusCode);
    }

    [Fact]
    public async Task SVC6_a_recommendation_becomes_one_task_for_the_owner_while_it_is_open()
    {
        app.EnsureAvailable();
        var (sales, advisor) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("advisor@demo.guanxi.cn"));
        var (customer, vin) = await Dealer(sales, advisor, "车置换");
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");

        var made = await cs.PostAsJsonAsync($"/api/customers/{customer}/recommendations/task", new { kind = "tradeIn" });
        Assert.True(made.StatusCode == HttpStatusCode.OK, await made.Content.ReadAsStringAsync());
        var task = await made.Content.ReadFromJsonAsync<JsonElement>();
        var taskId = task.GetProperty("taskId").GetGuid();
        string owner;
        var db = app.NewDbContext(out var scope);
        using (scope)
            owner = (await db.Users.SingleAsync(u => u.Email == "sales@demo.guanxi.cn")).Id;
        Assert.Equal(("recommendation", owner, D(Today)), (task.GetProperty("kind").GetString(), task.GetProperty("assigneeId").GetString(), task.GetProperty("dueOn").GetString()));
        Assert.StartsWith("哈弗 H6", task.GetProperty("note").GetString());

        // Once: the same request again names the open task.
        var again = await cs.PostAsJsonAsync($"/api/customers/{customer}/recommendations/task", new { kind = "tradeIn", subject = vin });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("recommendation.task_open", taskId), (problem.GetProperty("code").GetString(), problem.GetProperty("taskId").GetGuid()));

        // The owner finds it in 我的任务, and the recommendation shows its open task.
        var mine = await sales.GetFromJsonAsync<JsonElement>("/api/tasks?mine=true&kind=recommendation&state=open&pageSize=500");
        var listed = Items(mine).Single(t => t.GetProperty("id").GetGuid() == taskId);
        Assert.Equal(customer, listed.GetProperty("customerId").GetGuid());
        var recommendations = Items(await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/recommendations"));
        Assert.Equal(taskId, recommendations.Single(r => r.GetProperty("kind").GetString() == "tradeIn").GetProperty("openTaskId").GetGuid());
        Assert.Equal(JsonValueKind.Null, recommendations.Single(r => r.GetProperty("kind").GetString() == "service").GetProperty("openTaskId").ValueKind);

        // Out of sight, no such recommendation, a kind that is none: refused, nothing made.
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.PostAsJsonAsync($"/api/customers/{customer}/recommendations/task", new { kind = "service" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cs.PostAsJsonAsync($"/api/customers/{customer}/recommendations/task", new { kind = "service", subject = "苏Z00000" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cs.PostAsJsonAsync($"/api/customers/{customer}/recommendations/task", new { kind = "alsoBought", subject = $"无此商品-{Guid.NewGuid():N}" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.PostAsJsonAsync($"/api/customers/{customer}/recommendations/task", new { kind = "lottery" })).StatusCode);
        Assert.Single(Items(await sales.GetFromJsonAsync<JsonElement>("/api/tasks?mine=true&kind=recommendation&state=open&pageSize=500")),
            t => t.GetProperty("customerId").GetGuid() == customer);

        // Done, the recommendation may become a task again.
        Assert.Equal(HttpStatusCode.NoContent, (await sales.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "客户下月来店看新车" })).StatusCode);
        var second = await sales.PostAsJsonAsync($"/api/customers/{customer}/recommendations/task", new { kind = "tradeIn" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(taskId, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("taskId").GetGuid());
    }

    [Fact]
    public async Task SVC6_customers_who_bought_x_also_bought_y_by_the_nights_pairs_and_the_settings()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (x, y, z) = ($"行车记录仪-{tag}", $"贴膜-{tag}", $"脚垫-{tag}");
        var customers = new List<Guid>();
        foreach (var items in new[] { new[] { x, y }, [x, y], [x, y], [x], [z], [z] })
        {
            var customer = await Customer(sales, $"购{customers.Count}");
            customers.Add(customer);
            await Order(sales, new
            {
                kind = "sale", externalNo = No("XS"), customerId = customer, orderedAt = D(Today.AddDays(-30)), deliveredAt = D(Today.AddDays(-30)),
                items = items.Select(name => new { name, quantity = 1, unitPrice = 1_000m }).ToArray(),
            });
        }
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<KeepItemPairs>().Handle() >= 2);

        // The fourth bought X only: three of X's four buyers also bought Y, which 3 of all customers bought (lift = 3/4 ÷ 3/N ≥ 1.5).
        var list = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customers[3]}/recommendations");
        Assert.NotEqual(JsonValueKind.Null, list.GetProperty("pairsCountedAt").ValueKind);
        var also = Items(list).Single(i => i.GetProperty("kind").GetString() == "alsoBought");
        Assert.Equal((y, JsonValueKind.Null), (also.GetProperty("subject").GetString(), also.GetProperty("dueOn").ValueKind));
        Assert.Contains($"买过「{x}」的 4 位客户中有 3 位也买了「{y}」（75%）", also.GetProperty("reason").GetString());
        Assert.Contains("提升度", also.GetProperty("reason").GetString());
        Assert.DoesNotContain(Items(await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customers[0]}/recommendations")), i => i.GetProperty("kind").GetString() == "alsoBought");
        Assert.DoesNotContain(Items(await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customers[4]}/recommendations")), i => i.GetProperty("kind").GetString() == "alsoBought");

        // The thresholds: read by anyone, changed by administrators only, refused per field out of range.
        var read = await sales.GetFromJsonAsync<JsonElement>("/api/settings/recommendations");
        Assert.Equal((false, 6, 1.2), (read.GetProperty("canEdit").GetBoolean(), read.GetProperty("policy").GetProperty("serviceMonths").GetInt32(), read.GetProperty("policy").GetProperty("minLift").GetDouble()));
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PutAsJsonAsync("/api/settings/recommendations", new { maxAlsoBought = 0 })).StatusCode);
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var bad = await admin.PutAsJsonAsync("/api/settings/recommendations", new { minLift = 1.0, serviceMonths = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("minLift", out _) && errors.TryGetProperty("serviceMonths", out _), errors.ToString());
        try
        {
            var saved = await admin.PutAsJsonAsync("/api/settings/recommendations", new { maxAlsoBought = 0 });
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            Assert.DoesNotContain(Items(await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customers[3]}/recommendations")), i => i.GetProperty("kind").GetString() == "alsoBought");
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/settings/recommendations", new { })).StatusCode);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RecommendationApiTests_Sqlite(SqliteApp app) : RecommendationApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RecommendationApiTests_Postgres(PostgresApp app) : RecommendationApiTests(app);
