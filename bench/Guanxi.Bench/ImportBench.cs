using System.Diagnostics;
using System.Globalization;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Demo;
using Guanxi.Web.Features.Imports;
using Guanxi.Web.Features.Messaging;
using Guanxi.Web.Shared.Auth;
using Guanxi.Web.Shared.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Bench;

/// <summary>
/// Issue 3 import on SQLite: a file of demo customers (.csv, then .xlsx) through the import's own commit — read, map,
/// validate with the form's rules, look up duplicates, write customers, history, search entries and keys in one
/// transaction — against a bare prepared insert of the same customers' rows into an empty copy of the table, in the
/// same run.
/// </summary>
internal static class ImportBench
{
    public static async Task Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var folder = Directory.CreateTempSubdirectory("guanxi-import-bench-").FullName;
        Console.WriteLine($"{Environment.ProcessorCount} cores; {count:N0} rows per file");
        try
        {
            List<Customer> customers = [.. DemoCustomers.Generate(new Random(20261123), ChineseNames.LoadShipped(), Divisions.LoadShipped(),
                [new DemoCustomers.Owner("owner", Guid.Empty)], count, new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 23))];
            foreach (var format in new[] { "csv", "xlsx" })
            {
                var path = Path.Combine(folder, $"customers.{format}");
                await using (var file = File.Create(path))
                    await SpreadsheetWriter.WriteAsync(file, format, Headers, customers.Select(Row), CancellationToken.None);
                Console.WriteLine($"-- {format}: {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB; reading alone (encoding, parsing, text checks): {ReadAlone(path, customers.Count):N0} rows/s");
                var app = await Import(Path.Combine(folder, $"{format}.db"), path, customers.Count);
                var bare = await BareInsert(Path.Combine(folder, $"bare-{format}.db"), customers);
                Console.WriteLine($"   import {app:N0} rows/s; bare prepared insert {bare:N0} rows/s; import / bare: {bare / app:F1}x slower");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly string[] Columns = ["$id", "$type", "$name", "$org", "$phones", "$emails", "$addresses", "$birthday", "$gender", "$industry", "$source", "$background", "$status", "$at"];

    private static readonly string[] Headers = ["姓名", "单位", "手机", "邮箱", "地址", "生日", "性别", "行业", "来源", "备注"];

    private static IReadOnlyList<string?> Row(Customer c) =>
    [
        c.Name, c.Organization, c.Phones is [var phone, ..] ? phone.Number : null, c.Emails is [var email, ..] ? email : null,
        c.Addresses is [var a, ..] ? $"{a.Province}{a.City}{a.District}{a.Street}" : null,
        c.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Gender switch { Gender.Male => "男", Gender.Female => "女", _ => null },
        c.Industry, c.Source, c.Background,
    ];

    /// <summary>The file read as the import reads it, nothing done with the rows: what the CSV reader and the encoding checks cost.</summary>
    private static double ReadAlone(string path, int count)
    {
        var watch = Stopwatch.StartNew();
        using var file = File.OpenRead(path);
        var rows = TabularReader.Read(file, Path.GetFileName(path)).Rows.Count();
        if (rows != count)
            throw new InvalidOperationException($"{rows} rows read of {count}.");
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>The commit of a whole file, as the worker runs it; rows per second from start to committed.</summary>
    private static async Task<double> Import(string database, string path, int count)
    {
        var connectionString = $"Data Source={database}";
        var current = new CurrentUser(new HttpContextAccessor());
        var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), DatabaseProvider.Sqlite, connectionString, [new Guanxi.Web.Features.Customers.CustomerSearchInterceptor()])
            .AddInterceptors(new AuditInterceptor(current, TimeProvider.System)).Options;
        await using (var db = new GuanxiDbContext(options))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.MigrateAsync();
        }
        current.Use(await SearchBench.Staff(options));
        var clock = new EnterpriseClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(EnterpriseClock.DefaultTimeZone));
        foreach (var mode in new[] { ImportMode.DryRun, ImportMode.Commit })
        {
            await using var db = new GuanxiDbContext(options);
            var job = new ImportJob
            {
                Id = Guid.CreateVersion7(), Mode = mode, FileName = Path.GetFileName(path), StoredPath = path,
                Status = ImportStatus.Running, UserId = current.Id!, CreatedAt = TimeProvider.System.GetUtcNow(),
            };
            var watch = Stopwatch.StartNew();
            var errors = await new RunCustomerImport(db, new CustomerViewers(db, current), new FindDuplicates(db), new MarketingConsents(db), current, Divisions.LoadShipped(), clock, TimeProvider.System)
                .Handle(job, CancellationToken.None);
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"   {mode}: {job.Created:N0} created, {job.Updated + job.Merged:N0} updated or merged, {job.Rejected:N0} rejected in {seconds:F1} s" +
                (errors.Count > 0 ? $" (first error: row {errors[0].Row} {errors[0].Column}: {errors[0].Message})" : ""));
            if (job.Created + job.Updated + job.Merged + job.Rejected != count)
                throw new InvalidOperationException("The import did not account for every row.");
            if (mode == ImportMode.Commit)
                return count / seconds;
        }
        throw new UnreachableException();
    }

    /// <summary>The same customers' rows by one prepared INSERT in one transaction, into the table alone (no keys, no history).</summary>
    private static async Task<double> BareInsert(string database, List<Customer> customers)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE "Customers" ("Id" TEXT NOT NULL PRIMARY KEY, "Type" TEXT NOT NULL, "Name" TEXT NOT NULL, "Organization" TEXT NULL,
                  "Phones" TEXT NOT NULL, "Emails" TEXT NOT NULL, "Addresses" TEXT NOT NULL, "Birthday" TEXT NULL, "Gender" TEXT NOT NULL,
                  "Industry" TEXT NULL, "Source" TEXT NULL, "Background" TEXT NULL, "Status" TEXT NOT NULL, "CreatedAt" INTEGER NOT NULL);
                """;
            await create.ExecuteNonQueryAsync();
        }
        var watch = Stopwatch.StartNew();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "Customers" VALUES ($id, $type, $name, $org, $phones, $emails, $addresses, $birthday, $gender, $industry, $source, $background, $status, $at)
            """;
        var parameters = Columns.Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
        foreach (var c in customers)
        {
            object?[] values =
            [
                c.Id.ToString(), c.Type.ToString(), c.Name, c.Organization, System.Text.Json.JsonSerializer.Serialize(c.Phones),
                System.Text.Json.JsonSerializer.Serialize(c.Emails), System.Text.Json.JsonSerializer.Serialize(c.Addresses),
                c.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Gender.ToString(), c.Industry, c.Source, c.Background,
                c.Status.ToString(), c.CreatedAt.UtcTicks,
            ];
            for (var i = 0; i < values.Length; i++)
                parameters[i].Value = values[i] ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return customers.Count / watch.Elapsed.TotalSeconds;
    }
}
