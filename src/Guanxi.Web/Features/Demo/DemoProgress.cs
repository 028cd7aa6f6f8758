using System.Diagnostics;
using System.Globalization;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// Tells whoever started Guanxi how far the demo has got (issue 22: a first start that talks): one line per stage, in
/// Chinese and English, a count now and then for the long ones, and at the end how long it took. Information level, so
/// that the default console shows it.
/// </summary>
public sealed class DemoProgress(ILogger logger)
{
    /// <summary>A long stage's count is told at most this often.</summary>
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(3);

    private readonly Stopwatch watch = Stopwatch.StartNew();
    private TimeSpan lastCount = TimeSpan.Zero;

    public static DemoProgress For(IServiceProvider services) =>
        new(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoSeeder)));

    public TimeSpan Elapsed => watch.Elapsed;

    /// <summary>A stage begins: "正在生成演示数据：客户 / Building the demo: customers".</summary>
    public void Stage(string zh, string en)
    {
        logger.LogInformation("正在生成演示数据：{Stage} / Building the demo: {StageEn}", zh, en);
        lastCount = watch.Elapsed;
    }

    /// <summary>A long stage's count ("客户 1,200/3,000"), at most every few seconds, and always its last.</summary>
    public void Count(string zh, string en, int done, int total)
    {
        if (done < total && watch.Elapsed - lastCount < Every)
            return;
        lastCount = watch.Elapsed;
        var count = string.Create(CultureInfo.InvariantCulture, $"{done:N0}/{total:N0}");
        logger.LogInformation("正在生成演示数据：{Stage} {Count} / Building the demo: {StageEn} {CountEn}", zh, count, en, count);
    }

    /// <summary>The end: "演示数据已生成，用时 84 秒".</summary>
    public void Done(int customers)
    {
        var (seconds, count) = ((int)Math.Round(watch.Elapsed.TotalSeconds), customers.ToString("N0", CultureInfo.InvariantCulture));
        logger.LogInformation("演示数据已生成（{Customers} 位客户），用时 {Seconds} 秒 / The demo is ready ({CustomersEn} customers), in {SecondsEn} s",
            count, seconds, count, seconds);
    }
}
