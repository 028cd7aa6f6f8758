using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Service;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Features.Complaints;
using Guanxi.Web.Features.Credit;
using Guanxi.Web.Features.Lifecycle;
using Guanxi.Web.Features.Workbench;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Guanxi.Web.Tests.Workbench;

/// <summary>MGT-1, MGT-4: the 工作台 through the API on both databases — each role gets its sections, every figure as the archive holds it and in the caller's sight.</summary>
public abstract class WorkbenchApiTests(GuanxiApp app)
{
    private async Task Keep()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KeepWorkbenchFigures>().Handle();
    }

    private async Task<JsonElement> Workbench(string email) =>
        await (await app.SignedInAs(email)).GetFromJsonAsync<JsonElement>("/api/workbench");

    private static bool Has(JsonElement view, string section) => view.GetProperty(section).ValueKind != JsonValueKind.Null;

    private static int Sum(JsonElement counts) => counts.EnumerateArray().Sum(c => c.GetProperty("count").GetInt32());

    [Fact]
    public async Task MGT_1_leadership_sees_the_whole_base_as_the_archive_holds_it()
    {
        app.EnsureAvailable();
        await Keep();
        var lead = (await Workbench("gm@demo.guanxi.cn")).GetProperty("leadership");
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var clock = scope.ServiceProvider.GetRequiredService<EnterpriseClock>();
            var today = clock.Today;
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
            var customers = await db.Set<Customer>().CountAsync(c => c.Status == CustomerStatus.Active);
            Assert.Equal(customers, lead.GetProperty("customers").GetInt32());
            Assert.Equal(customers, Sum(lead.GetProperty("tiers")));
            Assert.Equal(customers, Sum(lead.GetProperty("stages")));
            var amounts = await db.Set<Order>().Where(o => o.OrderedAt >= first && o.OrderedAt <= today).Select(o => o.Amount).ToListAsync();
            Assert.Equal(amounts.Sum(), lead.GetProperty("value12").GetDecimal());
            var before = await db.Set<Order>().Where(o => o.OrderedAt >= first.AddMonths(-12) && o.OrderedAt < first).Select(o => o.Amount).ToListAsync();
            Assert.Equal(before.Sum(), lead.GetProperty("valueBefore12").GetDecimal());
            Assert.Equal(12, lead.GetProperty("months").GetArrayLength());
            var overdue = await db.Set<CustomerCredit>().Where(k => k.OverdueAmount > 0 && db.Set<Customer>().Any(c => c.Id == k.CustomerId && c.Status == CustomerStatus.Active))
                .Select(k => k.OverdueAmount).ToListAsync();
            Assert.Equal(overdue.Sum(), lead.GetProperty("overdueAmount").GetDecimal());
            Assert.Equal(overdue.Count, lead.GetProperty("overdueCustomers").GetInt32());
            var month = new DateOnly(today.Year, today.Month, 1);
            var churned = await db.Set<StageChange>().CountAsync(s => s.To == Domain.Lifecycle.LifecycleStage.Churned && s.EffectiveOn >= month && s.EffectiveOn <= today
                && db.Set<Customer>().Any(c => c.Id == s.CustomerId && c.Status == CustomerStatus.Active));
            Assert.Equal(churned, lead.GetProperty("churnedThisMonth").GetInt32());
        }
        Assert.Equal(12, lead.GetProperty("satisfaction").GetArrayLength());
        Assert.Contains(lead.GetProperty("satisfaction").EnumerateArray(), m => m.GetProperty("index").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task MGT_4_a_department_manager_sees_the_department_and_not_the_firm()
    {
        app.EnsureAvailable();
        await Keep();
        var view = await Workbench("sales.manager@demo.guanxi.cn");
        Assert.False(Has(view, "leadership"));
        Assert.False(Has(view, "administrator"));
        var department = view.GetProperty("department");
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var manager = await db.Users.SingleAsync(u => u.Email == "sales.manager@demo.guanxi.cn");
            var customers = await db.Set<Customer>().CountAsync(c => c.Status == CustomerStatus.Active && c.DepartmentId == manager.DepartmentId);
            Assert.True(customers > 0);
            Assert.Equal(customers, Sum(department.GetProperty("tiers")));
            Assert.True(customers < await db.Set<Customer>().CountAsync(c => c.Status == CustomerStatus.Active));
            var open = await db.Set<CustomerTask>().CountAsync(t => t.DepartmentId == manager.DepartmentId && t.DoneAt == null && t.Kind == CustomerTaskKind.Review);
            Assert.Equal(open, department.GetProperty("reviews").GetProperty("open").GetInt32());
        }
    }

    [Fact]
    public async Task MGT_1_each_role_gets_its_own_day_and_nothing_of_others()
    {
        app.EnsureAvailable();
        var sales = await Workbench("sales@demo.guanxi.cn");
        Assert.True(Has(sales, "myDay"));
        foreach (var section in new[] { "leadership", "department", "customerService", "administrator", "myCalls" })
            Assert.False(Has(sales, section), section);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var me = await db.Users.SingleAsync(u => u.Email == "sales@demo.guanxi.cn");
            Assert.Equal(await db.Set<CustomerTask>().CountAsync(t => t.AssigneeId == me.Id && t.DoneAt == null), sales.GetProperty("myDay").GetProperty("tasks").GetProperty("open").GetInt32());
            Assert.Equal(await db.Set<Customer>().CountAsync(c => c.OwnerId == me.Id && c.Status == CustomerStatus.Active), sales.GetProperty("myDay").GetProperty("customers").GetInt32());
            var mine = await db.Set<Customer>().Where(c => c.OwnerId == me.Id).Select(c => c.Id).ToListAsync();
            Assert.All(sales.GetProperty("myDay").GetProperty("recentOrders").EnumerateArray(), o => Assert.Contains(o.GetProperty("customerId").GetGuid(), mine));

            var callback = await Workbench("callback@demo.guanxi.cn");
            Assert.True(Has(callback, "myCalls"));
            Assert.False(Has(callback, "customerService"));
            var specialist = await db.Users.SingleAsync(u => u.Email == "callback@demo.guanxi.cn");
            var today = scope.ServiceProvider.GetRequiredService<EnterpriseClock>().Today;
            Assert.Equal(await db.Set<Domain.Surveys.SurveyTask>().CountAsync(t => t.AssigneeId == specialist.Id && t.Outcome == Domain.Surveys.SurveyOutcome.Pending && t.Opens <= today && t.Due < today),
                callback.GetProperty("myCalls").GetProperty("overdue").GetInt32());

            var admin = await Workbench("admin@demo.guanxi.cn");
            Assert.Equal(await db.Users.CountAsync(), admin.GetProperty("administrator").GetProperty("staff").GetInt32());
            Assert.Contains(admin.GetProperty("administrator").GetProperty("jobs").EnumerateArray(), j => j.GetProperty("job").GetString() == WorkbenchFiguresJob.Key.Name);
            Assert.False(Has(admin, "leadership"));
        }
        var hr = await Workbench("hr@demo.guanxi.cn");
        foreach (var section in new[] { "myDay", "leadership", "department", "customerService", "administrator", "myCalls" })
            Assert.False(Has(hr, section), section);
        Assert.True(Has(await Workbench("cs.manager@demo.guanxi.cn"), "customerService"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/workbench")).StatusCode);
    }

    private static readonly CustomerTaskKind[] FollowUpKinds = [CustomerTaskKind.CareCall, CustomerTaskKind.FollowUpCall, CustomerTaskKind.FollowUpVisit];

    /// <summary>Open and past a time still running at <paramref name="now"/>, as the complaint list's overdue filter reads it.</summary>
    private static bool Overdue(Complaint c, DateTimeOffset now) =>
        c.Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed)
        && ((c.RespondedAt == null && c.ResponseDueAt < (c.HeldSince ?? now)) || c.ResolutionDueAt < (c.HeldSince ?? now));

    private static void SameFigures(IReadOnlyCollection<Complaint> complaints, DateTimeOffset now, JsonElement figures)
    {
        var open = complaints.Where(c => c.Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed)).ToList();
        Assert.Equal(open.Count, figures.GetProperty("open").GetInt32());
        Assert.Equal(open.Count(c => Overdue(c, now)), figures.GetProperty("overdue").GetInt32());
        Assert.Equal(open.Count(c => c.EscalationLevel > 0), figures.GetProperty("escalated").GetInt32());
    }

    [Fact]
    public async Task SVC4_SVC2_the_follow_up_and_complaint_tiles_count_what_the_database_holds_in_the_callers_sight()
    {
        app.EnsureAvailable();
        // A complaint received ten days ago for a consultant's customer and assigned to them: late by now.
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var created = await sales.PostAsJsonAsync("/api/customers", new
        {
            type = "person", name = "工作台投诉", phones = new[] { new { kind = "mobile", number = $"1371{Random.Shared.Next(0, 9_999_999):D7}" } }, allowDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var customer = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var clock = new FakeTimeProvider(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-10));
        await using (var scope = await app.ScopeAs("cs.manager@demo.guanxi.cn"))
        {
            var receive = ActivatorUtilities.CreateInstance<ReceiveComplaint>(scope.ServiceProvider, (TimeProvider)clock);
            var id = (await receive.Handle(new ComplaintBody(customer, ContactChannel.Phone, "repairQuality", ComplaintSeverity.High, Touchpoint.AfterSale, "维修后仍漏油", null, null))).Value!.Id;
            var db = scope.ServiceProvider.GetRequiredService<Guanxi.Web.Data.GuanxiDbContext>();
            var me = await db.Users.SingleAsync(u => u.Email == "sales@demo.guanxi.cn");
            var assign = ActivatorUtilities.CreateInstance<AssignComplaint>(scope.ServiceProvider, (TimeProvider)clock);
            Assert.True((await assign.Handle(id, new AssignBody(me.Id))).Succeeded);
        }

        var mine = (await Workbench("sales@demo.guanxi.cn")).GetProperty("myDay");
        var department = (await Workbench("sales.manager@demo.guanxi.cn")).GetProperty("department");
        var service = (await Workbench("cs.manager@demo.guanxi.cn")).GetProperty("customerService");
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var data = app.NewDbContext(out var dataScope);
        using (dataScope)
        {
            var today = dataScope.ServiceProvider.GetRequiredService<EnterpriseClock>().Today;
            var consultant = await data.Users.SingleAsync(u => u.Email == "sales@demo.guanxi.cn");
            var manager = await data.Users.SingleAsync(u => u.Email == "sales.manager@demo.guanxi.cn");
            var followUps = await data.Set<CustomerTask>().Where(t => FollowUpKinds.Contains(t.Kind) && t.DoneAt == null).ToListAsync();

            var own = followUps.Where(t => t.AssigneeId == consultant.Id).ToList();
            var myFollowUps = mine.GetProperty("followUps");
            Assert.Equal(own.Count, myFollowUps.GetProperty("open").GetInt32());
            Assert.Equal(own.Count(t => t.DueOn < today), myFollowUps.GetProperty("overdue").GetInt32());
            Assert.Equal(own.Count(t => t.DueOn >= today && t.DueOn < today.AddDays(7)), myFollowUps.GetProperty("dueIn7Days").GetInt32());

            var complaints = await data.Set<Complaint>().ToListAsync();
            var assigned = complaints.Where(c => c.AssigneeId == consultant.Id).ToList();
            Assert.Contains(assigned, c => Overdue(c, now));
            SameFigures(assigned, now, mine.GetProperty("complaints"));

            // The department: its follow-ups, and the owner most behind.
            var team = followUps.Where(t => t.DepartmentId == manager.DepartmentId).ToList();
            var teamFigures = department.GetProperty("followUps");
            Assert.Equal(team.Count, teamFigures.GetProperty("open").GetInt32());
            Assert.Equal(team.Count(t => t.DueOn < today), teamFigures.GetProperty("overdue").GetInt32());
            var behind = team.Where(t => t.DueOn < today).GroupBy(t => t.AssigneeId).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            Assert.Equal(behind, teamFigures.GetProperty("mostBehindOverdue").GetInt32());
            Assert.Equal(behind > 0, teamFigures.GetProperty("mostBehind").ValueKind == JsonValueKind.String);
            Assert.True(team.Count < followUps.Count, "a department sees its own follow-ups, not the firm's");

            // The department's complaints: about its customers or its staff, or assigned to the manager (the list's sight).
            var customerDepartments = await data.Set<Customer>().ToDictionaryAsync(c => c.Id, c => c.DepartmentId);
            var inDepartment = complaints.Where(c => c.AssigneeId == manager.Id
                || (c.StaffId == manager.Id ? c.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed
                    : c.DepartmentId == manager.DepartmentId || customerDepartments[c.CustomerId] == manager.DepartmentId)).ToList();
            SameFigures(inDepartment, now, department.GetProperty("complaints"));

            // Customer service: every follow-up and every complaint.
            Assert.Equal(followUps.Count, service.GetProperty("followUps").GetProperty("open").GetInt32());
            Assert.Equal(followUps.Count(t => t.DueOn < today), service.GetProperty("followUps").GetProperty("overdue").GetInt32());
            SameFigures(complaints, now, service.GetProperty("complaints"));
            Assert.True(service.GetProperty("complaints").GetProperty("overdue").GetInt32() >= 1);
        }
    }

    [Fact]
    public async Task MGT_1_the_night_keeps_one_row_per_scope_and_day()
    {
        app.EnsureAvailable();
        await Keep();
        await Keep();
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var rows = await db.Set<WorkbenchFigures>().ToListAsync();
            Assert.Equal(rows.Count, rows.Select(r => (r.Scope, r.Day)).Distinct().Count());
            Assert.Contains(rows, r => r.Scope == Guid.Empty);
            var departments = await db.Set<Customer>().Where(c => c.Status == CustomerStatus.Active).Select(c => c.DepartmentId).Distinct().ToListAsync();
            var today = rows.Max(r => r.Day);
            Assert.All(departments, d => Assert.Contains(rows, r => r.Scope == d && r.Day == today));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkbenchApiTests_Sqlite(SqliteApp app) : WorkbenchApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WorkbenchApiTests_Postgres(PostgresApp app) : WorkbenchApiTests(app);
