using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Demo;
using Guanxi.Web.Features.Imports;
using Guanxi.Web.Features.Messaging;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Guanxi.Bench;

/// <summary>
/// Issue 3 search at a million customers, on SQLite or PostgreSQL: the list's search (ListCustomers as the general
/// manager sees it: the ranked page of 50, the count, owner names, groups, the access-log row) for 1-, 2-, 3- and
/// 4-character Chinese, a phone's last 4 digits and part of an e-mail, against the bare index query alone (the key
/// lookup on PostgreSQL or the word-index MATCH on SQLite, the trigram MATCH or LIKE) in the same run; then the customer page's server work (GetCustomer and
/// the first page of its history) against reading the customer's row alone. The customers come from the demo
/// generator and are written by the import's own bulk writer (customer, history row, search entry, keys).
/// PostgreSQL: set GUANXI_BENCH_POSTGRES to a server's connection string; the bench makes and drops its own database.
/// </summary>
internal static class SearchBench
{
    public static async Task Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var queries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var provider = args.Length > 2 && args[2] == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var name = $"guanxi_search_{Guid.NewGuid():N}";
        var file = Path.Combine(Path.GetTempPath(), name + ".db");
        var server = Environment.GetEnvironmentVariable("GUANXI_BENCH_POSTGRES");
        if (provider == DatabaseProvider.Postgres && server is null)
            throw new InvalidOperationException("Set GUANXI_BENCH_POSTGRES to a PostgreSQL connection string.");
        var connectionString = provider == DatabaseProvider.Sqlite ? $"Data Source={file}"
            : new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), provider, connectionString, [new Guanxi.Web.Features.Customers.CustomerSearchInterceptor()]).Options;
        Console.WriteLine($"{Environment.ProcessorCount} cores; {provider}; {count:N0} customers; {queries} queries per kind");
        try
        {
            await using (var db = new GuanxiDbContext(options))
            {
                if (provider == DatabaseProvider.Sqlite)
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                await db.Database.MigrateAsync();
            }
            var viewer = await Staff(options);
            var watch = Stopwatch.StartNew();
            var sample = await Seed(options, viewer, count);
            Console.WriteLine($"seeded {count:N0} customers with their history rows, search entries and keys in {watch.Elapsed.TotalSeconds:F0} s");
            await using (var db = new GuanxiDbContext(options))
                await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "PRAGMA optimize;" : "ANALYZE;");

            var random = new Random(20261122);
            string Pick(Func<Customer, string?> of, int length)
            {
                for (var tries = 0; ; tries++)
                {
                    var text = of(sample[random.Next(sample.Count)]);
                    if (text is not null && text.Length >= length)
                        return text.Substring(random.Next(text.Length - length + 1), length);
                }
            }
            var kinds = new (string Name, string[] Queries, string Baseline)[]
            {
                ("1 character", [.. Enumerable.Range(0, queries).Select(_ => Pick(c => c.Name, 1))], "key"),
                ("2 characters", [.. Enumerable.Range(0, queries).Select(_ => Pick(c => c.Name, 2))], "key"),
                ("3 characters", [.. Enumerable.Range(0, queries).Select(_ => Pick(c => c.Organization ?? c.Name, 3))], "text"),
                ("4 characters", [.. Enumerable.Range(0, queries).Select(_ => Pick(c => c.Organization ?? c.Name, 4))], "text"),
                ("phone last 4", [.. Enumerable.Range(0, queries).Select(_ => Pick(c => c.Phones[0].Number, 13)[^4..])], "tail"),
                ("e-mail part", [.. Enumerable.Range(0, queries).Select(_ => Pick(c => c.Emails is [var email, ..] ? email : null, 10)[..6])], "text"),
            };
            await using var bareContext = new GuanxiDbContext(options);
            await bareContext.Database.OpenConnectionAsync();
            var connection = bareContext.Database.GetDbConnection();
            if (Environment.GetEnvironmentVariable("GUANXI_BENCH_SQL") is "1")   // diagnosis: each kind's SQL with its time
            {
                var logged = new DbContextOptionsBuilder<GuanxiDbContext>(options)
                    .LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]).Options;
                foreach (var (kind, texts, _) in kinds)
                {
                    Console.WriteLine($"==== {kind}: {texts[0]}");
                    await List(logged, viewer, texts[0]);
                }
            }
            foreach (var (kind, texts, baseline) in kinds)
            {
                Console.WriteLine($"-- {kind} (e.g. {string.Join(" ", texts.Take(3))})");
                var app = await AuditBench.Measure("ListCustomers", texts, q => List(options, viewer, q));
                var bare = await AuditBench.Measure("bare index", texts, q => Bare(connection, provider, baseline, q));
                Console.WriteLine($"   ListCustomers / bare index (median): {app / bare:F1}x");
            }

            Console.WriteLine("-- customer page (GetCustomer + first page of its history)");
            var ids = Enumerable.Range(0, queries).Select(_ => sample[random.Next(sample.Count)].Id.ToString()).ToArray();
            var page = await AuditBench.Measure("customer page", ids, async id =>
            {
                await using var db = new GuanxiDbContext(options);
                var current = new CurrentUser(new HttpContextAccessor());
                current.Use(viewer);
                var viewers = new CustomerViewers(db, current);
                var customer = (await new GetCustomer(db, viewers, new PersonalDataLog(db, current, TimeProvider.System), new MarketingConsents(db)).Handle(Guid.Parse(id))).Value
                    ?? throw new InvalidOperationException("A seeded customer is not found.");
                return (await new CustomerHistory(db, viewers, new ListAudit(db, AuditBench.Text(db))).Handle(customer.Id, 1, 25)).Value!.Items.Count;
            });
            var row = await AuditBench.Measure("customer row", ids, async id =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = """SELECT * FROM "Customers" WHERE "Id" = @id""";
                var parameter = command.CreateParameter();
                (parameter.ParameterName, parameter.Value) = ("@id", provider == DatabaseProvider.Sqlite ? id.ToUpperInvariant() : Guid.Parse(id));
                command.Parameters.Add(parameter);
                await using var reader = await command.ExecuteReaderAsync();
                return await reader.ReadAsync() ? 1 : 0;
            });
            Console.WriteLine($"   customer page / customer row (median): {page / row:F1}x");
        }
        finally
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                SqliteConnection.ClearAllPools();
                foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                    File.Delete(path);
            }
            else
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task<int> List(DbContextOptions<GuanxiDbContext> options, ClaimsPrincipal viewer, string q)
    {
        await using var db = new GuanxiDbContext(options);
        var current = new CurrentUser(new HttpContextAccessor());
        current.Use(viewer);
        var clock = new Domain.Common.EnterpriseClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(Domain.Common.EnterpriseClock.DefaultTimeZone));
        var cadence = new FollowUpCadence(new Web.Features.Settings.EnterpriseSettings(db, TimeProvider.System), clock);
        var list = new ListCustomers(db, new CustomerViewers(db, current), new PersonalDataLog(db, current, TimeProvider.System), new CustomerSearch(db), cadence);
        return (await list.Handle(new CustomerQuery(q, PageSize: 50))).Value!.Total;
    }

    /// <summary>The index alone: the first 50 rows a query finds, without counting, ranking or reading the customers.</summary>
    private static async Task<int> Bare(DbConnection connection, DatabaseProvider provider, string kind, string q)
    {
        await using var command = connection.CreateCommand();
        var folded = CustomerKeys.Fold(q);
        var tail = CustomerKeys.PhoneTail + CustomerKeys.PhoneQuery(folded);
        var (sql, value) = kind switch
        {
            "key" when provider == DatabaseProvider.Sqlite => ("""SELECT rowid FROM "CustomerWords" WHERE "CustomerWords" MATCH @k LIMIT 50""", CustomerSearch.Phrase(folded)),
            "key" => ("""SELECT "CustomerId" FROM "CustomerKeys" WHERE "Key" = @k LIMIT 50""", CustomerKeys.Gram + folded),
            "tail" => ("""SELECT "CustomerId" FROM "CustomerKeys" WHERE "Key" >= @k AND "Key" < @e LIMIT 50""", tail),
            _ when provider == DatabaseProvider.Sqlite => ("""SELECT rowid FROM "CustomerFts" WHERE "CustomerFts" MATCH @k LIMIT 50""",
                "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""),
            _ => ("""SELECT "CustomerId" FROM "CustomerSearch" WHERE "Text" LIKE @k LIMIT 50""", "%" + folded + "%"),
        };
        command.CommandText = sql;
        foreach (var (parameterName, parameterValue) in new[] { ("@k", value), ("@e", CustomerKeys.After(tail)) })
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (parameterName, parameterValue);
            command.Parameters.Add(parameter);
        }
        if (kind != "tail")
            command.Parameters.RemoveAt(1);
        await using var reader = await command.ExecuteReaderAsync();
        var n = 0;
        while (await reader.ReadAsync())
            n++;
        return n;
    }

    /// <summary>A department and its general manager, who sees every customer unmasked (so each list is also logged).</summary>
    internal static async Task<ClaimsPrincipal> Staff(DbContextOptions<GuanxiDbContext> options)
    {
        await using var db = new GuanxiDbContext(options);
        var company = Department.Create("基准公司", DepartmentKind.Company, null).Value!;
        var user = new StaffUser { UserName = "gm@bench", Email = "gm@bench", DisplayName = "基准总经理", DepartmentId = company.Id, SecurityStamp = "x" };
        db.Add(company);
        db.Add(user);
        await db.SaveChangesAsync();
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(GuanxiClaims.DisplayName, user.DisplayName), new Claim(ClaimTypes.Role, Role.GeneralManager.Name())], "Bench"));
    }

    /// <summary>Demo customers owned by 20 staff of two departments, written in batches of 20,000 by the import's bulk writer.</summary>
    private static async Task<List<Customer>> Seed(DbContextOptions<GuanxiDbContext> options, ClaimsPrincipal viewer, int count)
    {
        var current = new CurrentUser(new HttpContextAccessor());
        current.Use(viewer);
        List<DemoCustomers.Owner> owners;
        await using (var db = new GuanxiDbContext(options))
        {
            var branch = Department.Create("基准分公司", DepartmentKind.Company, null).Value!;
            List<Department> departments = [Department.Create("销售部", DepartmentKind.Department, branch).Value!, Department.Create("售后服务部", DepartmentKind.Department, branch).Value!];
            db.Add(branch);
            var staff = Enumerable.Range(0, 20).Select(i => new StaffUser
            {
                UserName = $"owner{i}@bench", Email = $"owner{i}@bench", DisplayName = $"顾问{i}", DepartmentId = departments[i % 2].Id, SecurityStamp = "x",
            }).ToList();
            db.AddRange(departments);
            db.AddRange(staff);
            await db.SaveChangesAsync();
            owners = [.. staff.Select(s => new DemoCustomers.Owner(s.Id, s.DepartmentId))];
        }
        var customers = DemoCustomers.Generate(new Random(20261122), ChineseNames.LoadShipped(), Divisions.LoadShipped(), owners, count,
            new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 22));
        var sample = new List<Customer>();
        foreach (var batch in customers.Chunk(20_000))
        {
            await using var db = new GuanxiDbContext(options);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using (var writer = new CustomerBulkWriter(db, current, TimeProvider.System))
                await writer.Write([.. batch.Select(c => (c, "bench"))], CancellationToken.None);
            await transaction.CommitAsync();
            sample.AddRange(batch.Where(c => c.Id.GetHashCode() % 50 == 0 && sample.Count < 5_000));
        }
        return sample;
    }
}
