using Guanxi.Web.Data;
using Microsoft.Data.Sqlite;

namespace Guanxi.Web.Tests.Infrastructure;

public class SqliteApp : GuanxiApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string?> CreateDatabaseAsync() =>
        Task.FromResult<string?>($"Data Source={Path.Combine(Path.GetTempPath(), $"guanxi-test-{Guid.NewGuid():N}.db")}");

    protected override Task DropDatabaseAsync(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            File.Delete(path);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "SQLite";
}
