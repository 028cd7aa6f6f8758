using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Demo;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Bench;

/// <summary>
/// Issue 3 search at a million customers on SQLite: the list's search (ListCustomers as the general manager sees it:
/// count, ranked page of 50, owner names, groups, the access-log row) for 1-, 2-, 3- and 4-character Chinese, a phone's
/// last 4 digits and part of an e-mail, against the bare index query alone (the key lookup or the FTS5 MATCH) in the
/// same run. The customers come from the demo generator; their search rows and keys are written with prepared
/// inserts computed by the same <see cref="CustomerKeys"/> the app uses.
/// </summary>
internal static class SearchBench
{
    public static async Task Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var queries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var file = Path.Combine(Path.GetTempPath(), $"guanxi-search-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={file};Foreign Keys=False";
        var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), DatabaseProvider.Sqlite, connectionString).Options;
        Console.WriteLine($"{Environment.ProcessorCount} cores; {count:N0} customers; {queries} queries per kind");
        try
        {
            await using (var db = new GuanxiDbContext(options))
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                await db.Database.MigrateAsync();
            }
            var viewer = await Staff(options);
            var watch = Stopwatch.StartNew();
            var sample = await Seed(connectionString, count);
            Console.WriteLine($"seeded {count:N0} customers with their search rows and keys in {watch.Elapsed.TotalSeconds:F0} s");

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
                ("3 characters", [.. Enumerable.Range(0, queries).Select(_ => Pick(c => c.Organization ?? c.Name, 3))], "fts"),
                ("4 characters", [.. Enumerable.Range(0, queries).Select(_ => Pick(c => c.Organization ?? c.Name, 4))], "fts"),
                ("phone last 4", [.. Enumerable.Range(0, queries).Select(_ => Pick(c => c.Phones[0].Number, 13)[^4..])], "tail"),
                ("e-mail part", [.. Enumerable.Range(0, queries).Select(_ => Pick(c => c.Emails is [var email, ..] ? email : null, 10)[..6])], "fts"),
            };
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            if (Environment.GetEnvironmentVariable("GUANXI_BENCH_SQL") is "1")   // diagnosis: each kind's SQL with its time
            {
                var logged = new DbContextOptionsBuilder<GuanxiDbContext>(options)
                    .LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]).Options;
                foreach (var (name, texts, _) in kinds)
                {
                    await using var db = new GuanxiDbContext(logged);
                    var current = new CurrentUser(new HttpContextAccessor());
                    current.Use(viewer);
                    Console.WriteLine($"==== {name}: {texts[0]}");
                    await new ListCustomers(db, new CustomerViewers(db, current), new PersonalDataLog(db, current, TimeProvider.System), new CustomerSearch(db))
                        .Handle(new CustomerQuery(texts[0], PageSize: 50));
                }
            }
            foreach (var (name, texts, baseline) in kinds)
            {
                Console.WriteLine($"-- {name} (e.g. {string.Join(" ", texts.Take(3))})");
                var app = await AuditBench.Measure("ListCustomers", texts, async q =>
                {
                    await using var db = new GuanxiDbContext(options);
                    var current = new CurrentUser(new HttpContextAccessor());
                    current.Use(viewer);
                    var list = new ListCustomers(db, new CustomerViewers(db, current), new PersonalDataLog(db, current, TimeProvider.System), new CustomerSearch(db));
                    return (await list.Handle(new CustomerQuery(q, PageSize: 50))).Total;
                });
                var bare = await AuditBench.Measure("bare index", texts, q => Bare(connection, baseline, q));
                Console.WriteLine($"   ListCustomers / bare index (median): {app / bare:F1}x");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(path);
        }
    }

    /// <summary>The index alone: the rows a query finds, without counting, ranking or reading the customers.</summary>
    private static async Task<int> Bare(SqliteConnection connection, string kind, string q)
    {
        await using var command = connection.CreateCommand();
        var folded = CustomerKeys.Fold(q);
        command.CommandText = kind switch
        {
            "key" => """SELECT "CustomerId" FROM "CustomerKeys" WHERE "Key" = $k LIMIT 50""",
            "tail" => """SELECT "CustomerId" FROM "CustomerKeys" WHERE "Key" >= $k AND "Key" < $e LIMIT 50""",
            _ => """SELECT rowid FROM "CustomerFts" WHERE "CustomerFts" MATCH $k LIMIT 50""",
        };
        var tail = CustomerKeys.PhoneTail + CustomerKeys.PhoneQuery(folded);
        command.Parameters.AddWithValue("$k", kind switch
        {
            "key" => CustomerKeys.Gram + folded,
            "tail" => tail,
            _ => "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        });
        command.Parameters.AddWithValue("$e", CustomerKeys.After(tail));
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

    /// <summary>Customers through EF in batches (no history: this is a load, not a use case); search rows and keys by prepared inserts.</summary>
    private static async Task<List<Customer>> Seed(string connectionString, int count)
    {
        var plain = new DbContextOptionsBuilder<GuanxiDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsAssembly(DataFeature.SqliteMigrations)).Options;
        Guid[] departments = [Guid.CreateVersion7(), Guid.CreateVersion7()];
        var owners = Enumerable.Range(0, 20).Select(i => new DemoCustomers.Owner($"owner-{i}", departments[i % 2])).ToList();
        var customers = DemoCustomers.Generate(new Random(20261122), ChineseNames.LoadShipped(), Divisions.LoadShipped(), owners, count,
            new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 22));
        var sample = new List<Customer>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        foreach (var batch in customers.Chunk(20_000))
        {
            await using (var db = new GuanxiDbContext(plain))
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.AddRange(batch);
                await db.SaveChangesAsync();
            }
            await using var transaction = connection.BeginTransaction();
            await using var entry = connection.CreateCommand();
            entry.CommandText = """INSERT INTO "CustomerSearch" ("CustomerId","Name","Organization","Text") VALUES ($c,$n,$o,$t) RETURNING "Id" """;
            var (ec, en, eo, et) = (entry.Parameters.Add("$c", SqliteType.Text), entry.Parameters.Add("$n", SqliteType.Text), entry.Parameters.Add("$o", SqliteType.Text), entry.Parameters.Add("$t", SqliteType.Text));
            await using var key = connection.CreateCommand();
            key.CommandText = """INSERT INTO "CustomerKeys" ("Key","Weight","SearchId","CustomerId") VALUES ($k,$w,$s,$c)""";
            var (kk, kw, ks, kc) = (key.Parameters.Add("$k", SqliteType.Text), key.Parameters.Add("$w", SqliteType.Integer),
                key.Parameters.Add("$s", SqliteType.Integer), key.Parameters.Add("$c", SqliteType.Text));
            foreach (var c in batch)
            {
                var id = c.Id.ToString().ToUpperInvariant();   // EF's SQLite representation of a Guid
                (ec.Value, en.Value, eo.Value, et.Value) = (id, CustomerKeys.Fold(c.Name), CustomerKeys.Fold(c.Organization), CustomerKeys.Text(c)!);
                (ks.Value, kc.Value) = ((long)(await entry.ExecuteScalarAsync())!, id);
                foreach (var k in CustomerKeys.Of(c))
                {
                    (kk.Value, kw.Value) = (k, CustomerKeys.WeightOf(k, c));
                    await key.ExecuteNonQueryAsync();
                }
                if (sample.Count < 5_000 && c.Id.GetHashCode() % 50 == 0)
                    sample.Add(c);
            }
            await transaction.CommitAsync();
        }
        await using var check = connection.CreateCommand();
        check.CommandText = """SELECT COUNT(*) FROM "CustomerSearch" s JOIN "Customers" c ON c."Id" = s."CustomerId" """;
        var joined = (long)(await check.ExecuteScalarAsync())!;
        if (joined < count)
            throw new InvalidOperationException($"Only {joined} search rows match a customer: the Guid representation is off.");
        return sample;
    }
}
