using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Demo;
using Guanxi.Web.Features.Imports;
using Guanxi.Web.Features.Orders;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Bench;

/// <summary>
/// Issue 4 order ingest on SQLite: <c>POST /api/orders/batch</c>'s handler (check every body, look up customers and known
/// numbers, write new orders and their history) in batches of 10,000, then the first batch sent again (idempotent), against
/// a bare prepared INSERT of the same orders' rows, one transaction per batch, into the same schema, in the same run.
/// </summary>
internal static class OrdersBench
{
    public static async Task Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var folder = Directory.CreateTempSubdirectory("guanxi-orders-bench-").FullName;
        Console.WriteLine($"{Environment.ProcessorCount} cores; {count:N0} orders in batches of {SaveOrders.MaxBatch:N0}");
        try
        {
            var (options, admin, customers, department) = await Prepare(Path.Combine(folder, "app.db"));
            var random = new Random(20261123);
            var bodies = Enumerable.Range(0, count).Select(i => Body(random, i, customers[random.Next(customers.Count)], department)).ToList();

            var current = new CurrentUser(new HttpContextAccessor());
            current.Use(admin);
            var watch = Stopwatch.StartNew();
            var (created, updated) = (0, 0);
            foreach (var batch in bodies.Chunk(SaveOrders.MaxBatch))
            {
                var outcome = (await Handler(options, current).Batch(batch, "bench")).Value;
                (created, updated) = (created + outcome!.Created, updated + outcome.Updated + outcome.Rejected.Count);
            }
            var app = count / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"   batch API handler: {created:N0} created, {updated:N0} updated or rejected in {watch.Elapsed.TotalSeconds:F1} s = {app:N0} orders/s");
            watch.Restart();
            var again = (await Handler(options, current).Batch([.. bodies.Take(SaveOrders.MaxBatch)], "bench")).Value;
            Console.WriteLine($"   the first batch again: {again!.Created:N0} created, {again.Updated:N0} updated in {watch.Elapsed.TotalSeconds:F2} s = {SaveOrders.MaxBatch / watch.Elapsed.TotalSeconds:N0} orders/s");

            foreach (var night in new[] { "then the jobs a big write starts, for everyone", "the next night, nothing new" })
            {
                await using var db = new GuanxiDbContext(options);
                var (lifecycle, credit) = Judges(db);
                watch.Restart();
                var staged = await lifecycle.Handle(Actor.System());
                var lifecycleSeconds = watch.Elapsed.TotalSeconds;
                watch.Restart();
                var rated = await credit.Handle(Actor.System());
                Console.WriteLine($"   {night} ({staged.Customers:N0} customers): lifecycle {lifecycleSeconds:F2} s ({staged.Changed:N0} changed), credit {watch.Elapsed.TotalSeconds:F2} s ({rated.Changed:N0} changed)");
            }

            var bare = await BareInsert(Path.Combine(folder, "bare.db"), bodies);
            Console.WriteLine($"   bare prepared insert: {bare:N0} orders/s; handler / bare: {bare / app:F1}x slower");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SaveOrders Handler(DbContextOptions<GuanxiDbContext> options, CurrentUser current)
    {
        var db = new GuanxiDbContext(options);
        var (lifecycle, credit) = Judges(db);
        return new SaveOrders(db, new CustomerViewers(db, current), new OrderInput(db), new OrderWriter(db, current, TimeProvider.System, [new Web.Features.Lifecycle.JudgeWrittenOrders(lifecycle), new Web.Features.Credit.RateWrittenOrders(credit)]));
    }

    /// <summary>The lifecycle update and the credit rating, as the app's jobs run them.</summary>
    internal static (Web.Features.Lifecycle.UpdateLifecycle, Web.Features.Credit.EvaluateCredit) Judges(GuanxiDbContext db, TimeProvider? at = null)
    {
        var time = at ?? TimeProvider.System;
        var settings = new Web.Features.Settings.EnterpriseSettings(db, time);
        var clock = new Domain.Common.EnterpriseClock(time, TimeZoneInfo.FindSystemTimeZoneById(Domain.Common.EnterpriseClock.DefaultTimeZone));
        return (new Web.Features.Lifecycle.UpdateLifecycle(db, settings, clock, time),
            new Web.Features.Credit.EvaluateCredit(db, settings, clock, time, new Web.Features.Notifications.Notifier(db, time), new Web.Features.Watchlists.WatchedCustomers(db)));
    }

    private static OrderBody Body(Random random, int i, Guid customer, Guid department)
    {
        var ordered = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 690));
        OrderItemBody[] items = [new("常规保养", 1, 680m), new("机油滤清器", 1, 85m), new("工时费", random.Next(1, 4), 200m)];
        return new OrderBody(OrderKind.Service, $"WX{i:D9}", customer, department, null, ordered, ordered, null, 500m, items,
            new VehicleBody(null, $"苏D{random.Next(10000, 99999)}", null), [new PaymentBody(ordered, ordered, 765m + items[2].Quantity * 200m)], null, "现结");
    }

    private static async Task<(DbContextOptions<GuanxiDbContext>, ClaimsPrincipal, List<Guid>, Guid)> Prepare(string database)
    {
        var current = new CurrentUser(new HttpContextAccessor());
        var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), DatabaseProvider.Sqlite, $"Data Source={database}", [new Guanxi.Web.Features.Customers.CustomerSearchInterceptor()])
            .AddInterceptors(new AuditInterceptor(current, TimeProvider.System)).Options;
        await using var db = new GuanxiDbContext(options);
        var (admin, user, company) = await BenchAdmin.Create(db);
        current.Use(admin);
        var customers = DemoCustomers.Generate(new Random(20261122), ChineseNames.LoadShipped(), Divisions.LoadShipped(), [new DemoCustomers.Owner(user.Id, company.Id)], 10_000,
            new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 22)).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await using (var writer = new CustomerBulkWriter(db, current, TimeProvider.System))
                await writer.Write([.. customers.Select(c => (c, "bench"))], CancellationToken.None);
            await transaction.CommitAsync();
        }
        return (options, admin, [.. customers.Select(c => c.Id)], company.Id);
    }

    /// <summary>The same orders as rows of the app's Orders table, by one prepared INSERT, one transaction per batch (no checks, no history).</summary>
    private static async Task<double> BareInsert(string database, List<OrderBody> bodies)
    {
        await using (var db = new GuanxiDbContext((DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), DatabaseProvider.Sqlite, $"Data Source={database}", [new Guanxi.Web.Features.Customers.CustomerSearchInterceptor()]).Options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=OFF;");
        }
        await using var connection = new SqliteConnection($"Data Source={database};Foreign Keys=False");
        await connection.OpenAsync();
        string[] columns = ["Id", "Kind", "ExternalNo", "CustomerId", "DepartmentId", "OrderedAt", "DeliveredAt", "Items", "Amount", "VehiclePlate", "PaymentTerms", "Payments", "Outstanding", "CreatedAt", "Version"];
        var watch = Stopwatch.StartNew();
        foreach (var batch in bodies.Chunk(SaveOrders.MaxBatch))
        {
            await using var transaction = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO \"Orders\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
            var parameters = columns.Select(c => insert.Parameters.Add("$" + c, SqliteType.Text)).ToArray();
            foreach (var b in batch)
            {
                object?[] values =
                [
                    Guid.CreateVersion7().ToString().ToUpperInvariant(), "Service", b.ExternalNo, b.CustomerId.ToString().ToUpperInvariant(), b.DepartmentId!.Value.ToString().ToUpperInvariant(),
                    b.OrderedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), b.DeliveredAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    JsonSerializer.Serialize(b.Items), (long)(b.Items!.Sum(i => i.Quantity * i.UnitPrice) * 100), b.Vehicle?.Plate, b.PaymentTerms,
                    JsonSerializer.Serialize(b.Payments), 0L, 0L, Guid.NewGuid().ToString().ToUpperInvariant(),
                ];
                for (var i = 0; i < values.Length; i++)
                    parameters[i].Value = values[i] ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        return bodies.Count / watch.Elapsed.TotalSeconds;
    }
}
