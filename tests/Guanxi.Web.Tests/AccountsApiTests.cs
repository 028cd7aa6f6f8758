using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Tests.Infrastructure;

namespace Guanxi.Web.Tests;

public abstract class AccountsApiTests(GuanxiApp app)
{
    public static TheoryData<string, string> DemoAccounts => new()
    {
        { "admin@demo.guanxi.cn", "Administrator" }, { "gm@demo.guanxi.cn", "GeneralManager" }, { "vp@demo.guanxi.cn", "ExecutiveVp" },
        { "cs.manager@demo.guanxi.cn", "CustomerServiceManager" }, { "duty@demo.guanxi.cn", "DutyManager" },
        { "callback@demo.guanxi.cn", "CallbackSpecialist" }, { "sales.manager@demo.guanxi.cn", "DepartmentManager" },
        { "service.manager@demo.guanxi.cn", "DepartmentManager" }, { "sales@demo.guanxi.cn", "SalesConsultant" },
        { "sales2@demo.guanxi.cn", "SalesConsultant" }, { "advisor@demo.guanxi.cn", "ServiceAdvisor" }, { "hr@demo.guanxi.cn", "Administration" },
    };

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Every_demo_account_signs_in_and_me_returns_its_roles_and_department(string email, string role)
    {
        app.EnsureAvailable();
        var anonymous = app.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = GuanxiApp.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = await login.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
        Assert.True(token.GetProperty("expiresIn").GetInt64() > 0);

        var client = await app.SignedInAs(email);
        var me = await client.GetFromJsonAsync<MeView>("/api/me");
        Assert.Equal(email, me!.Email);
        Assert.Contains(role, me.Roles);
        Assert.NotEqual(Guid.Empty, me.DepartmentId);
        Assert.False(string.IsNullOrWhiteSpace(me.DepartmentName));
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,3}$", me.DisplayName);
    }

    [Fact]
    public async Task Demo_accounts_sit_in_the_departments_the_issue_names()
    {
        app.EnsureAvailable();
        async Task<string> DepartmentOf(string email) => (await (await app.SignedInAs(email)).GetFromJsonAsync<MeView>("/api/me"))!.DepartmentName;
        Assert.Equal("销售部", await DepartmentOf("sales.manager@demo.guanxi.cn"));
        Assert.Equal("售后服务部", await DepartmentOf("service.manager@demo.guanxi.cn"));
        Assert.Equal("行政部", await DepartmentOf("hr@demo.guanxi.cn"));
        Assert.Equal("售后服务部", await DepartmentOf("advisor@demo.guanxi.cn"));
        var departments = await (await app.SignedInAs("admin@demo.guanxi.cn")).GetFromJsonAsync<List<DepartmentRow>>("/api/departments", Json.Options);
        var sales2 = await (await app.SignedInAs("sales2@demo.guanxi.cn")).GetFromJsonAsync<MeView>("/api/me");
        var branchSales = departments!.Single(d => d.Id == sales2!.DepartmentId);
        Assert.Equal("销售部", branchSales.Name);
        Assert.Equal(Guanxi.Domain.Accounts.DepartmentKind.Branch, departments!.Single(d => d.Id == branchSales.ParentId).Kind);

        // About 40 staff, all of them seeded (other tests add their own, so count the generator's people).
        var demo = new Features.Demo.DemoEnterprise(Features.Demo.ChineseNames.LoadShipped());
        Assert.InRange(demo.StaffMembers.Count, 35, 45);
        var all = await (await app.SignedInAs("admin@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/users?pageSize=200");
        var emails = all.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()).ToHashSet();
        Assert.All(demo.StaffMembers, m => Assert.Contains(m.Email, emails));
    }

    [Theory]
    [InlineData("/api/me")]
    [InlineData("/api/users")]
    [InlineData("/api/departments")]
    [InlineData("/api/audit")]
    public async Task SEC_3_the_api_answers_401_without_a_token(string path)
    {
        app.EnsureAvailable();
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("sales@demo.guanxi.cn", "/api/users")]
    [InlineData("cs.manager@demo.guanxi.cn", "/api/audit")]
    [InlineData("gm@demo.guanxi.cn", "/api/roles")]
    public async Task SEC_3_a_role_without_the_right_gets_403(string email, string path)
    {
        app.EnsureAvailable();
        var client = await app.SignedInAs(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        var create = await client.PostAsJsonAsync("/api/departments", new { name = "黑客部", kind = "Department" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_401_with_a_reason_in_the_callers_language()
    {
        app.EnsureAvailable();
        var client = app.CreateClient();
        var chinese = await client.PostAsJsonAsync("/api/auth/login", new { email = "hr@demo.guanxi.cn", password = "wrong-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, chinese.StatusCode);
        Assert.Equal("邮箱或密码不正确。", (await chinese.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email = "nobody@demo.guanxi.cn", password = "x" }) };
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var english = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, english.StatusCode);
        Assert.Equal("Incorrect e-mail or password.", (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        // "en" as the README writes it, and another English, are English too.
        foreach (var language in new[] { "en", "en-GB,en;q=0.8" })
        {
            using var plain = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email = "nobody@demo.guanxi.cn", password = "x" }) };
            plain.Headers.AcceptLanguage.ParseAdd(language);
            Assert.Equal("Incorrect e-mail or password.", (await (await client.SendAsync(plain)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task Every_sign_in_success_and_failure_is_logged()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var email = $"log.{Guid.NewGuid():N}@demo.guanxi.cn";
        await CreateStaff(admin, email);
        await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = "not-the-password" });
        await app.SignedInAs(email, "Lantern#Road42");

        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/audit/sign-ins?email={email}");
        var outcomes = log.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["succeeded", "wrongPassword"], outcomes);
    }

    [Fact]
    public async Task An_account_is_locked_after_5_failed_attempts()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var email = $"lock.{Guid.NewGuid():N}@demo.guanxi.cn";
        await CreateStaff(admin, email);
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-" + i })).StatusCode);

        var right = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Lantern#Road42" });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("锁定", (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task SEC_3_a_token_stops_working_once_its_rights_are_taken_away()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var email = $"demoted.{Guid.NewGuid():N}@demo.guanxi.cn";
        var staff = await CreateStaff(admin, email, "Administrator");
        var demoted = await app.SignedInAs(email, "Lantern#Road42");
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync("/api/users")).StatusCode);

        var update = await admin.PutAsJsonAsync($"/api/users/{staff.Id}", new
        {
            displayName = staff.DisplayName, departmentId = staff.DepartmentId, roles = new[] { "SalesConsultant" }, isActive = true, version = await Version(admin, staff.Id),
        });
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await demoted.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await demoted.GetAsync("/api/me")).StatusCode);
        var again = await app.SignedInAs(email, "Lantern#Road42");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/users")).StatusCode);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Administrator,GeneralManager")]
    public async Task A_role_must_be_named_exactly(string role)
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email = $"odd.{Guid.NewGuid():N}@demo.guanxi.cn", displayName = "角色", departmentId = await SalesDepartment(admin), roles = new[] { role }, password = "Lantern#Road42",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task Creating_an_account_with_bad_input_answers_per_field_and_changes_nothing()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/users?pageSize=1")).GetProperty("total").GetInt32();

        var response = await admin.PostAsJsonAsync("/api/users",
            new { email = "not-an-email", displayName = "", departmentId = Guid.NewGuid(), roles = new[] { "Boss" }, password = "12345678" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "email", "displayName", "departmentId", "roles", "password" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Contains("常见", errors.GetProperty("password")[0].GetString());
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/api/users?pageSize=1")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_same_e_mail_cannot_open_two_accounts()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email = "sales@demo.guanxi.cn", displayName = "重复", departmentId = await SalesDepartment(admin), roles = new[] { "SalesConsultant" }, password = "Lantern#Road42",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Concurrent_edits_do_not_overwrite_each_other()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var staff = await CreateStaff(admin, $"twice.{Guid.NewGuid():N}@demo.guanxi.cn");
        var read = await admin.GetAsync($"/api/users/{staff.Id}");
        var etag = read.Headers.ETag!.Tag;

        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/users/{staff.Id}")
        {
            Content = JsonContent.Create(new { displayName = "第一位", departmentId = staff.DepartmentId, roles = staff.Roles, isActive = true }),
        };
        first.Headers.IfMatch.ParseAdd(etag);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(first)).StatusCode);

        using var second = new HttpRequestMessage(HttpMethod.Put, $"/api/users/{staff.Id}")
        {
            Content = JsonContent.Create(new { displayName = "第二位", departmentId = staff.DepartmentId, roles = staff.Roles, isActive = true }),
        };
        second.Headers.IfMatch.ParseAdd(etag);   // read before the first edit
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(second)).StatusCode);
        Assert.Equal("第一位", (await admin.GetFromJsonAsync<StaffRow>($"/api/users/{staff.Id}"))!.DisplayName);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/users/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var email = $"gone.{Guid.NewGuid():N}@demo.guanxi.cn";
        var created = await CreateStaff(admin, email);
        var update = await admin.PutAsJsonAsync($"/api/users/{created.Id}", new
        {
            displayName = created.DisplayName, departmentId = created.DepartmentId, roles = created.Roles, isActive = false,
        });
        Assert.Equal(HttpStatusCode.PreconditionRequired, update.StatusCode);   // without the version read, nothing is overwritten
        update = await admin.PutAsJsonAsync($"/api/users/{created.Id}", new
        {
            displayName = created.DisplayName, departmentId = created.DepartmentId, roles = created.Roles, isActive = false, version = await Version(admin, created.Id),
        });
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = "Lantern#Road42" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Departments_keep_the_company_branch_department_tree()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var sales = await SalesDepartment(admin);
        var under = await admin.PostAsJsonAsync("/api/departments", new { name = "展厅组", kind = "Department", parentId = sales });
        Assert.Equal(HttpStatusCode.BadRequest, under.StatusCode);
        Assert.True((await under.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("parentId", out _));

        var delete = await admin.DeleteAsync($"/api/departments/{sales}");
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);   // it has staff

        var departments = await admin.GetFromJsonAsync<List<DepartmentRow>>("/api/departments", Json.Options);
        var company = departments!.Single(d => d.ParentId is null);
        var created = await admin.PostAsJsonAsync("/api/departments", new { name = "二手车部", kind = "Department", parentId = company.Id });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<IdBody>())!.Id;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/departments/{id}")).StatusCode);
    }

    internal static async Task<Guid> SalesDepartment(HttpClient admin)
    {
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/users?search=sales.manager@demo.guanxi.cn");
        return me.GetProperty("items")[0].GetProperty("departmentId").GetGuid();
    }

    /// <summary>The account's version as read now (a sign-in or a two-factor change moves it).</summary>
    internal static async Task<string> Version(HttpClient admin, string id) => (await admin.GetFromJsonAsync<StaffRow>($"/api/users/{id}"))!.Version;

    internal static async Task<StaffRow> CreateStaff(HttpClient admin, string email, string role = "SalesConsultant")
    {
        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            email, displayName = "测试员工", departmentId = await SalesDepartment(admin), roles = new[] { role }, password = "Lantern#Road42",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StaffRow>())!;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountsApiTests_Sqlite(SqliteApp app) : AccountsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountsApiTests_Postgres(PostgresApp app) : AccountsApiTests(app);
