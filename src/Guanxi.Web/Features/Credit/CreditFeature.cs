using Guanxi.Domain.Credit;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Features.Watchlists;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.Credit;

/// <summary>ARC-5 credit rating and ARC-7 watch lists: the rule table, nightly rating, manual adjustment, business conditions, the big and risk lists.</summary>
public static class CreditFeature
{
    public static WebApplicationBuilder AddCredit(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<EvaluateCredit>();
        services.AddScoped<Orders.IOrdersWritten, RateWrittenOrders>();
        services.AddScoped<CreditSettings>();
        services.AddScoped<GetCustomerCredit>();
        services.AddScoped<AdjustCredit>();
        services.AddScoped<RecordBusinessConditions>();
        services.AddScoped<Watchlists.Watchlists>();
        return builder;
    }

    /// <summary>
    /// The job that orders trigger (every night the grading job rates everyone, <see cref="Grading.RecomputeNight"/>);
    /// the report to leadership on the 1st at 08:00 (Watchlists:ReportCron).
    /// </summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        var zone = JobsFeature.Zone(configuration);
        q.AddJob<CreditJob>(j => j.WithIdentity(CreditJob.Key).StoreDurably());
        q.AddJob<WatchlistReportJob>(j => j.WithIdentity(WatchlistReportJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(WatchlistReportJob.Key).WithIdentity("watchlists.monthly")
            .WithCronSchedule(configuration.GetValue("Watchlists:ReportCron", "0 0 8 1 * ?")!, c => c.InTimeZone(zone)));
    }

    public static WebApplication MapCredit(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Credit");
        api.MapGet("/customers/{id:guid}/credit", async (Guid id, GetCustomerCredit get, CancellationToken ct) => (await get.Handle(id, ct)).ToHttp())
            .Produces<CreditView>()
            .WithSummary("Credit level (AAA|AA|A|B|C), whether it was set by hand, the payment record and reason behind it, business conditions and the history.");
        api.MapPost("/customers/{id:guid}/credit/adjust", async (Guid id, CreditAdjustBody body, AdjustCredit adjust, CancellationToken ct) => (await adjust.Handle(id, body, ct)).ToHttp())
            .Produces<CreditLevel>()
            .WithSummary("A manual level {level: AAA|AA|A|B|C, reason} by the department's manager or the customer-service manager; recorded in the history.");
        api.MapPut("/customers/{id:guid}/business-conditions", async (Guid id, BusinessConditionsBody body, RecordBusinessConditions record, CancellationToken ct) =>
                (await record.Handle(id, body, ct)).ToHttp())
            .Produces<IReadOnlyList<BusinessCondition>>()
            .WithSummary("Business-condition flags {conditions: [poorCondition|debts|restructuring|bankruptcy]}; the credit is rated again at once.");
        api.MapGet("/credit/settings", async (CreditSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.Get(ct)))
            .WithSummary("The credit rule table: per level AAA, AA, A, B the minimum on-time percent, maximum overdue amount and days, and whether business flags are allowed.");
        api.MapPut("/credit/settings", async (CreditPolicy body, CreditSettings settings, CancellationToken ct) => (await settings.Save(body, ct)).ToHttp())
            .Produces<CreditPolicy>()
            .WithSummary("Administrators edit the rule table; the nightly evaluation applies it.");
        api.MapGet("/watchlists/big", async (int? top, Watchlists.Watchlists lists, CancellationToken ct) =>
                (await lists.Big(Math.Clamp(top ?? Watchlists.Watchlists.BigSize, 1, 500), ct)).ToHttp())
            .Produces<IReadOnlyList<WatchRow>>()
            .WithSummary("ARC-7: the biggest customers (top N by the profit of the last 12 months, default 50) in the caller's sight.");
        api.MapGet("/watchlists/risk", async (int? take, Watchlists.Watchlists lists, CancellationToken ct) => (await lists.Risk(Math.Clamp(take ?? 200, 1, 1000), ct)).ToHttp())
            .Produces<IReadOnlyList<WatchRow>>()
            .WithSummary("ARC-7: risky customers (credit B or C, business-condition flags, or money overdue) in the caller's sight, worst first.");
        return app;
    }
}
