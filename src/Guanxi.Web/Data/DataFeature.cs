using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guanxi.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the database from configuration: SQLite in data/guanxi.db by default, PostgreSQL when asked.</summary>
public static class DataFeature
{
    public const string SqliteMigrations = "Guanxi.Migrations.Sqlite";
    public const string PostgresMigrations = "Guanxi.Migrations.Postgres";

    public static WebApplicationBuilder AddGuanxiData(this WebApplicationBuilder builder)
    {
        LoadMigrationsBesideTheApp();
        var (provider, connectionString) = Database(builder);

        // Features register what every context runs on a save (the history, the search index): Data knows none of them.
        builder.Services.AddDbContext<GuanxiDbContext>((services, options) =>
            UseProvider(options, provider, connectionString!, services.GetServices<IInterceptor>()));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>The configured provider and its connection string (SQLite's file made absolute, its folder created).</summary>
    public static (DatabaseProvider Provider, string ConnectionString) Database(WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Guanxi");
        if (provider == DatabaseProvider.Sqlite)
            return (provider, SqliteConnectionString(connectionString, builder.Environment.ContentRootPath));
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Database__Provider=Postgres needs ConnectionStrings__Guanxi (Host=…;Database=…;Username=…;Password=…).");
        return (provider, connectionString);
    }

    /// <summary>
    /// The provider (SQLite tuned) and the features' interceptors. A context made outside the app (a bench, a tool) passes
    /// the interceptors it needs: the customer search index is kept in step only where one runs.
    /// </summary>
    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, IEnumerable<IInterceptor>? interceptors = null)
    {
        var features = interceptors?.ToArray() ?? [];
        return provider == DatabaseProvider.Postgres
            ? options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations)).AddInterceptors(features)
            : options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations)).AddInterceptors([.. features, Tuning]);
    }

    private static readonly SqliteTuning Tuning = new();

    /// <summary>Applies the migrations; SQLite gets write-ahead logging (foreign keys are on by EF Core's default).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<GuanxiDbContext>(), scope.ServiceProvider.GetServices<IMigrationStep>(), cancellationToken);
    }

    /// <summary>The migrations, then what a migration cannot do in SQL: the features' <see cref="IMigrationStep"/>s that are due.</summary>
    public static async Task MigrateAsync(GuanxiDbContext db, IEnumerable<IMigrationStep> steps, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var due = steps.Where(s => s.Due(pending)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var step in due)
            await step.Run(db, cancellationToken);
    }

    /// <summary>
    /// The migrations assemblies are copied beside Guanxi.Web.dll after its build (see Guanxi.Web.csproj) but are not
    /// in its deps.json, so the runtime would not find them by name: load them from the app's folder.
    /// </summary>
    private static void LoadMigrationsBesideTheApp() =>
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name is SqliteMigrations or PostgresMigrations && Path.Combine(AppContext.BaseDirectory, name.Name + ".dll") is var path && File.Exists(path)
                ? context.LoadFromAssemblyPath(path)
                : null;

    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/guanxi.db" : configured);
        if (csb.DataSource != ":memory:" && !Path.IsPathRooted(csb.DataSource))
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        if (Path.GetDirectoryName(csb.DataSource) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        csb.ForeignKeys = true;
        return csb.ToString();
    }
}
