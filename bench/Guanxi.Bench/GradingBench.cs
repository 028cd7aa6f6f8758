using System.Data.Common;
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
using Npgsql;

namespace Guanxi.Bench;

/// <summary>
/// Issue 4 at scale, on SQLite or PostgreSQL: customers and orders generated in SQL; one hand-written aggregate over the
/// same orders (the baseline); the night (<see cref="RecomputeNight"/>, step by step to time each: the first after the
/// import judges everyone, the next day with a day's new orders is a normal night); the 80/20 report; the structure
/// report's counting (GRD-5) from the recompute and from the orders.
/// GUANXI_BENCH_DB keeps the database (a file on SQLite, a database name on PostgreSQL) and reuses it when it is there:
/// generating 10M orders takes minutes. PostgreSQL: GUANXI_BENCH_POSTGRES is the server's connection string.
/// GUANXI_BENCH_ONLY=night leaves out the structure report.
/// </summary>
internal static class GradingBench
{
    public static async Task Run(string[] args)
    {
        var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var orders = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : customers * 10;
        var postgres = args.Length > 2 && args[2] == "postgres";
        var kept = Environment.GetEnvironmentVariable("GUANXI_BENCH_DB");
        var name = kept ?? (postgres ? $"guanxi_grading_{Guid.NewGuid():N}" : Path.Combine(Path.GetTempPath(), $"guanxi-grading-{Guid.NewGuid():N}.db"));
        var server = Environment.GetEnvironmentVariable("GUANXI_BENCH_POSTGRES");
        if (postgres && server is null)
            throw new InvalidOperationException("Set GUANXI_BENCH_POSTGRES to a PostgreSQL connection string.");
        var connectionString = postgres ? new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 }.ConnectionString : $"Data Source={name}";
        var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString, [new Guanxi.Web.Features.Customers.CustomerSearchInterceptor()]).Options;
        var sql = new Dialect(postgres);
        Console.WriteLine($"{Environment.ProcessorCount} cores; {(postgres ? "PostgreSQL" : "SQLite")}; {customers:N0} customers, {orders:N0} orders");
        try
        {
            ClaimsPrincipal admin;
            var watch = Stopwatch.StartNew();
            await using (var db = new GuanxiDbContext(options))
            {
                var existing = await BenchAdmin.Existing(db);
                admin = existing ?? (await BenchAdmin.Create(db)).Admin;
                if (existing is null)
                {
                    await using var connection = await Open(db);
                    await Generate(connection, sql, customers, orders);
                    if (postgres)
                        await Execute(connection, "VACUUM ANALYZE");   // what autovacuum does after a big load; SQLite, like the app, runs without statistics
                    Console.WriteLine($"   generated in {watch.Elapsed.TotalSeconds:F0} s");
                }
            }

            var clock = new EnterpriseClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(EnterpriseClock.DefaultTimeZone));
            var from = Guanxi.Domain.Grading.GradingPolicy.Default.PeriodStart(clock.Today);
            var baseline = await Baseline(options, sql, from, "hand-written aggregate SQL");
            var figures = await Baseline(options, sql, from, "the same, every figure the night reads", figures: true);
            await Night("first night, everyone judged", TimeProvider.System);
            var tomorrow = new Shifted(TimeSpan.FromDays(1));
            var fresh = Math.Max(1, orders / 730);
            await using (var db = new GuanxiDbContext(options))
            await using (var connection = await Open(db))
                await Orders(connection, sql, (int)await Count(connection, "Orders"), fresh, customers, "1");
            await Night($"the next day, {fresh:N0} new orders", tomorrow);
            await Night("the same day again, nothing new", tomorrow);
            await Baseline(options, sql, from, "hand-written aggregate SQL again");
            await Baseline(options, sql, from, "every figure again", figures: true);

            var current = new CurrentUser(new HttpContextAccessor());
            current.Use(admin);
            for (var run = 1; run <= 3; run++)
            {
                await using var db = new GuanxiDbContext(options);
                watch.Restart();
                var report = await new ParetoReport(db, new CustomerViewers(db, current), new EnterpriseSettings(db, TimeProvider.System), clock).Handle(null, null);
                Console.WriteLine($"   pareto #{run}: {report.Value!.Customers:N0} customers, top 20% = {report.Value.Top20ProfitShare:P1} in {watch.Elapsed.TotalMilliseconds:N0} ms");
            }
            // The page's first view (the report and a segment's first 50 rows), a later page, and a grade tab's score.
            foreach (var segment in new[] { ParetoSegment.Top, ParetoSegment.Middle, ParetoSegment.Bottom })
            {
                await using var db = new GuanxiDbContext(options);
                var report = new ParetoReport(db, new CustomerViewers(db, current), new EnterpriseSettings(db, TimeProvider.System), clock);
                watch.Restart();
                var page = await report.WithRows(null, null, segment, 50);
                var first = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var later = await report.Rows(null, null, segment, 1000, 50);
                Console.WriteLine($"   pareto page ({segment}): report and {page.Value!.Rows.Items.Count} rows in {first:N0} ms; rows 1,001–1,050 ({later.Value!.Items.Count}) in {watch.Elapsed.TotalMilliseconds:N0} ms");
                if (segment == ParetoSegment.Middle)
                {
                    watch.Restart();
                    var grade = await new GetCustomerGrade(db, new CustomerViewers(db, current), new EnterpriseSettings(db, TimeProvider.System), clock, new StaffNames(db)).Handle(page.Value!.Rows.Items[0].CustomerId);
                    Console.WriteLine($"   grade tab: score {grade.Value!.Score} in {watch.Elapsed.TotalMilliseconds:N0} ms");
                }
            }
            if (Environment.GetEnvironmentVariable("GUANXI_BENCH_ONLY") == "night")
                return;
            // GRD-5: the page's first view reads the grading period from the recompute; a chosen period sums its orders.
            foreach (var fromGrades in new[] { true, true, false })
            {
                await using var db = new GuanxiDbContext(options);
                watch.Restart();
                var parts = await StructureFacts.Read(db, 0.15m, clock.Today.AddMonths(-12).AddDays(1), clock.Today, fromGrades, null, CancellationToken.None);
                Console.WriteLine($"   structure ({(fromGrades ? "grading period" : "orders of a period")}): {parts[StructureDimension.Tier].Sum(p => p.Count):N0} customers in {parts.Values.Sum(p => p.Count):N0} parts of 9 dimensions in {watch.Elapsed.TotalSeconds:F1} s = {watch.Elapsed.TotalSeconds / baseline:F1}x the aggregate");
            }

            async Task Night(string label, TimeProvider time)
            {
                await using var db = new GuanxiDbContext(options);
                var settings = new EnterpriseSettings(db, time);
                var day = new EnterpriseClock(time, clock.Zone);
                var (lifecycle, credit) = OrdersBench.Judges(db, time);
                var grades = new RecomputeGrades(db, settings, day, time, new Guanxi.Web.Features.Notifications.Notifier(db, time), new Guanxi.Web.Features.Watchlists.WatchedCustomers(db));
                var total = Stopwatch.StartNew();
                var step = Stopwatch.StartNew();
                var facts = await CustomerFacts.Read(db, settings, day.Today, null, CancellationToken.None);
                var read = step.Elapsed.TotalSeconds;
                step.Restart();
                var staged = await lifecycle.Handle(Actor.System(), facts: facts);
                var staging = step.Elapsed.TotalSeconds;
                step.Restart();
                var rated = await credit.Handle(Actor.System(), facts: facts);
                var rating = step.Elapsed.TotalSeconds;
                step.Restart();
                var graded = await grades.Handle(Actor.System(), facts: facts);
                Console.WriteLine($"   night ({label}): {total.Elapsed.TotalSeconds:F1} s = {total.Elapsed.TotalSeconds / baseline:F1}x the aggregate, {total.Elapsed.TotalSeconds / figures:F1}x every figure — facts {read:F1} s, "
                    + $"lifecycle {staging:F1} s ({staged.Changed:N0} changed), credit {rating:F1} s ({rated.Changed:N0} changed), grades {step.Elapsed.TotalSeconds:F1} s ({graded.Changed:N0} changed tier)");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (kept is null && !postgres)
                foreach (var path in new[] { name, name + "-wal", name + "-shm" })
                    File.Delete(path);
            if (kept is null && postgres)
            {
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync();
                await Execute(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
    }

    /// <summary>Rows straight into the app's tables (every NOT NULL column given a value of its type), orders over two years, 15% without a cost.</summary>
    internal static async Task Generate(DbConnection connection, Dialect sql, int customers, int orders)
    {
        var (owner, department) = (await Scalar(connection, "SELECT \"Id\" FROM \"AspNetUsers\""), await Scalar(connection, "SELECT \"Id\" FROM \"Departments\""));
        await Fill(connection, sql, "Customers", customers, new()
        {
            ["Id"] = sql.Id("i", "0000-7000-8000-000000000000"), ["Name"] = "'客户' || i", ["Type"] = "'Person'", ["Status"] = "'Active'", ["Tier"] = "'Ordinary'",
            ["OwnerId"] = $"'{owner}'", ["DepartmentId"] = $"'{department}'", ["Version"] = sql.Id("i", "0000-4000-8000-000000000000"), ["Phones"] = "'[]'",
            ["Emails"] = "'[]'", ["Contacts"] = "'[]'", ["Gender"] = "'Unknown'",
            // GRD-5's dimensions: 20 industries, a size on one in eight, 31 provinces × 10 cities, a potential on one in ten.
            ["Industry"] = "'行业' || (i % 20)", ["Size"] = "CASE WHEN i % 8 = 0 THEN '中型' END", ["Potential"] = "CASE WHEN i % 10 = 0 THEN i % 101 END",
            ["Addresses"] = "'[{\"province\":\"省' || (i % 31) || '\",\"city\":\"市' || (i % 310) || '\",\"district\":null,\"street\":null}]'",
        });
        await Orders(connection, sql, 0, orders, customers, Day);
    }

    /// <summary>Orders <paramref name="after"/>+1 … <paramref name="after"/>+<paramref name="count"/>, each <paramref name="day"/> (SQL of i) days from today.</summary>
    private static async Task Orders(DbConnection connection, Dialect sql, int after, int count, int customers, string day)
    {
        var department = await Scalar(connection, "SELECT \"Id\" FROM \"Departments\"");
        string Customer() => sql.Id($"1 + {sql.Random(customers)}", "0000-7000-8000-000000000000");
        await Fill(connection, sql, "Orders", count, new()
        {
            ["Id"] = sql.Id($"i + {after}", "0001-7000-8000-000000000000"), ["Kind"] = "CASE WHEN i % 5 = 0 THEN 'Sale' ELSE 'Service' END", ["ExternalNo"] = $"'B' || (i + {after})",
            ["VehicleModel"] = "CASE WHEN i % 5 = 0 THEN '车型' || (i % 40) END", ["CustomerId"] = Customer(),
            ["DepartmentId"] = $"'{department}'", ["OrderedAt"] = sql.Date(day), ["Items"] = "'[]'",
            // ARC-5: a sale is paid in two instalments, the second a month after the order: one in 40 unpaid, one in 10 paid late.
            ["Payments"] = $"CASE WHEN i % 5 = 0 THEN {sql.Json((sql.Date(day), sql.Date(day)), (sql.Date($"{day} + 30"), $"CASE WHEN i % 40 = 0 THEN NULL WHEN i % 10 = 0 THEN {sql.Date($"{day} + 45")} ELSE {sql.Date($"{day} + 30")} END"))} ELSE '[]' END",
            ["Instalments"] = "CASE WHEN i % 5 = 0 THEN 2 ELSE 0 END", ["PaidOnTime"] = "CASE WHEN i % 5 = 0 THEN CASE WHEN i % 10 = 0 THEN 1 ELSE 2 END ELSE 0 END",
            ["LastDueOn"] = $"CASE WHEN i % 5 = 0 THEN {sql.Date($"{day} + 30")} END",
            ["Outstanding"] = $"CASE WHEN i % 40 = 0 THEN {sql.Money("10000")} ELSE 0 END", ["UnpaidSince"] = $"CASE WHEN i % 40 = 0 THEN {sql.Date($"{day} + 30")} END",
            ["Amount"] = sql.Money($"1000 + {sql.Random(5_000_000)}"), ["Cost"] = $"CASE WHEN i % 7 = 0 THEN NULL ELSE {sql.Money($"850 + {sql.Random(4_000_000)}")} END",
            ["ReferrerId"] = $"CASE WHEN i % 50 = 0 THEN {Customer()} END",
            ["Version"] = sql.Id($"i + {after}", "0001-4000-8000-000000000000"),
        });
    }

    /// <summary>An order's day: spread over two years by its number, so that its instalments can name the same day.</summary>
    private const string Day = "-((i * 7919) % 730)";

    /// <summary>The generator's SQL on each database: money in cents on SQLite and in yuan on PostgreSQL, dates as text on SQLite.</summary>
    internal sealed record Dialect(bool Postgres)
    {
        /// <summary>A GUID whose first 8 hex digits are <paramref name="number"/>, the rest given.</summary>
        public string Id(string number, string rest) => Postgres
            ? $"CAST(lpad(to_hex({number}), 8, '0') || '-{rest}' AS uuid)"
            : $"printf('%08X-{rest}', {number})";

        public string Random(int below) => Postgres ? $"floor(random() * {below})::int" : $"(abs(random()) % {below})";

        public string Date(string days) => Postgres ? $"(current_date + CAST({days} AS int))" : $"date('now', ({days}) || ' days')";

        public string Money(string cents) => Postgres ? $"(({cents}) / 100.0)" : cents;

        /// <summary>Two payments of ¥100 as the app's JSON text.</summary>
        public string Json((string DueAt, string PaidAt) first, (string DueAt, string PaidAt) second)
        {
            var (array, obj, cast) = Postgres ? ("json_build_array", "json_build_object", "::text") : ("json_array", "json_object", "");
            string Payment((string DueAt, string PaidAt) p) => $"{obj}('dueAt', {p.DueAt}, 'paidAt', {p.PaidAt}, 'amount', 100)";
            return $"{array}({Payment(first)}, {Payment(second)}){cast}";
        }
    }

    /// <summary>Rows straight into a table of the app: the columns given, every other NOT NULL column a value of its type.</summary>
    internal static async Task Fill(DbConnection connection, Dialect sql, string table, int count, Dictionary<string, string> given)
    {
        var columns = new List<(string Name, string Value)>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = sql.Postgres
                ? $"SELECT column_name, data_type, is_nullable = 'NO', column_default IS NOT NULL FROM information_schema.columns WHERE table_name = '{table}'"
                : $"SELECT name, type, \"notnull\" = 1, dflt_value IS NOT NULL FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                if (given.TryGetValue(name, out var value))
                    columns.Add((name, value));
                else if (reader.GetBoolean(2) && !reader.GetBoolean(3))
                    columns.Add((name, reader.GetString(1) switch
                    {
                        "INTEGER" or "integer" or "bigint" or "smallint" or "numeric" => "0",
                        "boolean" => "false",
                        "timestamp with time zone" => "now()",
                        "date" => "current_date",
                        "uuid" => "gen_random_uuid()",
                        _ => "''",
                    }));
            }
        }
        var select = $"SELECT {string.Join(", ", columns.Select(c => c.Value))}";
        await Execute(connection, sql.Postgres
            ? $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) {select} FROM generate_series(CAST(1 AS bigint), {count}) AS n(i)"
            : $"""
              WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
              INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) {select} FROM n
              """);
    }

    /// <summary>The baseline: the orders of the grading period summed per customer by one GROUP BY, every row read.</summary>
    /// <param name="figures">Every per-customer figure the night reads (grading's, lifecycle's and credit's sums), not only the period's sums.</param>
    private static async Task<double> Baseline(DbContextOptions<GuanxiDbContext> options, Dialect sql, DateOnly from, string label, bool figures = false)
    {
        await using var db = new GuanxiDbContext(options);
        await using var connection = await Open(db);
        var watch = Stopwatch.StartNew();
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = figures
            ? """
              SELECT "CustomerId",
                  SUM(CASE WHEN "OrderedAt" >= @from THEN "Amount" ELSE 0 END), SUM(CASE WHEN "OrderedAt" >= @from AND "Amount" > 0 THEN 1 ELSE 0 END),
                  SUM(CASE WHEN "OrderedAt" >= @from THEN "Amount" - COALESCE("Cost", 0) ELSE 0 END), SUM(CASE WHEN "Amount" > 0 THEN 1 ELSE 0 END),
                  MIN(CASE WHEN "Amount" > 0 THEN "OrderedAt" END), MAX(CASE WHEN "Amount" > 0 THEN "OrderedAt" END),
                  SUM(CASE WHEN "Amount" > 0 AND "OrderedAt" > @recent THEN 1 ELSE 0 END), MAX(CASE WHEN "Amount" > 0 THEN COALESCE("DeliveredAt", "OrderedAt") END),
                  SUM(CASE WHEN "Instalments" > 0 AND ("OrderedAt" >= @since OR "Outstanding" > 0) AND "UnpaidSince" IS NULL AND "LastDueOn" <= @today THEN "Instalments" ELSE 0 END),
                  SUM(CASE WHEN "Instalments" > 0 AND ("OrderedAt" >= @since OR "Outstanding" > 0) AND "UnpaidSince" IS NULL AND "LastDueOn" <= @today THEN "PaidOnTime" ELSE 0 END)
              FROM "Orders" WHERE "OrderedAt" <= @today GROUP BY "CustomerId"
              """
            : """
              SELECT "CustomerId", SUM("Amount"), COUNT(*), SUM("Amount" - COALESCE("Cost", 0)), MIN("OrderedAt"), MAX("OrderedAt")
              FROM "Orders" WHERE "OrderedAt" >= @from GROUP BY "CustomerId"
              """;
        var values = new SqlValues(!sql.Postgres);
        var today = from.AddMonths(12).AddDays(-1);
        SqlValues.Parameter(command, "@from", values.Date(from));
        if (figures)
        {
            SqlValues.Parameter(command, "@today", values.Date(today));
            SqlValues.Parameter(command, "@recent", values.Date(today.AddMonths(-24)));
            SqlValues.Parameter(command, "@since", values.Date(today.AddMonths(-36)));
        }
        var rows = 0;
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    _ = reader.GetValue(i);
                rows++;
            }
        Console.WriteLine($"   {label}: {rows:N0} customers in {watch.Elapsed.TotalSeconds:F1} s");
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>A connection of its own to the bench's database (on SQLite without the foreign-key checks, which the generator satisfies anyway).</summary>
    internal static async Task<DbConnection> Open(GuanxiDbContext db)
    {
        var connectionString = db.Database.GetConnectionString()!;
        DbConnection connection = db.Database.IsNpgsql() ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString + ";Foreign Keys=False");
        await connection.OpenAsync();
        return connection;
    }

    internal static async Task Execute(DbConnection connection, string text)
    {
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = text;
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<string> Scalar(DbConnection connection, string text)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = text;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }

    private static async Task<long> Count(DbConnection connection, string table) => long.Parse(await Scalar(connection, $"SELECT COUNT(*) FROM \"{table}\""), CultureInfo.InvariantCulture);

    /// <summary>The clock of a later day.</summary>
    private sealed class Shifted(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }
}
