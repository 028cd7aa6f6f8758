using Guanxi.Web.Features.Credit;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.Watchlists;

/// <summary>ARC-7 watch lists: the big and risk lists, who the credit and tier alerts watch, the monthly report to leadership.</summary>
public static class WatchlistsFeature
{
    public static WebApplicationBuilder AddWatchlists(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<Watchlists>();
        services.AddScoped<IWatchedCustomers, WatchedCustomers>();
        return builder;
    }

    /// <summary>The report to leadership on the 1st at 08:00 (Watchlists:ReportCron).</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        var zone = JobsFeature.Zone(configuration);
        q.AddJob<WatchlistReportJob>(j => j.WithIdentity(WatchlistReportJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(WatchlistReportJob.Key).WithIdentity("watchlists.monthly")
            .WithCronSchedule(configuration.GetValue("Watchlists:ReportCron", "0 0 8 1 * ?")!, c => c.InTimeZone(zone)));
    }

    /// <summary>Under the API's Credit tag, where the lists have always been described (ARC-7 is read with ARC-5).</summary>
    public static WebApplication MapWatchlists(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Credit");
        api.MapGet("/watchlists/big", async (int? top, Watchlists lists, CancellationToken ct) =>
                (await lists.Big(Math.Clamp(top ?? Watchlists.BigSize, 1, 500), ct)).ToHttp())
            .Produces<IReadOnlyList<WatchRow>>()
            .WithSummary("The biggest customers (top N by the profit of the last 12 months, default 50) in the caller's sight.");
        api.MapGet("/watchlists/risk", async (int? take, Watchlists lists, CancellationToken ct) => (await lists.Risk(Math.Clamp(take ?? 200, 1, 1000), ct)).ToHttp())
            .Produces<IReadOnlyList<WatchRow>>()
            .WithSummary("Risky customers (credit B or C, business-condition flags, or money overdue) in the caller's sight, worst first.");
        return app;
    }
}
