using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanxi.Web.Tests;

/// <summary>SEC-3: the handlers behind staff accounts, departments and the audit logs check their caller themselves, as a page calls them — not only the endpoint's policy.</summary>
public abstract class AccountHandlerTests(GuanxiApp app)
{
    [Fact]
    public async Task SEC_3_account_and_audit_handlers_refuse_a_caller_who_is_not_an_administrator_and_change_nothing()
    {
        app.EnsureAvailable();
        var email = $"refused.{Guid.NewGuid():N}@demo.guanxi.cn";
        Guid department;
        string someone;
        await using (var scope = await app.ScopeAs(null))
        {
            var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
            department = await db.Set<Department>().Select(d => d.Id).FirstAsync();
            someone = await db.Users.Where(u => u.Email == "sales@demo.guanxi.cn").Select(u => u.Id).SingleAsync();
        }
        foreach (var caller in new[] { "cs.manager@demo.guanxi.cn", "gm@demo.guanxi.cn", "hr@demo.guanxi.cn" })
        {
            await using var scope = await app.ScopeAs(caller);
            Assert.Equal(ErrorKind.Forbidden, await GuanxiApp.Refusal<ListStaff, Page<StaffRow>>(scope, h => h.Handle(new StaffQuery())));
            Assert.Equal(ErrorKind.Forbidden, await GuanxiApp.Refusal<ListStaff, StaffRow>(scope, h => h.One(someone)));
            Assert.Equal(ErrorKind.Forbidden, await GuanxiApp.Refusal<ListRoles, IReadOnlyList<RoleRow>>(scope, h => h.Handle()));
            Assert.Equal(ErrorKind.Forbidden, await GuanxiApp.Refusal<ListSignIns, Page<SignInRow>>(scope, h => h.Handle(new SignInQuery())));
            Assert.Equal(ErrorKind.Forbidden, await GuanxiApp.Refusal<ListPersonalDataAccess, Page<PersonalDataAccessRow>>(scope, h => h.Handle(null, null, null)));
            Assert.Equal(ErrorKind.Forbidden, await GuanxiApp.Refusal<CreateStaff, string>(scope,
                h => h.Handle(new CreateStaffRequest(email, "越权创建", department, ["Administrator"], "Guanxi#2026-refused"))));
            Assert.Equal(ErrorKind.Forbidden, await GuanxiApp.Refusal<UpdateStaff, string>(scope,
                h => h.Handle(someone, new UpdateStaffRequest("改名", department, ["Administrator"], Version: "x"))));
            Assert.Equal(ErrorKind.Forbidden, await GuanxiApp.Refusal<SetStaffPassword, bool>(scope, h => h.Handle(someone, new SetPasswordRequest("Guanxi#2026-refused"))));
            Assert.Equal(ErrorKind.Forbidden, await GuanxiApp.Refusal<SaveDepartment, Guid>(scope, h => h.Handle(department, new SaveDepartmentRequest("改名", default, null))));
            Assert.Equal(ErrorKind.Forbidden, await GuanxiApp.Refusal<DeleteDepartment, bool>(scope, h => h.Handle(department)));
        }
        await using (var scope = await app.ScopeAs("admin@demo.guanxi.cn"))
        {
            Assert.Null(await GuanxiApp.Refusal<ListStaff, StaffRow>(scope, h => h.One(someone)));
            Assert.Null(await GuanxiApp.Refusal<ListRoles, IReadOnlyList<RoleRow>>(scope, h => h.Handle()));
            Assert.Null(await GuanxiApp.Refusal<ListSignIns, Page<SignInRow>>(scope, h => h.Handle(new SignInQuery(PageSize: 1))));
            var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.Email == email));
            Assert.DoesNotContain("Administrator", (await scope.ServiceProvider.GetRequiredService<ListStaff>().One(someone)).Value!.Roles);   // the refused change changed nothing
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountHandlerTests_Sqlite(SqliteApp app) : AccountHandlerTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountHandlerTests_Postgres(PostgresApp app) : AccountHandlerTests(app);
