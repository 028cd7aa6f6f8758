using Guanxi.Domain.Customers;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Tests;

/// <summary>A model change without a migration for either provider fails here, before it fails a deployment.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=unused")]
    public void The_migrations_match_the_model(DatabaseProvider provider, string connectionString)
    {
        var options = DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), provider, connectionString).Options;
        using var db = new GuanxiDbContext((DbContextOptions<GuanxiDbContext>)options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changed without a {provider} migration: add one (see README).");
    }
}

/// <summary>SQLite's word index (migration SearchWords): existing entries get the words the app would give them.</summary>
public sealed class SearchWordsMigrationTests
{
    [Fact]
    public async Task ARC_2_existing_customers_get_the_same_words_as_new_ones_and_lose_their_name_keys()
    {
        var file = Path.Combine(Path.GetTempPath(), $"guanxi-words-{Guid.NewGuid():N}.db");
        try
        {
            var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), DatabaseProvider.Sqlite, $"Data Source={file}").Options;
            await using var db = new GuanxiDbContext(options);
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("SearchPrefixes");
            (string Name, string? Organization)[] names = [("张小明", "琥珀光学"), ("A&B Co.", null), ("𠀀明", new string('华', 40)), ("王　伟", "Tom's  Café"), ("李", "李"), ("O'Brien \"Q\"", "A-B\tC")];
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
            for (var i = 0; i < names.Length; i++)
            {
                var (name, organization) = (CustomerKeys.Fold(names[i].Name), CustomerKeys.Fold(names[i].Organization));
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "CustomerSearch" ("Id", "CustomerId", "Name", "Organization", "Text") VALUES ({i + 1}, {Guid.NewGuid()}, {name}, {organization}, {name})
                    """);
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "CustomerKeys" ("Key", "Weight", "SearchId", "CustomerId") VALUES ({"g:" + name[..1]}, 1, {i + 1}, {Guid.NewGuid()})""");
            }

            await db.Database.MigrateAsync();

            var words = await db.Database.SqlQuery<string>($"""SELECT "Words" AS "Value" FROM "CustomerSearch" ORDER BY "Id" """).ToListAsync();
            var expected = names.Select(n => CustomerKeys.Words(Customer.Create(new CustomerDetails(
                CustomerType.Person, n.Name, n.Organization, [], [], null, [], null, false, Gender.Unknown, null, null, null, "owner", Guid.NewGuid(),
                null, null, null, []), DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 23)).Value!));
            Assert.Equal(expected, words);
            Assert.Equal(0, await db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "CustomerKeys" WHERE "Key" LIKE 'g:%' """).SingleAsync());
            var found = await db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "CustomerWords" WHERE "CustomerWords" MATCH '"小 明"' """).ToListAsync();
            Assert.Equal([1L], found);
            var quoted = await db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "CustomerWords" WHERE "CustomerWords" MATCH {"\"^o'brien␣\"\"q\""} """).ToListAsync();
            Assert.Equal([6L], quoted);   // quotes are part of words: the tokenizer splits at spaces only
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}

/// <summary>Databases made before the search index (migration RepairOlderCustomers and <see cref="Features.Customers.IndexOlderCustomers"/>).</summary>
public sealed class RepairOlderCustomersMigrationTests
{
    /// <summary>A row with the given values and every other NOT NULL column empty or zero, in the table as the database has it now.</summary>
    private static async Task Stub(GuanxiDbContext db, string table, Dictionary<string, string> values)
    {
        var columns = await db.Database.SqlQueryRaw<ColumnInfo>("""SELECT name AS "Name", type AS "Type", "notnull" AS "NotNull" FROM pragma_table_info({0})""", table).ToListAsync();
        var row = columns.Where(c => values.ContainsKey(c.Name) || c.NotNull != 0)
            .Select(c => (c.Name, Value: values.TryGetValue(c.Name, out var v) ? $"'{v}'" : c.Type.Contains("TEXT", StringComparison.OrdinalIgnoreCase) ? "''" : "0")).ToList();
        var insert = $"INSERT INTO \"{table}\" ({string.Join(", ", row.Select(r => $"\"{r.Name}\""))}) VALUES ({string.Join(", ", row.Select(r => r.Value))})";
        await db.Database.ExecuteSqlRawAsync(insert);   // the test's own table and column names
    }

    private sealed record ColumnInfo(string Name, string Type, long NotNull);

    [Fact]
    public async Task ARC_1_customers_of_an_older_database_can_be_read_and_found_after_the_upgrade()
    {
        var file = Path.Combine(Path.GetTempPath(), $"guanxi-older-{Guid.NewGuid():N}.db");
        try
        {
            static GuanxiDbContext Open(string path) => new((DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(
                new DbContextOptionsBuilder<GuanxiDbContext>(), DatabaseProvider.Sqlite, $"Data Source={path}").Options);
            var today = new DateOnly(2026, 11, 23);
            var department = Guid.NewGuid();
            Customer Make(string name, string mobile) => Customer.Create(new CustomerDetails(
                CustomerType.Person, name, "琥珀光学", [new CustomerPhone(PhoneKind.Mobile, mobile)], [], null, [], null, false, Gender.Unknown, null, null, null,
                "owner", department, null, null, null, []), DateTimeOffset.UnixEpoch, today).Value!;
            var (older, survivor, merged) = (Make("张小明", "+8613812341234"), Make("李娜", "+8613900001111"), Make("李娜", "+8613900002222"));
            merged.MergeInto(survivor);
            // The rows are written by today's model into a current database, then copied into one at SearchWords, column by column.
            await using (var current = Open(file + ".current"))
            {
                await current.Database.MigrateAsync();
                await current.Database.OpenConnectionAsync();
                await current.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");   // no staff or departments here
                current.AddRange(older, survivor, merged);
                await current.SaveChangesAsync();
            }
            await using var db = Open(file);
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("SearchWords");
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
            var columns = string.Join(", ", (await db.Database.SqlQueryRaw<string>("""SELECT name AS "Value" FROM pragma_table_info('Customers')""").ToListAsync()).Select(c => $"\"{c}\""));
            var copy = $"ATTACH DATABASE '{file}.current' AS current; INSERT INTO \"Customers\" ({columns}) SELECT {columns} FROM current.\"Customers\"; DETACH DATABASE current;";
            await db.Database.ExecuteSqlRawAsync(copy);   // the columns are the table's own names
            // What such a database looks like: no search entries or keys, and an empty text for the contacts.
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "CustomerKeys"; DELETE FROM "CustomerSearch"; UPDATE "Customers" SET "Contacts" = '';""");
            // The owner and department the rows name, so that a later migration that rebuilds the table finds its keys whole.
            await Stub(db, "Departments", new() { ["Id"] = department.ToString().ToUpperInvariant(), ["Name"] = "门店", ["Kind"] = "Company" });
            await Stub(db, "AspNetUsers", new() { ["Id"] = "owner", ["DepartmentId"] = department.ToString().ToUpperInvariant(), ["DisplayName"] = "负责人" });

            await DataFeature.MigrateAsync(db, [new Features.Customers.IndexOlderCustomers()]);

            Assert.Empty((await db.Set<Customer>().SingleAsync(c => c.Id == older.Id)).Contacts);
            var entries = await db.Set<Features.Customers.CustomerSearchEntry>().Select(e => e.CustomerId).ToListAsync();
            Assert.Equal(new[] { older.Id, survivor.Id }.Order(), entries.Order());   // the merged one stays unfound
            var found = await db.Database.SqlQuery<Guid>($"""
                SELECT s."CustomerId" AS "Value" FROM "CustomerWords" JOIN "CustomerSearch" s ON s."Id" = "CustomerWords".rowid WHERE "CustomerWords" MATCH '"小 明"'
                """).ToListAsync();
            Assert.Equal([older.Id], found);
            Assert.True(await db.Set<Features.Customers.CustomerKey>().AnyAsync(k => k.CustomerId == older.Id && k.Key.StartsWith("t:")));   // its phone tail
            Assert.Equal(0, await Features.Customers.IndexOlderCustomers.Run(db, CancellationToken.None));   // nothing is left to do
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
            File.Delete(file + ".current");
        }
    }
}
