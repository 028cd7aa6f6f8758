using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Tests.ServiceDesk;

/// <summary>
/// ARC-2 and SEC-1 for the service desk's records on both databases: a merge moves a customer's complaints, follow-ups
/// and case links to the survivor; an erasure redacts what the customer said in contacts and complaints and keeps the figures.
/// </summary>
public abstract class ServiceRecordsFollowTheCustomerTests(GuanxiApp app)
{
    private const string Sales = "sales@demo.guanxi.cn";

    private static async Task<Guid> Customer(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "person", name, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> Complain(HttpClient client, Guid customer) => client.PostAsJsonAsync("/api/complaints", new
    {
        customerId = customer, channel = "phone", category = "attitude", severity = "low", touchpoint = "afterSale", summary = "前台接待态度冷淡",
        details = "客户来电：周六到店，前台没人招呼，客户手机 13912345678。",
    });

    private static Task<HttpResponseMessage> Call(HttpClient client, Guid customer) => client.PostAsJsonAsync("/api/contacts", new
    {
        customerId = customer, channel = "phone", direction = "inbound", at = TimeProvider.System.GetUtcNow().AddHours(-1), summary = "客户说家住幸福路 8 号，想预约保养",
        outcome = "已约周六上午", touchpoint = "afterSale",
    });

    [Fact]
    public async Task ARC2_a_merge_moves_complaints_follow_ups_and_case_links_to_the_survivor()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var survivor = await Customer(sales, "任合并");
        var merged = await Customer(sales, "任合并");
        var complaint = await Created(await Complain(sales, merged));
        var kase = await Created(await sales.PostAsJsonAsync("/api/cases", new
        {
            kind = "success", title = $"合并后的案例 {Guid.NewGuid():N}"[..20], story = "客户投诉后当天回访。", lesson = "当天回访。", tags = new[] { "回访" },
            customerIds = new[] { merged, survivor }, complaintIds = Array.Empty<Guid>(),
        }));
        Guid task;
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var owner = await db.Set<Customer>().Where(c => c.Id == merged).Select(c => new { c.OwnerId, c.DepartmentId }).SingleAsync();
            var followUp = CustomerTask.Open(merged, CustomerTaskKind.FollowUpCall, owner.OwnerId!, owner.DepartmentId, Days.Today.AddDays(3), ("定期回访", "Follow-up call"), TimeProvider.System.GetUtcNow());
            db.Add(followUp);
            await db.SaveChangesAsync();
            task = followUp.Id;
        }

        Assert.Equal(HttpStatusCode.OK, (await sales.PostAsJsonAsync("/api/customers/merge", new { survivorId = survivor, mergedIds = new[] { merged } })).StatusCode);

        db = app.NewDbContext(out scope);
        using (scope)
        {
            Assert.Equal(survivor, await db.Set<Complaint>().Where(c => c.Id == complaint).Select(c => c.CustomerId).SingleAsync());
            Assert.Equal(survivor, await db.Set<CustomerTask>().Where(t => t.Id == task).Select(t => t.CustomerId).SingleAsync());
            Assert.Equal([survivor], (await db.Set<ServiceCase>().AsNoTracking().SingleAsync(c => c.Id == kase)).CustomerIds);   // named once
        }
        var timeline = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{survivor}/timeline?kind=complaint,task");
        var ids = timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(complaint, ids);
        Assert.Contains(task, ids);
    }

    [Fact]
    public async Task SEC1_an_erasure_redacts_what_the_customer_said_in_contacts_and_complaints_and_keeps_the_figures()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs(Sales);
        var customer = await Customer(sales, "幸删除");
        var other = await Customer(sales, "幸保留");
        var complaint = await Created(await Complain(sales, customer));
        var contact = await Created(await Call(sales, customer));
        var kept = await Created(await Call(sales, other));

        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.NoContent, (await cs.PostAsJsonAsync($"/api/customers/{customer}/erase", new { reason = "客户来电要求删除个人信息" })).StatusCode);

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var call = await db.Set<Contact>().AsNoTracking().SingleAsync(k => k.Id == contact);
            Assert.Equal(("[已删除]", "[已删除]", ContactChannel.Phone), (call.Summary, call.Outcome, call.Channel));
            var erased = await db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Id == complaint);
            Assert.Equal(("[已删除]", "attitude", ComplaintSeverity.Low), (erased.Details, erased.Category, erased.Severity));
            Assert.Equal("客户说家住幸福路 8 号，想预约保养", (await db.Set<Contact>().AsNoTracking().SingleAsync(k => k.Id == kept)).Summary);   // another customer's untouched
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ServiceRecordsFollowTheCustomerTests_Sqlite(SqliteApp app) : ServiceRecordsFollowTheCustomerTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ServiceRecordsFollowTheCustomerTests_Postgres(PostgresApp app) : ServiceRecordsFollowTheCustomerTests(app);
