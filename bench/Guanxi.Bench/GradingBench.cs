using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Grading;
using Guanxi.Web.Features.Orders;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Bench;

/// <summary>
/// Issue 4 nightly recompute, 80/20 report and structure report on SQLite at scale: customers and orders generated in
/// SQL, then one hand-written aggregate over the same orders (the baseline), the full grading recompute (the first run moves most
/// customers out of "ordinary", the second is a normal night), the 80/20 report of the grading period, and the
/// structure report's counting (GRD-5) from the recompute and from the orders.
/// </summary>
internal static class GradingBench
{
    public static async Task Run(string[] args)
    {
        var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var orders = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : customers * 10;
        // GUANXI_BENCH_DB keeps the generated database at that path, and reuses it when it is there (generating 10M orders takes minutes).
        var kept = Environment.GetEnvironmentVariable("GUANXI_BENCH_DB");
        var folder = Directory.CreateTempSubdirectory("guanxi-grading-bench-").FullName;
        Console.WriteLine($"{Environment.ProcessorCount} cores; {customers:N0} customers, {orders:N0} orders");
        try
        {
            var database = kept ?? Path.Combine(folder, "app.db");
            var reuse = File.Exists(database);
            var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), DatabaseProvider.Sqlite, $"Data Source={database}").Options;
            ClaimsPrincipal admin;
            await using (var db = new GuanxiDbContext(options))
                admin = reuse ? await BenchAdmin.Existing(db) : (await BenchAdmin.Create(db)).Admin;
            var watch = Stopwatch.StartNew();
            if (!reuse)
            {
                await Generate(database, customers, orders);
                Console.WriteLine($"   generated in {watch.Elapsed.TotalSeconds:F0} s");
            }

            var clock = new EnterpriseClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(EnterpriseClock.DefaultTimeZone));
            watch.Restart();
            var groups = await Baseline(database, Guanxi.Domain.Grading.GradingPolicy.Default.PeriodStart(clock.Today));
            var baseline = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"   hand-written aggregate SQL: {groups:N0} customers in {baseline:F1} s");
            // The night (RecomputeNight, step by step to time each): the first after the import judges everyone; the next day,
            // with a day's new orders and a day's orders falling out of the period, is a normal night.
            await Night("first night, everyone judged", TimeProvider.System);
            var tomorrow = new Shifted(TimeSpan.FromDays(1));
            var fresh = Math.Max(1, orders / 730);
            await using (var connection = new SqliteConnection($"Data Source={database};Foreign Keys=False"))
            {
                await connection.OpenAsync();
                await Orders(connection, orders, fresh, customers, "'+1 day'");
            }
            await Night($"the next day, {fresh:N0} new orders", tomorrow);
            await Night("the same day again, nothing new", tomorrow);
            watch.Restart();
            await Baseline(database, Guanxi.Domain.Grading.GradingPolicy.Default.PeriodStart(clock.Today));
            Console.WriteLine($"   hand-written aggregate SQL again: {watch.Elapsed.TotalSeconds:F1} s");

            async Task Night(string label, TimeProvider time)
            {
                await using var db = new GuanxiDbContext(options);
                var settings = new EnterpriseSettings(db, time);
                var day = new EnterpriseClock(time, clock.Zone);
                var (lifecycle, credit) = OrdersBench.Judges(db, time);
                var grades = new RecomputeGrades(db, settings, day, time, new Guanxi.Web.Features.Notifications.Notifier(db, time));
                var total = Stopwatch.StartNew();
                watch.Restart();
                var facts = await CustomerFacts.Read(db, settings, day.Today, null, CancellationToken.None);
                var read = watch.Elapsed.TotalSeconds;
                watch.Restart();
                var staged = await lifecycle.Handle("bench", facts: facts);
                var staging = watch.Elapsed.TotalSeconds;
                watch.Restart();
                var rated = await credit.Handle("bench", facts: facts);
                var rating = watch.Elapsed.TotalSeconds;
                watch.Restart();
                var graded = await grades.Handle("bench", facts: facts);
                Console.WriteLine($"   night ({label}): {total.Elapsed.TotalSeconds:F1} s = {total.Elapsed.TotalSeconds / baseline:F1}x the aggregate — facts {read:F1} s, "
                    + $"lifecycle {staging:F1} s ({staged.Changed:N0} changed), credit {rating:F1} s ({rated.Changed:N0} changed), grades {watch.Elapsed.TotalSeconds:F1} s ({graded.Changed:N0} changed tier)");
            }
            var current = new CurrentUser(new HttpContextAccessor());
            current.Use(admin);
            for (var run = 1; run <= 3; run++)
            {
                await using var db = new GuanxiDbContext(options);
                watch.Restart();
                var report = await new ParetoReport(db, new CustomerViewers(db, current), new EnterpriseSettings(db, TimeProvider.System), clock).Handle(null, null);
                Console.WriteLine($"   pareto #{run}: {report.Value!.Customers:N0} customers, top 20% = {report.Value.Top20ProfitShare:P1} in {watch.Elapsed.TotalMilliseconds:N0} ms");
            }
            // GRD-5: the page's first view reads the grading period from the recompute; a chosen period sums its orders.
            foreach (var fromGrades in new[] { true, true, false })
            {
                await using var db = new GuanxiDbContext(options);
                watch.Restart();
                var parts = await StructureFacts.Read(db, 0.15m, clock.Today.AddMonths(-12).AddDays(1), clock.Today, fromGrades, null, CancellationToken.None);
                Console.WriteLine($"   structure ({(fromGrades ? "grading period" : "orders of a period")}): {parts[StructureDimension.Tier].Sum(p => p.Count):N0} customers in {parts.Values.Sum(p => p.Count):N0} parts of 9 dimensions in {watch.Elapsed.TotalSeconds:F1} s = {watch.Elapsed.TotalSeconds / baseline:F1}x the aggregate");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Rows straight into the app's tables (every NOT NULL column given a value of its type), orders over two years, 15% without a cost.</summary>
    private static async Task Generate(string database, int customers, int orders)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Foreign Keys=False");
        await connection.OpenAsync();
        var (owner, department) = (await Scalar(connection, "SELECT \"Id\" FROM \"AspNetUsers\""), await Scalar(connection, "SELECT \"Id\" FROM \"Departments\""));
        await Fill(connection, "Customers", customers, new()
        {
            ["Id"] = "printf('%08X-0000-7000-8000-000000000000', i)", ["Name"] = "'客户' || i", ["Type"] = "'Person'", ["Status"] = "'Active'", ["Tier"] = "'Ordinary'",
            ["OwnerId"] = $"'{owner}'", ["DepartmentId"] = $"'{department}'", ["Version"] = "printf('%08X-0000-4000-8000-%012X', i, i)", ["Phones"] = "'[]'",
            ["Emails"] = "'[]'", ["Contacts"] = "'[]'", ["Gender"] = "'Unknown'",
            // GRD-5's dimensions: 20 industries, a size on one in eight, 31 provinces × 10 cities, a potential on one in ten.
            ["Industry"] = "'行业' || (i % 20)", ["Size"] = "CASE WHEN i % 8 = 0 THEN '中型' END", ["Potential"] = "CASE WHEN i % 10 = 0 THEN i % 101 END",
            ["Addresses"] = "'[{\"province\":\"省' || (i % 31) || '\",\"city\":\"市' || (i % 310) || '\",\"district\":null,\"street\":null}]'",
        });
        await Orders(connection, 0, orders, customers, Day);
    }

    /// <summary>The clock of a later day.</summary>
    private sealed class Shifted(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }

    /// <summary>Orders <paramref name="after"/>+1 … <paramref name="after"/>+<paramref name="count"/>, each on the day <paramref name="day"/> gives (SQLite date modifier of i).</summary>
    private static async Task Orders(SqliteConnection connection, int after, int count, int customers, string day)
    {
        var department = await Scalar(connection, "SELECT \"Id\" FROM \"Departments\"");
        await Fill(connection, "Orders", count, new()
        {
            ["Id"] = $"printf('%08X-0001-7000-8000-%012X', i + {after}, i + {after})", ["Kind"] = "CASE WHEN i % 5 = 0 THEN 'Sale' ELSE 'Service' END", ["ExternalNo"] = $"'B' || (i + {after})",
            ["VehicleModel"] = "CASE WHEN i % 5 = 0 THEN '车型' || (i % 40) END",
            ["CustomerId"] = $"printf('%08X-0000-7000-8000-000000000000', (abs(random()) % {customers}) + 1)",
            ["DepartmentId"] = $"'{department}'", ["OrderedAt"] = $"date('now', {day})", ["Items"] = "'[]'",
            // ARC-5: a sale is paid in two instalments, the second a month after the order: one in 40 unpaid, one in 10 paid late.
            ["Payments"] = $"CASE WHEN i % 5 = 0 THEN json_array(json_object('dueAt', date('now', {day}), 'paidAt', date('now', {day}), 'amount', 100), "
                + $"json_object('dueAt', date('now', {day}, '+30 days'), 'paidAt', CASE WHEN i % 40 = 0 THEN NULL WHEN i % 10 = 0 THEN date('now', {day}, '+45 days') ELSE date('now', {day}, '+30 days') END, 'amount', 100)) ELSE '[]' END",
            ["Instalments"] = "CASE WHEN i % 5 = 0 THEN 2 ELSE 0 END", ["PaidOnTime"] = "CASE WHEN i % 5 = 0 THEN CASE WHEN i % 10 = 0 THEN 1 ELSE 2 END ELSE 0 END",
            ["LastDueOn"] = $"CASE WHEN i % 5 = 0 THEN date('now', {day}, '+30 days') END",
            ["Outstanding"] = "CASE WHEN i % 40 = 0 THEN 10000 ELSE 0 END", ["UnpaidSince"] = $"CASE WHEN i % 40 = 0 THEN date('now', {day}, '+30 days') END",
            ["Amount"] = "1000 + abs(random()) % 5000000", ["Cost"] = "CASE WHEN i % 7 = 0 THEN NULL ELSE 850 + abs(random()) % 4000000 END",
            ["ReferrerId"] = $"CASE WHEN i % 50 = 0 THEN printf('%08X-0000-7000-8000-000000000000', (abs(random()) % {customers}) + 1) END",
            ["Version"] = $"printf('%08X-0001-4000-8000-%012X', i + {after}, i + {after})",
        });
    }

    /// <summary>Rows straight into a table of the app: the columns given, every other NOT NULL column a value of its type.</summary>
    private static async Task Fill(SqliteConnection connection, string table, int count, Dictionary<string, string> given)
    {
        var columns = new List<(string Name, string Value)>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                if (given.TryGetValue(name, out var value))
                    columns.Add((name, value));
                else if (reader.GetInt64(2) == 1 && reader.IsDBNull(3))
                    columns.Add((name, reader.GetString(1) == "INTEGER" ? "0" : "''"));
            }
        }
        await using var insert = connection.CreateCommand();
        insert.CommandTimeout = 0;
        insert.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) SELECT {string.Join(", ", columns.Select(c => c.Value))} FROM n
            """;
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>An order's day: spread over two years by its number, so that its instalments can name the same day.</summary>
    private const string Day = "'-' || ((i * 7919) % 730) || ' days'";

    private static async Task<string> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The baseline: the orders of the grading period summed per customer by one GROUP BY, every row read.</summary>
    private static async Task<int> Baseline(string database, DateOnly from)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = """
            SELECT "CustomerId", SUM("Amount"), COUNT(*), SUM("Amount" - COALESCE("Cost", 0)), MIN("OrderedAt"), MAX("OrderedAt")
            FROM "Orders" WHERE "OrderedAt" >= $from GROUP BY "CustomerId"
            """;
        command.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5));
            rows++;
        }
        return rows;
    }
}
