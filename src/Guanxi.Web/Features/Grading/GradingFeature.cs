using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.Grading;

public sealed record JobStarted(Guid JobId);

/// <summary>GRD-1..6: indicators and tiers, the grading policy and service standards, recomputes, the 80/20 report, value, structure.</summary>
public static class GradingFeature
{
    public static WebApplicationBuilder AddGrading(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(new Customers.CustomerTab(10, "Grade.Tab", typeof(Pages.CustomerGradeTab), "grade-tab"));
        services.AddScoped<GradingSettings>();
        services.AddScoped<RecomputeGrades>();
        services.AddScoped<Lifecycle.IFirstPurchases, GradedFirstPurchases>();
        services.AddScoped<StartRecompute>();
        services.AddScoped<GetCustomerGrade>();
        services.AddScoped<AssessPotential>();
        services.AddScoped<ParetoReport>();
        services.AddScoped<ExportPareto>();
        services.AddScoped<GetCustomerValue>();
        services.AddScoped<StructureReport>();
        services.AddScoped<RecomputeNight>();
        return builder;
    }

    /// <summary>
    /// The night — lifecycle stages, credit ratings and tiers (setting Grading:NightlyCron, default 02:30 in the
    /// enterprise's time zone) — and the job on-demand recomputes trigger.
    /// </summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<GradingJob>(j => j.WithIdentity(GradingJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(GradingJob.Key).WithIdentity("grading.nightly")
            .WithCronSchedule(configuration.GetValue("Grading:NightlyCron", "0 30 2 * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
    }

    public static WebApplication MapGrading(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Grading");
        api.MapGet("/customers/{id:guid}/grade", async (Guid id, GetCustomerGrade get, CancellationToken ct) =>
                (await get.Handle(id, ct)).ToHttp())
            .WithSummary("Tier (vip|important|ordinary), score 0–100, indicators as of the last recompute, since when, and the tier history with reasons.");
        api.MapGet("/customers/{id:guid}/value", async (Guid id, GetCustomerValue get, CancellationToken ct) =>
                (await get.Handle(id, ct)).ToHttp())
            .WithSummary("Current value (profit of the last 12 months), the 12 months before and the uplift, potential value (lifetime-value estimate m × r ÷ (1 + d − r)) with its formula and inputs, and amount and profit of the last 8 quarters.");
        api.MapPut("/customers/{id:guid}/potential", async (Guid id, PotentialBody body, AssessPotential assess, CancellationToken ct) =>
            (await assess.Handle(id, body, ct)).ToHttp(_ => TypedResults.NoContent())).WithSummary("The owner's assessment of the customer's potential: {score 0–100, reason}; the next recompute counts it.");
        api.MapGet("/grading/settings", async (GradingSettings settings, CancellationToken ct) => (await settings.Get(ct)).ToHttp())
            .WithSummary("The grading policy (period, weights, thresholds or percentiles, profit and cost-to-serve settings) and each tier's service standard.");
        api.MapPut("/grading/settings", async (GradingSettingsView body, GradingSettings settings, CancellationToken ct) =>
            (await settings.Save(body, ct)).ToHttp()).WithSummary("Administrators set the policy and the service standards; the next recompute applies them.");
        api.MapPost("/grading/recompute", async (StartRecompute start, CancellationToken ct) =>
                (await start.Handle(ct)).ToHttp(run => TypedResults.Accepted($"/api/jobs/{run}", new JobStarted(run))))
            .Produces<JobStarted>(StatusCodes.Status202Accepted)
            .WithSummary("Recompute every customer's indicators and tier now: 202 with the job's id (GET /api/jobs/{id} for progress); 409 with jobId while a recompute is running.");
        api.MapGet("/reports/pareto", async (DateOnly? from, DateOnly? to, ParetoReport report, CancellationToken ct) =>
            (await report.Handle(from, to, ct)).ToHttp()).WithSummary("80/20: customers, the top 20%'s profit share, the bottom 20% (count whose profit after cost to serve ≤ 0, profit), the middle 60%, the curve. Without from/to: the grading period as of the last recompute.");
        api.MapGet("/reports/structure", async (DateOnly? from, DateOnly? to, StructureReport report, CancellationToken ct) =>
            (await report.Handle(from, to, ct)).ToHttp()).WithSummary("The customers in sight by industry, province, city, size, product, tier, lifecycle stage, order count and potential — each part's count, share, amount and profit of the period (default the last 12 months).");
        api.MapGet("/reports/pareto/customers", ParetoCustomers).Produces<Page<ParetoRow>>()
            .WithSummary($"A segment's customers in profit order: segment=top|middle|bottom (bottom: only those whose profit after cost to serve is ≤ 0); page (from 1) and pageSize (default 50, at most {Page<ParetoRow>.MaxPageSize}), total = the segment's size. Deprecated: skip/take (take at most 1,000), read for one more release and answered as before, a bare array.");
        api.MapGet("/reports/pareto/export", async (DateOnly? from, DateOnly? to, string? segment, ExportPareto export, Domain.Common.EnterpriseClock clock, CancellationToken ct) =>
        {
            if (!ApiEnums.TryParse<ParetoSegment>(segment ?? "top", out var s))
                return ResultHttp.Problem([ParetoReport.Segment]);
            return (await export.Handle(from, to, s ?? ParetoSegment.Top, Cultures.IsEnglish, ct)).ToHttp(file => TypedResults.File(file,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ExportPareto.FileName(s ?? ParetoSegment.Top, clock.Today, Cultures.IsEnglish)));
        }).WithSummary("A segment's list as .xlsx (needs the export right: leadership, the customer-service manager, department managers; logged).");
        return app;
    }

    /// <summary>A page of a segment; asked the deprecated way (skip/take only) it answers as before: a bare array, take up to 1,000.</summary>
    private static async Task<IResult> ParetoCustomers(DateOnly? from, DateOnly? to, string? segment, [AsParameters] Paging paging, ParetoReport report, CancellationToken ct)
    {
        if (paging is { Page: null, PageSize: null } && (paging.Skip is not null || paging.Take is not null))
            return (await report.Rows(from, to, segment, Math.Max(0, paging.Skip ?? 0), Math.Clamp(paging.Take ?? 100, 1, 1000), ct)).ToHttp(rows => TypedResults.Ok(rows.Items));
        return (await report.Rows(from, to, segment, paging.Offset, paging.Size, ct)).ToHttp();
    }
}
