using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Features.Workbench;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Guanxi.Bench;

/// <summary>
/// Issue 22 at scale: the leadership 工作台 (MGT-1, MGT-4) against the same counts in hand-written SQL in the same run —
/// customers by tier and stage, 24 months of value, churn, risk and money overdue summed live, which is what the night's
/// <see cref="KeepWorkbenchFigures"/> runs once and keeps. GUANXI_BENCH_DB reuses a database (e.g. the grading bench's,
/// judged by its night); a new one is generated as the grading bench generates it.
/// </summary>
internal static class WorkbenchBench
{
    public static async Task Run(string[] args)
    {
        var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var orders = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : customers * 10;
        var postgres = args.Length > 2 && args[2] == "postgres";
        var kept = Environment.GetEnvironmentVariable("GUANXI_BENCH_DB");
        var name = kept ?? (postgres ? $"guanxi_workbench_{Guid.NewGuid():N}" : Path.Combine(Path.GetTempPath(), $"guanxi-workbench-{Guid.NewGuid():N}.db"));
        var server = Environment.GetEnvironmentVariable("GUANXI_BENCH_POSTGRES");
        if (postgres && server is null)
            throw new InvalidOperationException("Set GUANXI_BENCH_POSTGRES to a PostgreSQL connection string.");
        var connectionString = postgres ? new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 }.ConnectionString : $"Data Source={name}";
        var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString, [new CustomerSearchInterceptor()]).Options;
        try
        {
            ClaimsPrincipal admin;
            await using (var db = new GuanxiDbContext(options))
            {
                var existing = await BenchAdmin.Existing(db);
                admin = existing ?? (await BenchAdmin.Create(db)).Admin;
                if (existing is null)
                {
                    await using var connection = await GradingBench.Open(db);
                    await GradingBench.Generate(connection, new GradingBench.Dialect(postgres), customers, orders);
                }
                Console.WriteLine($"{Environment.ProcessorCount} cores; {(postgres ? "PostgreSQL" : "SQLite")}; {await db.Set<Guanxi.Domain.Customers.Customer>().CountAsync():N0} customers, {await db.Set<Guanxi.Domain.Orders.Order>().CountAsync():N0} orders");
            }
            // The general manager: the bench's administrator's account with the leadership role.
            var manager = new ClaimsPrincipal(new ClaimsIdentity(
                [admin.FindFirst(ClaimTypes.NameIdentifier)!, new Claim(ClaimTypes.Role, Role.GeneralManager.Name())], "Bench"));
            var clock = new EnterpriseClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(EnterpriseClock.DefaultTimeZone));
            var watch = new Stopwatch();
            for (var run = 1; run <= 3; run++)
            {
                await using var db = new GuanxiDbContext(options);
                watch.Restart();
                await new KeepWorkbenchFigures(db, new EnterpriseSettings(db, TimeProvider.System), clock, TimeProvider.System).Handle();
                Console.WriteLine($"   hand-written SQL, the same counts summed live (the night's KeepWorkbenchFigures) #{run}: {watch.Elapsed.TotalMilliseconds:N0} ms");
            }
            var times = new List<double>();
            for (var run = 1; run <= 7; run++)
            {
                await using var db = new GuanxiDbContext(options);
                var current = new CurrentUser(new HttpContextAccessor());
                current.Use(manager);
                var settings = new EnterpriseSettings(db, TimeProvider.System);
                var get = new GetWorkbench(db, new CustomerViewers(db, current), clock, settings, new KeepWorkbenchFigures(db, settings, clock, TimeProvider.System),
                    new NoScheduler(), TimeProvider.System, NullLogger<GetWorkbench>.Instance);
                watch.Restart();
                var view = await get.Handle();
                times.Add(watch.Elapsed.TotalMilliseconds);
                var lead = view.Value!.Leadership!;
                Console.WriteLine($"   leadership 工作台 #{run}: {lead.Customers:N0} customers, ¥{lead.Value12:N0} in 12 months, {lead.Risky:N0} risky, in {watch.Elapsed.TotalMilliseconds:N1} ms");
            }
            times.Sort();
            Console.WriteLine($"   leadership 工作台: median {times[times.Count / 2]:N1} ms, worst {times[^1]:N1} ms (the first includes opening the database)");
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
                await GradingBench.Execute(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
    }
}

/// <summary>The leadership 工作台 of today's kept figures asks no scheduler: none is started in the bench.</summary>
internal sealed class NoScheduler : Quartz.ISchedulerFactory
{
    public ValueTask<List<Quartz.IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<Quartz.IScheduler> GetScheduler(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public ValueTask<Quartz.IScheduler?> LookupScheduler(string schedName, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
