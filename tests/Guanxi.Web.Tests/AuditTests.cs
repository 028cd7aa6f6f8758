using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Tests;

/// <summary>ARC-3: every change is recorded with who, when, the old and the new value.</summary>
public abstract class AuditTests(GuanxiApp app)
{
    [Fact]
    public async Task ARC_3_changing_a_users_department_is_recorded_with_who_when_old_and_new()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var staff = await AccountsApiTests.CreateStaff(admin, $"move.{Guid.NewGuid():N}@demo.guanxi.cn");
        var departments = await admin.GetFromJsonAsync<List<Features.Accounts.DepartmentRow>>("/api/departments", Json.Options);
        var target = departments!.First(d => d.Name == "售后服务部");
        var before = TimeProvider.System.GetUtcNow().AddSeconds(-1);

        var update = await admin.PutAsJsonAsync($"/api/users/{staff.Id}", new
        {
            displayName = staff.DisplayName, departmentId = target.Id, roles = staff.Roles, isActive = true, version = staff.Version,
        });
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);

        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entity=StaffUser&key={staff.Id}&from={Uri.EscapeDataString(before.ToString("O"))}");
        var change = page.GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("field").GetString() == "DepartmentId" && r.GetProperty("action").GetString() == "update");
        Assert.Equal(staff.DepartmentId.ToString(), change.GetProperty("oldValue").GetString());
        Assert.Equal(target.Id.ToString(), change.GetProperty("newValue").GetString());
        Assert.Equal("update", change.GetProperty("action").GetString());
        var me = await admin.GetFromJsonAsync<Features.Accounts.MeView>("/api/me");
        Assert.Equal(me!.Id, change.GetProperty("userId").GetString());
        Assert.Equal(me.DisplayName, change.GetProperty("userName").GetString());
        Assert.InRange(change.GetProperty("at").GetDateTimeOffset(), before, TimeProvider.System.GetUtcNow().AddSeconds(1));
    }

    [Fact]
    public async Task The_audit_can_be_filtered_by_a_Beijing_time_range()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var staff = await AccountsApiTests.CreateStaff(admin, $"range.{Guid.NewGuid():N}@demo.guanxi.cn");
        var now = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        string Q(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O"));

        var inside = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?key={staff.Id}&from={Q(now.AddMinutes(-5))}&to={Q(now.AddMinutes(5))}");
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?key={staff.Id}&to={Q(now.AddMinutes(-5))}");
        var signIns = await admin.GetAsync($"/api/audit/sign-ins?from={Q(now.AddDays(-1))}");

        Assert.True(inside.GetProperty("total").GetInt32() > 0);
        Assert.Equal(0, before.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, signIns.StatusCode);
    }

    [Fact]
    public async Task ARC_3_role_changes_are_recorded_on_the_users_history()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var staff = await AccountsApiTests.CreateStaff(admin, $"role.{Guid.NewGuid():N}@demo.guanxi.cn");
        var update = await admin.PutAsJsonAsync($"/api/users/{staff.Id}", new
        {
            displayName = staff.DisplayName, departmentId = staff.DepartmentId, roles = new[] { "DepartmentManager" }, isActive = true, version = staff.Version,
        });
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);

        var rows = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entity=StaffUser&key={staff.Id}&pageSize=200"))
            .GetProperty("items").EnumerateArray().Where(r => r.GetProperty("field").GetString() == "Role").ToList();
        Assert.Contains(rows, r => r.GetProperty("action").GetString() == "delete" && r.GetProperty("oldValue").GetString() == "SalesConsultant");
        Assert.Contains(rows, r => r.GetProperty("action").GetString() == "insert" && r.GetProperty("newValue").GetString() == "DepartmentManager");
    }

    [Fact]
    public async Task ARC_3_secrets_stay_out_of_the_history()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var staff = await AccountsApiTests.CreateStaff(admin, $"secret.{Guid.NewGuid():N}@demo.guanxi.cn");
        var fields = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entity=StaffUser&key={staff.Id}&pageSize=200"))
            .GetProperty("items").EnumerateArray().Select(r => r.GetProperty("field").GetString()).ToList();
        Assert.Contains("DisplayName", fields);
        Assert.DoesNotContain("PasswordHash", fields);
        Assert.DoesNotContain("SecurityStamp", fields);
    }

    [Fact]
    public async Task ARC_3_the_history_is_append_only()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        await AccountsApiTests.CreateStaff(admin, $"append.{Guid.NewGuid():N}@demo.guanxi.cn");
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var entry = await db.Set<AuditEntry>().OrderBy(e => e.Id).FirstAsync();
            db.Entry(entry).Property(e => e.NewValue).CurrentValue = "forged";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            // Not even SQL can rewrite it: a trigger refuses.
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "NewValue" = 'forged'"""));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """));
            Assert.Equal(0, await db.Set<AuditEntry>().CountAsync(e => e.NewValue == "forged"));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditTests_Sqlite(SqliteApp app) : AuditTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditTests_Postgres(PostgresApp app) : AuditTests(app);
