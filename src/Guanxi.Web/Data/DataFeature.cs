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

    /// <summary>
    /// Applies the migrations; SQLite gets write-ahead logging (foreign keys are on by EF Core's default). Says on the
    /// console which database it uses, and whether it creates or upgrades it (issue 22: a first start that talks); an
    /// existing database up to date is one line.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataFeature));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var where = Where(db);
        // The history table first: otherwise PostgreSQL's first start logs the failed reads of a table not yet there as errors.
        await Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>(db).CreateIfNotExistsAsync(cancellationToken);
        var fresh = !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
        var pending = await Migrate(db, scope.ServiceProvider.GetServices<IMigrationStep>(), count =>
        {
            if (fresh)
                logger.LogInformation("正在创建数据库 {Database}（{Count} 个迁移）/ Creating the database {DatabaseEn} ({CountEn} migrations)", where, count, where, count);
            else
                logger.LogInformation("正在升级数据库 {Database}（{Count} 个新迁移）/ Upgrading the database {DatabaseEn} ({CountEn} new migrations)", where, count, where, count);
        }, cancellationToken);
        if (pending == 0)
            logger.LogInformation("使用现有数据库 {Database} / Using the existing database {DatabaseEn}", where, where);
        else
            logger.LogInformation("数据库已就绪，用时 {Seconds} 秒 / The database is ready, in {SecondsEn} s", (int)Math.Round(watch.Elapsed.TotalSeconds), (int)Math.Round(watch.Elapsed.TotalSeconds));
    }

    /// <summary>The database as the console names it: SQLite's file, or PostgreSQL's database and server (never the credentials).</summary>
    private static string Where(GuanxiDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        return db.Database.IsSqlite() ? connection.DataSource : $"{connection.Database} @ {connection.DataSource}";
    }

    /// <summary>The migrations, then what a migration cannot do in SQL: the features' <see cref="IMigrationStep"/>s that are due. Returns how many migrations were pending.</summary>
    public static Task<int> MigrateAsync(GuanxiDbContext db, IEnumerable<IMigrationStep> steps, CancellationToken cancellationToken = default) =>
        Migrate(db, steps, null, cancellationToken);

    /// <param name="starting">Told how many migrations are pending, before they run (none: not told).</param>
    private static async Task<int> Migrate(GuanxiDbContext db, IEnumerable<IMigrationStep> steps, Action<int>? starting, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var due = steps.Where(s => s.Due(pending)).ToList();
        if (pending.Count > 0)
            starting?.Invoke(pending.Count);
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var step in due)
            await step.Run(db, cancellationToken);
        return pending.Count;
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
