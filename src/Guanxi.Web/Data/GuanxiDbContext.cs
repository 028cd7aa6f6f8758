using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Data;

/// <summary>The one database context. Each feature maps its own entities in its *Configuration.cs files.</summary>
public sealed class GuanxiDbContext(DbContextOptions<GuanxiDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    /// <summary>
    /// Runs a big read on a second context with a connection of its own, alongside this context's work (never inside
    /// its transaction, whose writes it would not see): SQLite's async calls run synchronously, hence the thread.
    /// </summary>
    public Task<T> ReadBeside<T>(Func<GuanxiDbContext, Task<T>> read, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        await using var side = new GuanxiDbContext(options);
        return await read(side);
    }, cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GuanxiDbContext).Assembly);
        foreach (var part in DatabaseModelParts)
            part.Configure(builder, Database);
    }

    private static readonly IDatabaseModelPart[] DatabaseModelParts = [.. typeof(GuanxiDbContext).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDatabaseModelPart).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IDatabaseModelPart)Activator.CreateInstance(t)!)];

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store instants as UTC ticks there (PostgreSQL keeps timestamptz).
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        // Money: SQLite has no decimal type (EF would store text, which neither sums nor sorts); keep whole cents there.
        if (Database.IsSqlite())
            configurationBuilder.Properties<decimal>().HaveConversion<DecimalToCentsConverter>();
        else
            configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        // Why a job ran (who did something, issue 21): stored by name, like every enum.
        configurationBuilder.Properties<Domain.Common.ActorCause>().HaveConversion<string>().HaveMaxLength(24);
    }
}
