using System.Diagnostics;
using Guanxi.Web.Features.Imports;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanxi.Web.Tests.Imports;

/// <summary>Section 5: an import never takes unbounded memory, whatever the file holds.</summary>
public abstract class ImportLimitsTests(GuanxiApp app)
{
    /// <summary>One 400 MB shared string, some 400 KB zipped: built once, streamed into the zip.</summary>
    private static readonly Lazy<byte[]> Bomb = new(() => XlsxParts.OneSharedString('a', 400L << 20));

    [Fact]
    public async Task ARC_10_an_xlsx_that_unpacks_to_a_400_MB_string_fails_at_once_with_its_reason_in_bounded_memory()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var bomb = Bomb.Value;
        Assert.InRange(bomb.Length, 1, 2 << 20);

        // The working set, sampled every 10 ms while the import runs: reading the string whole took the server to 4 GB,
        // and a string grows to that size over seconds, so a sample sees it. The test host is shared (other tests run
        // alongside), so the bound is on the growth over the import, not on what the host held before it started.
        var before = Environment.WorkingSet;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        long peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var id = await ImportApi.Start(manager, bomb, "炸弹.xlsx", "customers", "dryRun");
        var job = await ImportApi.Finished(manager, id);
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"bomb {bomb.Length:N0} bytes: failed in {clock.ElapsedMilliseconds} ms; working set {before >> 20} MB before, {peak >> 20} MB at most; "
            + $"{(GC.GetTotalAllocatedBytes() - allocatedBefore) >> 20} MB allocated by the whole host meanwhile");
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("这个 Excel 文件超出了导入的限制：有一个单元格超过 32,767 个字符（Excel 的上限）。请删去多余的内容或拆分成几个文件后再上传。", job.GetProperty("message").GetString());
        Assert.Equal(0, job.GetProperty("created").GetInt32());
        Assert.True(peak - before < 1L << 30, $"the working set grew by {(peak - before) >> 20} MB");
        // Seconds, not the minutes of reading 400 MB: generous for a shared two-core machine (the issue asks for it).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        using var scope = app.Services.CreateScope();
        Assert.DoesNotContain(id, await scope.ServiceProvider.GetRequiredService<ResumeImports>().Handle(TestContext.Current.CancellationToken));   // failed: not run again at start-up
    }

    [Fact]
    public async Task ARC_10_an_import_interrupted_twice_is_marked_failed_with_its_reason_at_start_up_and_not_run_again()
    {
        app.EnsureAvailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Guanxi.Web.Data.GuanxiDbContext>();
        var userId = await db.Users.Where(u => u.Email == "sales.manager@demo.guanxi.cn").Select(u => u.Id).SingleAsync(cancellationToken);
        ImportJob Interrupted(int attempts) => new()
        {
            Id = Guid.CreateVersion7(), Kind = "customers", Mode = ImportMode.DryRun, FileName = $"中断{attempts}次.xlsx", StoredPath = Path.Combine(Path.GetTempPath(), "guanxi-test-imports", $"{Guid.NewGuid():N}.xlsx"),
            Status = ImportStatus.Running, Attempts = attempts, UserId = userId, CreatedAt = DateTimeOffset.UnixEpoch,
        };
        var (twice, once) = (Interrupted(2), Interrupted(1));
        db.AddRange(twice, once);
        await db.SaveChangesAsync(cancellationToken);

        var resumed = await scope.ServiceProvider.GetRequiredService<ResumeImports>().Handle(cancellationToken);   // what the worker does as the app starts

        Assert.Contains(once.Id, resumed);
        Assert.DoesNotContain(twice.Id, resumed);
        var job = await ImportApi.Finished(await app.SignedInAs("sales.manager@demo.guanxi.cn"), twice.Id);
        Assert.Equal(("failed", ResumeImports.GaveUp), (job.GetProperty("status").GetString(), job.GetProperty("message").GetString()));
        await db.Set<ImportJob>().Where(j => j.Id == once.Id).ExecuteDeleteAsync(cancellationToken);   // never queued here: no file to run
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportLimitsTests_Sqlite(SqliteApp app) : ImportLimitsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ImportLimitsTests_Postgres(PostgresApp app) : ImportLimitsTests(app);
