using System.Diagnostics;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Bench;

/// <summary>
/// Audit history at scale: every change of every customer, order and survey lands in AuditEntries, so the history tab
/// and GET /api/audit must stay fast when the table holds millions of rows. This measures ListAudit (EF projection)
/// against the raw SQL doing the same work, in the same process, on the same database.
/// </summary>
internal static class AuditBench
{
    /// <summary>The history's text as the app gives it, in the default language.</summary>
    internal static AuditText Text(GuanxiDbContext db) => new(db,
        new Microsoft.Extensions.Localization.StringLocalizer<Guanxi.Web.SharedResource>(new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions { ResourcesPath = "Resources" }),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)),
        new Guanxi.Web.Shared.Formatter(new Guanxi.Domain.Common.EnterpriseClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))));

    private const int Keys = 100_000;

    public static async Task Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        var queries = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300;
        var file = Path.Combine(Path.GetTempPath(), $"guanxi-bench-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={file}";
        var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), DatabaseProvider.Sqlite, connectionString, [new Guanxi.Web.Features.Customers.CustomerSearchInterceptor()]).Options;

        try
        {
            await using (var db = new GuanxiDbContext(options))
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                await db.Database.MigrateAsync();
            }
            var load = Stopwatch.StartNew();
            await Seed(connectionString, rows);
            Console.WriteLine($"seeded {rows:N0} audit rows over {Keys:N0} records in {load.Elapsed.TotalSeconds:F1} s");

            var random = new Random(20261122);
            var keys = Enumerable.Range(0, queries).Select(_ => KeyOf(random.Next(Keys))).ToArray();

            var ef = await Measure("ListAudit (EF)", keys, async key =>
            {
                await using var db = new GuanxiDbContext(options);
                return (await new ListAudit(db, Text(db)).Handle(new AuditQuery(Entity: "Customer", Key: key, PageSize: 50))).Items.Count;
            });
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var raw = await Measure("raw SQL", keys, async key =>
            {
                await using var count = connection.CreateCommand();
                count.CommandText = """SELECT COUNT(*) FROM "AuditEntries" WHERE "Entity" = 'Customer' AND "Key" = $k""";
                count.Parameters.AddWithValue("$k", key);
                await count.ExecuteScalarAsync();
                await using var page = connection.CreateCommand();
                page.CommandText = """
                    SELECT "Id","At","UserId","UserName","Entity","Key","Action","Field","OldValue","NewValue" FROM "AuditEntries"
                    WHERE "Entity" = 'Customer' AND "Key" = $k ORDER BY "At" DESC, "Id" DESC LIMIT 50
                    """;
                page.Parameters.AddWithValue("$k", key);
                await using var reader = await page.ExecuteReaderAsync();
                var n = 0;
                while (await reader.ReadAsync())
                    n++;
                return n;
            });
            Console.WriteLine($"EF / raw (median): {ef / raw:F2}x");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(path);
        }
    }

    private static string KeyOf(int i) => $"0190{i:D8}-0000-7000-8000-000000000000";

    internal static async Task<double> Measure(string name, string[] keys, Func<string, Task<int>> query)
    {
        for (var i = 0; i < 20; i++)
            await query(keys[i]);   // warm-up
        var times = new List<double>(keys.Length);
        var found = 0;
        foreach (var key in keys)
        {
            var watch = Stopwatch.StartNew();
            found += await query(key);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double P(double q) => times[(int)Math.Min(times.Count - 1, q * times.Count)];
        Console.WriteLine($"{name,-16} median {P(0.5):F3} ms  p95 {P(0.95):F3} ms  ({keys.Length} queries, {found} rows)");
        return P(0.5);
    }

    private static async Task Seed(string connectionString, int rows)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "AuditEntries" ("ChangeId","At","UserId","UserName","Entity","Key","Action","Field","OldValue","NewValue")
            VALUES ($c, $at, 'bench', '基准', 'Customer', $k, 'Update', $f, $o, $n)
            """;
        string[] names = ["$c", "$at", "$k", "$f", "$o", "$n"];
        var p = names.Select(n => insert.Parameters.Add(n, n == "$at" ? SqliteType.Integer : SqliteType.Text)).ToArray();
        insert.Prepare();
        string[] fields = ["Name", "Mobile", "Owner", "Tier", "Address", "Notes"];
        var random = new Random(7);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        for (var i = 0; i < rows; i++)
        {
            p[0].Value = Guid.CreateVersion7().ToString();
            p[1].Value = start + (long)i * TimeSpan.TicksPerMinute;
            p[2].Value = KeyOf(random.Next(Keys));
            p[3].Value = fields[i % fields.Length];
            p[4].Value = "旧值 " + i;
            p[5].Value = "新值 " + i;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
