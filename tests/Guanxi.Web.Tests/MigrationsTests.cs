using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Tests;

/// <summary>A model change without a migration for either provider fails here, before it fails a deployment.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=unused")]
    public void The_migrations_match_the_model(DatabaseProvider provider, string connectionString)
    {
        var options = DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), provider, connectionString).Options;
        using var db = new GuanxiDbContext((DbContextOptions<GuanxiDbContext>)options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changed without a {provider} migration: add one (see README).");
    }
}
