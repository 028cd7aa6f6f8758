using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Security.Claims;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Auth;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Guanxi.Web.Tests;

/// <summary>ARC-1, ARC-3 and ARC-9 through the customer API.</summary>
public abstract class CustomersApiTests(GuanxiApp app)
{
    private static object Body(string name, string mobile = "13812341234", string? ownerId = null, Guid? departmentId = null) => new
    {
        type = "Person", name, organization = "常州天宁机械厂",
        phones = new[] { new { kind = "Mobile", number = mobile } },
        emails = new[] { "zhang.xm@example.cn" }, wechat = "wxid_8812",
        addresses = new[] { new { province = "江苏省", city = "常州市", district = "天宁区", street = "延陵西路 1 号" } },
        birthday = "1990-05-01", gender = "Male", ownerId, departmentId,
        notes = new { background = "老客户介绍", preferences = "周末试驾", needs = "家用 SUV" }, allowDuplicate = true,
    };

    private static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task ARC_9_a_colleagues_customer_is_masked_another_departments_is_invisible_and_customer_service_sees_all()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var colleagues = await Created(await manager.PostAsJsonAsync("/api/customers", Body("张小明")));
        var service = await app.SignedInAs("service.manager@demo.guanxi.cn");
        var others = await Created(await service.PostAsJsonAsync("/api/customers", Body("李小红", "13912345678")));

        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var seen = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{colleagues.GetProperty("id")}");
        Assert.Equal("138****1234", seen.GetProperty("phones")[0].GetProperty("number").GetString());
        Assert.Equal("z****@example.cn", seen.GetProperty("emails")[0].GetString());
        Assert.Equal("****", seen.GetProperty("addresses")[0].GetProperty("street").GetString());
        Assert.Equal("****-**-**", seen.GetProperty("birthday").GetString());
        var list = await sales.GetFromJsonAsync<JsonElement>("/api/customers?pageSize=200");
        var rows = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("id").GetGuid() == colleagues.GetProperty("id").GetGuid() && r.GetProperty("primaryPhone").GetString() == "138****1234");
        Assert.DoesNotContain(rows, r => r.GetProperty("id").GetGuid() == others.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync($"/api/customers/{others.GetProperty("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync($"/api/customers/{others.GetProperty("id")}/history")).StatusCode);

        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var full = await cs.GetFromJsonAsync<JsonElement>($"/api/customers/{colleagues.GetProperty("id")}");
        Assert.Equal("+8613812341234", full.GetProperty("phones")[0].GetProperty("number").GetString());
        Assert.Equal("1990-05-01", full.GetProperty("birthday").GetString());
        Assert.Equal("延陵西路 1 号", full.GetProperty("addresses")[0].GetProperty("street").GetString());
        Assert.Equal(HttpStatusCode.OK, (await cs.GetAsync($"/api/customers/{others.GetProperty("id")}")).StatusCode);
    }

    [Theory]
    [InlineData("sales@demo.guanxi.cn", true)]
    [InlineData("advisor@demo.guanxi.cn", true)]
    [InlineData("sales2@demo.guanxi.cn", true)]
    [InlineData("cs.manager@demo.guanxi.cn", true)]
    [InlineData("gm@demo.guanxi.cn", true)]
    [InlineData("hr@demo.guanxi.cn", false)]
    public async Task ARC_9_the_demo_customers_are_spread_so_that_each_customer_role_sees_some(string email, bool seesSome)
    {
        app.EnsureAvailable();
        var client = await app.SignedInAs(email);
        var total = (await client.GetFromJsonAsync<JsonElement>("/api/customers?pageSize=1")).GetProperty("total").GetInt32();
        Assert.Equal(seesSome, total > 0);
        var everyone = (await (await app.SignedInAs("cs.manager@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/customers?pageSize=1")).GetProperty("total").GetInt32();
        if (email.StartsWith("sales", StringComparison.Ordinal) || email.StartsWith("advisor", StringComparison.Ordinal))
            Assert.True(total < everyone, $"{email} sees {total} of {everyone}: only their department's");
    }

    [Fact]
    public async Task ARC_3_a_stale_put_gets_412_and_the_history_shows_every_field_change()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var created = await Created(await manager.PostAsJsonAsync("/api/customers", Body("王建国", "13800001111")));
        var id = created.GetProperty("id").GetGuid();
        var read = await manager.GetAsync($"/api/customers/{id}");
        var etag = read.Headers.ETag!.Tag;

        Assert.Equal((HttpStatusCode)428, (await manager.PutAsJsonAsync($"/api/customers/{id}", Body("王建国"))).StatusCode);
        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{id}") { Content = JsonContent.Create(Body("王建华", "13800002222")) };
        first.Headers.IfMatch.ParseAdd(etag);
        var updated = await manager.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag!.Tag);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{id}") { Content = JsonContent.Create(Body("王建业")) };
        stale.Headers.IfMatch.ParseAdd(etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await manager.SendAsync(stale)).StatusCode);

        var history = (await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/history?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        var name = history.Single(h => h.GetProperty("field").GetString() == "Name" && h.GetProperty("action").GetString() == "update");
        Assert.Equal(("王建国", "王建华"), (name.GetProperty("oldValue").GetString(), name.GetProperty("newValue").GetString()));
        var phones = history.Single(h => h.GetProperty("field").GetString() == "Phones" && h.GetProperty("action").GetString() == "update");
        Assert.Contains("+8613800001111", phones.GetProperty("oldValue").GetString());
        Assert.Contains("+8613800002222", phones.GetProperty("newValue").GetString());

        // The administrators' audit log does not leak what the record masks from them.
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var audit = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entity=Customer&key={id}&pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(audit, h => h.GetProperty("field").GetString() == "Name" && h.GetProperty("newValue").GetString() == "王建华");
        Assert.All(audit.Where(h => h.GetProperty("field").GetString() is "Phones" or "Emails" or "Addresses" or "Birthday" or "WeChat"),
            h => Assert.Equal("****", h.GetProperty("newValue").GetString() ?? "****"));

        // A colleague who sees the customer masked sees its history masked too.
        var colleague = await app.SignedInAs("sales@demo.guanxi.cn");
        var maskedHistory = (await colleague.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/history?pageSize=200")).GetProperty("items").EnumerateArray();
        Assert.All(maskedHistory.Where(h => h.GetProperty("field").GetString() == "Phones"),
            h => Assert.Equal("****", h.GetProperty("newValue").GetString()));
    }

    [Fact]
    public async Task ARC_9_a_colleague_reveals_with_a_reason_and_every_unmasked_view_and_reveal_is_logged()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var id = (await Created(await manager.PostAsJsonAsync("/api/customers", Body("钱多多", "13655556666")))).GetProperty("id").GetGuid();

        var colleague = await app.SignedInAs("sales@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.BadRequest, (await colleague.GetAsync($"/api/customers/{id}?reveal=true")).StatusCode);   // no reason
        var revealed = await colleague.GetFromJsonAsync<JsonElement>($"/api/customers/{id}?reveal=true&reason={Uri.EscapeDataString("代同事回访")}");
        Assert.Equal("+8613655556666", revealed.GetProperty("phones")[0].GetProperty("number").GetString());
        Assert.False(revealed.GetProperty("masked").GetBoolean());

        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/api/customers/{id}?reveal=true&reason=curious")).StatusCode);
        Assert.Equal("136****6666", (await admin.GetFromJsonAsync<JsonElement>($"/api/customers/{id}")).GetProperty("phones")[0].GetProperty("number").GetString());

        await (await app.SignedInAs("cs.manager@demo.guanxi.cn")).GetAsync($"/api/customers/{id}");
        var log = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit/personal-data?customerId={id}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(log, a => a.GetProperty("kind").GetString() == "reveal" && a.GetProperty("reason").GetString() == "代同事回访");
        Assert.Contains(log, a => a.GetProperty("kind").GetString() == "view");
        var adminName = (await admin.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("displayName").GetString();
        Assert.DoesNotContain(log, a => a.GetProperty("userName").GetString() == adminName);   // a masked view is no access to log
    }

    [Fact]
    public async Task ARC_1_bad_input_is_answered_per_field_and_nothing_is_created()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var response = await manager.PostAsJsonAsync("/api/customers", new
        {
            type = "Organization", name = "", phones = new[] { new { kind = "Mobile", number = "12345" } }, emails = new[] { "not-an-email" },
            contacts = new[] { new { name = "", phones = new[] { new { kind = "Mobile", number = "999" } } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "phones[0].number", "name", "emails", "contacts[0].name", "contacts[0].phones[0].number" })   // every reason at once
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");

        var named = await manager.PostAsJsonAsync("/api/customers", new { type = "Person", name = "", emails = new[] { "not-an-email" }, birthday = "2999-01-01" });
        var fields = (await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "emails", "birthday" })
            Assert.True(fields.TryGetProperty(field, out _), $"no error for {field}: {fields}");
    }

    [Fact]
    public async Task SEC_3_who_may_change_a_customer()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var created = await Created(await manager.PostAsJsonAsync("/api/customers", Body("赵四海", "13700001234")));
        var id = created.GetProperty("id").GetGuid();
        var etag = (await manager.GetAsync($"/api/customers/{id}")).Headers.ETag!.Tag;

        foreach (var email in new[] { "gm@demo.guanxi.cn", "sales@demo.guanxi.cn" })   // leadership reads only; a colleague is not the owner
        {
            var client = await app.SignedInAs(email);
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{id}") { Content = JsonContent.Create(Body("改名")) };
            put.Headers.IfMatch.ParseAdd(etag);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(put)).StatusCode);
        }

        var service = await app.SignedInAs("service.manager@demo.guanxi.cn");
        var salesDepartment = created.GetProperty("departmentId").GetGuid();
        var intoSales = await service.PostAsJsonAsync("/api/customers", Body("越界", "13700005678", departmentId: salesDepartment));
        Assert.Equal(HttpStatusCode.BadRequest, intoSales.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/customers")).StatusCode);
    }
    [Fact]
    public async Task ARC_4_one_record_carries_what_the_customer_page_shows_profile_contacts_groups_status_and_history()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var body = new
        {
            type = "organization", name = "常州全景测试有限公司", allowDuplicate = true,
            phones = new[] { new { kind = "office", number = "0519-86660000" } },
            contacts = new[] { new { name = "陶经理", title = "采购经理", phones = new[] { new { kind = "mobile", number = "13966690001" } }, birthday = "1980-02-03" } },
        };
        var created = await Created(await manager.PostAsJsonAsync("/api/customers", body));
        var id = created.GetProperty("id").GetGuid();
        var group = await (await manager.PostAsJsonAsync("/api/groups", new { name = "全景测试组" })).Content.ReadFromJsonAsync<JsonElement>();
        (await manager.PostAsJsonAsync($"/api/groups/{group.GetProperty("id")}/members", new { customerIds = new[] { id } })).EnsureSuccessStatusCode();

        var view = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal(("organization", "active", true), (view.GetProperty("type").GetString(), view.GetProperty("status").GetString(), view.GetProperty("editable").GetBoolean()));
        Assert.Equal(("陶经理", "采购经理", "+8613966690001"), (view.GetProperty("contacts")[0].GetProperty("name").GetString(),
            view.GetProperty("contacts")[0].GetProperty("title").GetString(), view.GetProperty("contacts")[0].GetProperty("phones")[0].GetProperty("number").GetString()));
        Assert.Equal("全景测试组", view.GetProperty("groups")[0].GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(view.GetProperty("ownerName").GetString()));
        Assert.Equal("销售部", view.GetProperty("departmentName").GetString());
        var history = (await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/history")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("field").GetString() == "Groups" && h.GetProperty("newValue").GetString() == "全景测试组");
        Assert.Contains(history, h => h.GetProperty("field").GetString() == "Contacts");

        var masked = await (await app.SignedInAs("sales@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal(("139****0001", "****-**-**"), (masked.GetProperty("contacts")[0].GetProperty("phones")[0].GetProperty("number").GetString(),
            masked.GetProperty("contacts")[0].GetProperty("birthday").GetString()));   // contacts' personal fields are masked too
    }

    [Fact]
    public async Task ARC_9_the_lists_owner_and_department_choices_stay_within_the_callers_sight()
    {
        app.EnsureAvailable();
        async Task<(string Id, CustomerFilters Filters)> FiltersOf(string email)
        {
            using var scope = app.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var roles = await users.GetRolesAsync(user);
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test")));
            return (user.Id, (await scope.ServiceProvider.GetRequiredService<ListCustomerFilters>().Handle()).Value!);
        }

        var (salesId, sales) = await FiltersOf("sales@demo.guanxi.cn");
        var (serviceId, _) = await FiltersOf("advisor@demo.guanxi.cn");
        var (_, leadership) = await FiltersOf("gm@demo.guanxi.cn");

        Assert.Equal(["销售部"], sales.Departments.Select(d => d.Name));
        Assert.Contains(sales.Owners, o => o.Id == salesId);
        Assert.DoesNotContain(sales.Owners, o => o.Id == serviceId);   // another department's staff
        Assert.Contains(leadership.Departments, d => d.Name == "售后服务部");
        Assert.Contains(leadership.Owners, o => o.Id == serviceId);
        Assert.Superset(sales.Owners.Select(o => o.Id).ToHashSet(), leadership.Owners.Select(o => o.Id).ToHashSet());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CustomersApiTests_Sqlite(SqliteApp app) : CustomersApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CustomersApiTests_Postgres(PostgresApp app) : CustomersApiTests(app);
