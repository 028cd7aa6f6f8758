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

namespace Guanxi.Web.Tests;

/// <summary>
/// Derived state (LIF-1 stage, ARC-5 credit, GRD-2 tier) on both databases: the judging after an order is written and the
/// night change a customer without changing the version behind ETag/If-Match, which guards what a person edits.
/// </summary>
public abstract class DerivedStateApiTests(GuanxiApp app)
{
    [Fact]
    public async Task A_derived_state_write_never_bumps_the_version_that_guards_a_persons_edit()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var name = $"派生状态{Guid.NewGuid():N}"[..10];
        object Details(string? industry = null) => new { type = "organization", name, industry, phones = new[] { new { kind = "mobile", number = "13700005002" } }, allowDuplicate = true };
        var created = await sales.PostAsJsonAsync("/api/customers", Details());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var customer = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // An edit form opened now, and left open while orders come in and the night runs.
        var etag = (await sales.GetAsync($"/api/customers/{customer}")).Headers.ETag!.Tag;

        // A sale a year ago, its first instalment paid on time, the second due tomorrow: written now, the customer is judged
        // and rated inline (first purchase, AAA); two nights from now they are churned and overdue.
        var night = Today.AddDays(2);
        var sold = night.AddDays(-1).AddMonths(-12);
        var order = await sales.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = $"V-{Guid.NewGuid():N}"[..20], customerId = customer, orderedAt = D(sold), deliveredAt = D(sold), amount = 200_000m,
            items = new[] { new { name = "哈弗 H9", quantity = 1m, unitPrice = 200_000m } },
            payments = new[] { new { dueAt = D(sold), paidAt = (string?)D(sold), amount = 100_000m }, new { dueAt = D(Today.AddDays(1)), paidAt = (string?)null, amount = 100_000m } },
        });
        Assert.True(order.IsSuccessStatusCode, await order.Content.ReadAsStringAsync());
        Assert.Equal("firstPurchase", (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/lifecycle")).GetProperty("stage").GetString());
        Assert.Equal("AAA", (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/credit")).GetProperty("level").GetString());

        var time = new FakeTimeProvider(new DateTimeOffset(night.ToDateTime(new TimeOnly(2, 30)), TimeSpan.FromHours(8)).ToUniversalTime());
        using (var scope = app.Services.CreateScope())
        {
            var clock = new EnterpriseClock(time, Shanghai);
            T Make<T>() => ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider, clock, (TimeProvider)time);
            await ActivatorUtilities.CreateInstance<RecomputeNight>(scope.ServiceProvider, clock,
                Make<Features.Lifecycle.UpdateLifecycle>(), Make<Features.Credit.EvaluateCredit>(), Make<RecomputeGrades>()).Handle(GradingJob.Nightly);
        }
        Assert.Equal("churned", (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/lifecycle")).GetProperty("stage").GetString());
        Assert.Equal("C", (await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/credit")).GetProperty("level").GetString());

        Assert.Equal(etag, (await sales.GetAsync($"/api/customers/{customer}")).Headers.ETag!.Tag);
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{customer}") { Content = JsonContent.Create(Details("汽车租赁")) };
        edit.Headers.IfMatch.ParseAdd(etag);
        var saved = await sales.SendAsync(edit);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);   // the person's edit is a new version

        // The other tests share the database: a recompute two days ahead must not leave their reports' "as of" in the future.
        using var cleanup = app.Services.CreateScope();
        var now = TimeProvider.System.GetUtcNow();
        await cleanup.ServiceProvider.GetRequiredService<Data.GuanxiDbContext>().Set<CustomerGrade>().Where(g => g.ComputedAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ComputedAt, now));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DerivedStateApiTests_Sqlite(SqliteApp app) : DerivedStateApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DerivedStateApiTests_Postgres(PostgresApp app) : DerivedStateApiTests(app);
