using Guanxi.Web.Shared.Auth;
using Guanxi.Domain.Accounts;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Accounts;

/// <summary>
/// A real enterprise starts without the demo (Demo:Seed=false): on an empty database the first administrator and the
/// company unit come from Bootstrap:AdminEmail, Bootstrap:AdminPassword and Bootstrap:CompanyName.
/// </summary>
public static class FirstAdministrator
{
    public static async Task CreateFirstAdministratorAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<GuanxiDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
            return;
        var settings = provider.GetRequiredService<IConfiguration>().GetSection("Bootstrap");
        var logger = provider.GetRequiredService<ILogger<StaffUser>>();
        var (email, password) = (settings["AdminEmail"], settings["AdminPassword"]);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            logger.LogWarning("The database has no staff: set Bootstrap__AdminEmail and Bootstrap__AdminPassword to create the first administrator.");
            return;
        }

        var company = await db.Set<Department>().FirstOrDefaultAsync(d => d.ParentId == null, cancellationToken);
        if (company is null)
        {
            company = Department.Create(settings["CompanyName"] ?? "本公司", DepartmentKind.Company, null).Value!;
            db.Add(company);
            await db.SaveChangesAsync(cancellationToken);
        }
        var created = await provider.GetRequiredService<CreateStaff>().ForStartUp(
            new CreateStaffRequest(email, settings["AdminName"] ?? "系统管理员", company.Id, [Role.Administrator.Name()], password), cancellationToken);
        if (created.Succeeded)
            logger.LogInformation("Created the first administrator {Email}.", email);
        else
            logger.LogError("Could not create the first administrator {Email}: {Errors}", email, string.Join(" ", created.Errors.Select(e => e.MessageEn)));
    }
}
