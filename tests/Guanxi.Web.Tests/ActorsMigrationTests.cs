using Guanxi.Web.Data;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Guanxi.Web.Tests;

/// <summary>
/// Migration ActorsById (issue 21, item 4) on a database written by the version before: names become staff ids — as
/// written, or without the cause the app glued on, which becomes the cause — "系统" and "演示数据" the system's id, and a
/// name no one (or more than one member of staff) has becomes the system's id with the text kept. The history, append-only,
/// is left as written.
/// </summary>
public sealed class ActorsMigrationTests
{
    private const string Before = "SurveyConcurrencyTokens";

    /// <summary>The migration under test: later ones are not run over the rows without their customers (a later table rebuild would check their keys).</summary>
    private const string Migration = "ActorsById";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ARC_3_who_did_something_is_read_by_name_into_ids_and_nothing_is_lost(DatabaseProvider provider)
    {
        var server = Environment.GetEnvironmentVariable(PostgresApp.ServerVariable);
        Assert.SkipWhen(provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(server), "PostgreSQL is not available here (GUANXI_TEST_POSTGRES).");
        var (connectionString, drop) = provider == DatabaseProvider.Sqlite ? Sqlite() : await Postgres(server!);
        try
        {
            await using var db = new GuanxiDbContext((DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), provider, connectionString).Options);
            await db.GetService<IMigrator>().MigrateAsync(Before);
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF;" : "SET session_replication_role = replica;");   // rows without their customers, also while migrating
            var (li, wang, zhang1, zhang2) = ("u-li", "u-wang", "u-zhang-1", "u-zhang-2");
            foreach (var (id, name) in new[] { (li, "李伟丹"), (wang, "王芳"), (zhang1, "张伟"), (zhang2, "张伟") })
                await Insert(db, "AspNetUsers", new() { ["Id"] = id, ["DisplayName"] = name });
            await Insert(db, "TierChanges", new() { ["Id"] = 1, ["By"] = "李伟丹" });
            await Insert(db, "TierChanges", new() { ["Id"] = 2, ["By"] = "系统（夜间重算）" });
            await Insert(db, "StageChanges", new() { ["Id"] = 1, ["By"] = "李伟丹（订单）", ["ChurnRecordedBy"] = "离职员工" });
            await Insert(db, "StageChanges", new() { ["Id"] = 2, ["By"] = "王芳（修改生命周期设置）", ["ChurnRecordedBy"] = null });
            await Insert(db, "CreditChanges", new() { ["Id"] = 1, ["By"] = "离职员工（订单）" });
            await Insert(db, "ReviewCycles", new() { ["Number"] = 1, ["OpenedBy"] = "演示数据" });
            var (ambiguous, open) = (Guid.NewGuid(), Guid.NewGuid());
            await Insert(db, "CustomerTasks", new() { ["Id"] = ambiguous, ["DoneBy"] = "张伟" });
            await Insert(db, "CustomerTasks", new() { ["Id"] = open, ["DoneBy"] = null });
            var (byPerson, nightly) = (Guid.NewGuid(), Guid.NewGuid());
            await Insert(db, "JobRuns", new() { ["Id"] = byPerson, ["UserId"] = wang, ["StartedBy"] = "王芳" });
            await Insert(db, "JobRuns", new() { ["Id"] = nightly, ["UserId"] = null, ["StartedBy"] = "系统（夜间重算）" });
            await Insert(db, "AuditEntries", new() { ["Id"] = 1, ["UserId"] = null, ["UserName"] = null });
            await Insert(db, "AuditEntries", new() { ["Id"] = 2, ["UserId"] = li, ["UserName"] = "李伟丹的旧名" });
            var change = Guid.NewGuid();
            await Insert(db, "QuestionnaireChanges", new() { ["Id"] = change, ["RequestedBy"] = "王芳", ["VpAgreedBy"] = "副总（已离职）", ["RefusedBy"] = null });

            await db.GetService<IMigrator>().MigrateAsync(Migration);

            Assert.Equal($"{li}|∅|∅", await Row(db, "TierChanges", "By", 1));
            Assert.Equal("system|Nightly|∅", await Row(db, "TierChanges", "By", 2));
            Assert.Equal($"{li}|Orders|∅", await Row(db, "StageChanges", "By", 1));
            Assert.Equal($"{wang}|LifecycleSettings|∅", await Row(db, "StageChanges", "By", 2));
            Assert.Equal("system|离职员工", await Row(db, "StageChanges", "ChurnRecordedBy", 1, cause: false));
            Assert.Equal("∅|∅", await Row(db, "StageChanges", "ChurnRecordedBy", 2, cause: false));
            Assert.Equal("system|Orders|离职员工（订单）", await Row(db, "CreditChanges", "By", 1));   // the cause read, the text kept whole
            Assert.Equal("system|Demo|∅", await Row(db, "ReviewCycles", "OpenedBy", 1, keyColumn: "Number"));
            Assert.Equal("system|张伟", await Row(db, "CustomerTasks", "DoneBy", ambiguous, cause: false));   // two have that name: no one is guessed
            Assert.Equal("∅|∅", await Row(db, "CustomerTasks", "DoneBy", open, cause: false));
            Assert.Equal($"{wang}|∅|∅", await Row(db, "JobRuns", "StartedBy", byPerson, id: "UserId"));
            Assert.Equal("system|Nightly|∅", await Row(db, "JobRuns", "StartedBy", nightly, id: "UserId"));
            // The history is append-only: left as written (an id is named as today when shown; a row without one is the system's).
            Assert.Equal(["∅|∅", $"{li}|李伟丹的旧名"], await db.Database.SqlQuery<string>($"""SELECT COALESCE("UserId", '∅') || '|' || COALESCE("UserName", '∅') AS "Value" FROM "AuditEntries" ORDER BY "Id" """).ToListAsync());
            Assert.Equal($"{wang}|∅", await Row(db, "QuestionnaireChanges", "RequestedBy", change, cause: false));
            Assert.Equal("system|副总（已离职）", await Row(db, "QuestionnaireChanges", "VpAgreedBy", change, cause: false));
            Assert.Equal("∅|∅", await Row(db, "QuestionnaireChanges", "RefusedBy", change, cause: false));
            Assert.False(await db.Database.SqlQueryRaw<int>(provider == DatabaseProvider.Sqlite
                ? """SELECT count(*) AS "Value" FROM pragma_table_info('TierChanges') WHERE name = 'By'"""
                : """SELECT count(*)::int AS "Value" FROM information_schema.columns WHERE table_name = 'TierChanges' AND column_name = 'By'""").SingleAsync() > 0);
        }
        finally
        {
            await drop();
        }
    }

    /// <summary>The id, the cause (when the field has one) and the kept text of a row, "∅" for null.</summary>
    private static Task<string> Row(GuanxiDbContext db, string table, string field, object key, string? id = null, bool cause = true, string keyColumn = "Id")
    {
        var sql = $"""SELECT COALESCE("{id ?? field + "Id"}", '∅'){(cause ? $" || '|' || COALESCE(\"{field}Cause\", '∅')" : "")} || '|' || COALESCE("{field}Text", '∅') AS "Value" FROM "{table}" WHERE "{keyColumn}" = """ + "{0}";
        return db.Database.SqlQueryRaw<string>(sql, key is Guid g && db.Database.IsSqlite() ? g.ToString().ToUpperInvariant() : key).SingleAsync();
    }

    /// <summary>A row with the values given, and a plain value in every other column that needs one (the test reads only who).</summary>
    private static async Task Insert(GuanxiDbContext db, string table, Dictionary<string, object?> values)
    {
        var sqlite = db.Database.IsSqlite();
        var read = sqlite
            ? """SELECT name AS "Name", type AS "Type", "notnull" = 1 AND dflt_value IS NULL AND NOT (pk = 1 AND type = 'INTEGER') AS "Needed" FROM pragma_table_info({0})"""
            : """
                SELECT column_name::text AS "Name", udt_name::text AS "Type", (is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO') AS "Needed"
                FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = {0}
                """;
        var columns = await db.Database.SqlQueryRaw<Column>(read, table).ToListAsync();
        var row = columns.Where(c => values.ContainsKey(c.Name) || c.Needed).Select(c => (c.Name, c.Type, Value: values.TryGetValue(c.Name, out var v) ? v : Plain(c.Type, sqlite))).ToList();
        var parameters = row.Where(c => c.Value is not null)
            .Select(c => sqlite ? c.Value is Guid g ? g.ToString().ToUpperInvariant() : c.Value! : Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture)!).ToList();
        var next = 0;
        var placeholders = row.Select(c => c.Value is null ? "NULL" : sqlite ? $"{{{next++}}}" : $"CAST({{{next++}}} AS {c.Type})").ToList();
        var sql = $"""INSERT INTO "{table}" ({string.Join(", ", row.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", placeholders)})""";
        await db.Database.ExecuteSqlRawAsync(sql, parameters);
    }

    private static object Plain(string type, bool sqlite) => sqlite
        ? type switch { "INTEGER" => 0, "REAL" => 0.0, "BLOB" => Array.Empty<byte>(), _ => Guid.NewGuid().ToString() }
        : type switch
        {
            "uuid" => Guid.NewGuid(), "int2" or "int4" or "int8" or "numeric" or "float4" or "float8" => 0, "bool" => false,
            "timestamptz" or "timestamp" => "2026-01-01T00:00:00Z", "date" => "2026-01-01", "jsonb" or "json" => "[]", _ when type.StartsWith('_') => "{}",
            _ => "1",   // fits every length
        };

    private sealed record Column(string Name, string Type, bool Needed);

    private static (string, Func<Task>) Sqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"guanxi-actors-{Guid.NewGuid():N}.db");
        return ($"Data Source={file}", () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
            return Task.CompletedTask;
        });
    }

    private static async Task<(string, Func<Task>)> Postgres(string server)
    {
        var name = $"guanxi_actors_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return (new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
