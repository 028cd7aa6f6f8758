using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Web.Features.Grading;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Grading;

/// <summary>The night (LIF-1, ARC-5/7, GRD-2) on both databases: one read of the orders moves stages, rates credit and grades, as the nightly job runs it.</summary>
public abstract class NightApiTests(GuanxiApp app)
{
    [Fact]
    public async Task The_night_churns_the_inactive_rates_the_overdue_and_grades_everyone_from_one_read_of_the_orders()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var name = $"夜审客户{Guid.NewGuid():N}"[..10];
        var created = await sales.PostAsJsonAsync("/api/customers", new { type = "organization", name, phones = new[] { new { kind = "mobile", number = "13700005001" } }, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var customer = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // One sale a year ago, its last instalment due today and unpaid: two nights from now the customer is past the
        // one-year churn floor and the instalment is overdue.
        var night = Today.AddDays(2);
        var sold = night.AddDays(-1).AddMonths(-12);
        var order = await sales.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = $"N-{Guid.NewGuid():N}"[..20], customerId = customer, orderedAt = D(sold), deliveredAt = D(sold), amount = 200_000m,
            items = new[] { new { name = "哈弗 H9", quantity = 1m, unitPrice = 200_000m } },
            payments = new[] { new { dueAt = D(sold), paidAt = (string?)D(sold), amount = 100_000m }, new { dueAt = D(Today), paidAt = (string?)null, amount = 100_000m } },
        });
        Assert.True(order.IsSuccessStatusCode, await order.Content.ReadAsStringAsync());
        Assert.Equal("firstPurchase", (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/lifecycle")).GetProperty("stage").GetString());

        var time = new FakeTimeProvider(new DateTimeOffset(night.ToDateTime(new TimeOnly(2, 30)), TimeSpan.FromHours(8)).ToUniversalTime());
        using (var scope = app.Services.CreateScope())
        {
            var clock = new EnterpriseClock(time, Shanghai);
            T Make<T>() => ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider, clock, (TimeProvider)time);
            var outcome = await ActivatorUtilities.CreateInstance<RecomputeNight>(scope.ServiceProvider, clock,
                Make<Features.Lifecycle.UpdateLifecycle>(), Make<Features.Credit.EvaluateCredit>(), Make<RecomputeGrades>()).Handle(GradingJob.Nightly);
            Assert.True(outcome.Lifecycle.Changed >= 1 && outcome.Credit.Alerts >= 1 && outcome.Grades.Customers == outcome.Lifecycle.Customers);
        }

        var lifecycle = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/lifecycle");
        Assert.Equal(("churned", D(night)), (lifecycle.GetProperty("stage").GetString(), lifecycle.GetProperty("since").GetString()));
        Assert.Equal("系统（夜间重算）", lifecycle.GetProperty("history")[0].GetProperty("by").GetString());   // the system, with why, in the viewer's language
        var credit = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/credit");
        Assert.Equal(100_000m, credit.GetProperty("overdueAmount").GetDecimal());
        var inbox = (await sales.GetFromJsonAsync<JsonElement>("/api/notifications?take=200")).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("title").GetString());
        Assert.Contains($"客户逾期未付：{name}", inbox);
        var indicators = (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/grade")).GetProperty("indicators");
        // Graded that night: the sale has left the 12-month period, and the last order is the one of a year ago.
        Assert.Equal((0m, D(sold), time.GetUtcNow()), (indicators.GetProperty("amount").GetDecimal(), indicators.GetProperty("lastOrderAt").GetString(), indicators.GetProperty("computedAt").GetDateTimeOffset()));

        // The other tests share the database: a recompute two days ahead must not leave their reports' "as of" in the future.
        using var cleanup = app.Services.CreateScope();
        var now = TimeProvider.System.GetUtcNow();
        await cleanup.ServiceProvider.GetRequiredService<Data.GuanxiDbContext>().Set<CustomerGrade>().Where(g => g.ComputedAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ComputedAt, now));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NightApiTests_Sqlite(SqliteApp app) : NightApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NightApiTests_Postgres(PostgresApp app) : NightApiTests(app);
