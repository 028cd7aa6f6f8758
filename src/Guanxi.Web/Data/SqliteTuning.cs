using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Guanxi.Web.Data;

/// <summary>
/// Settings SQLite keeps per connection, set each time one opens: a 64 MiB page cache instead of the default 2 MiB (the
/// search indexes of a million customers are far larger, and an import that outgrows the cache spills dirty pages in
/// mid-transaction), and, with write-ahead logging, syncing at checkpoints rather than at every commit (still durable
/// across a crash of the app; a power cut may lose the last commits, never corrupt the file).
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA cache_size = -65536; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
