using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartz;

namespace Guanxi.Web.Features.Grading;

public sealed record JobStarted(Guid JobId);

/// <summary>GRD-1..6: indicators and tiers, the grading policy and service standards, recomputes, the 80/20 report, value, structure.</summary>
public static class GradingFeature
{
    public static WebApplicationBuilder AddGrading(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<GradingSettings>();
        services.AddScoped<RecomputeGrades>();
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
        api.MapGet("/customers/{id:guid}/grade", async Task<Results<Ok<GradeView>, NotFound>> (Guid id, GetCustomerGrade get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } grade ? TypedResults.Ok(grade) : TypedResults.NotFound())
            .WithSummary("Tier (vip|important|ordinary), score 0–100, indicators as of the last recompute, since when, and the tier history with reasons.");
        api.MapGet("/customers/{id:guid}/value", async Task<Results<Ok<CustomerValueView>, NotFound>> (Guid id, GetCustomerValue get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } value ? TypedResults.Ok(value) : TypedResults.NotFound())
            .WithSummary("GRD-6: current value (profit of the last 12 months), the 12 months before and the uplift, potential value (lifetime-value estimate m × r ÷ (1 + d − r)) with its formula and inputs, and amount and profit of the last 8 quarters.");
        api.MapPut("/customers/{id:guid}/potential", async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, PotentialBody body, AssessPotential assess, CancellationToken ct) =>
        {
            if (await assess.Handle(id, body, ct) is not { } assessed)
                return TypedResults.NotFound();
            if (Problems.RefusedFor(assessed, AssessPotential.NotAllowed))
                return Problems.Forbidden(AssessPotential.NotAllowed);
            return assessed.Succeeded ? TypedResults.NoContent() : Problems.Validation(assessed.Errors);
        }).WithSummary("The owner's assessment of the customer's potential: {score 0–100, reason}; the next recompute counts it.");
        api.MapGet("/grading/settings", async (GradingSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.Get(ct)))
            .WithSummary("The grading policy (period, weights, thresholds or percentiles, profit and cost-to-serve settings) and each tier's service standard.");
        api.MapPut("/grading/settings", async Task<Results<Ok<GradingSettingsView>, ValidationProblem, ProblemHttpResult>> (GradingSettingsView body, GradingSettings settings, CancellationToken ct) =>
        {
            var saved = await settings.Save(body, ct);
            if (Problems.RefusedFor(saved, GradingSettings.NotAllowed))
                return Problems.Forbidden(GradingSettings.NotAllowed);
            return saved.Succeeded ? TypedResults.Ok(saved.Value!) : Problems.Validation(saved.Errors);
        }).WithSummary("Administrators set the policy and the service standards; the next recompute applies them.");
        api.MapPost("/grading/recompute", async Task<Results<Accepted<JobStarted>, ProblemHttpResult>> (StartRecompute start, CancellationToken ct) =>
        {
            var started = await start.Handle(ct);
            return started.Succeeded ? TypedResults.Accepted($"/api/jobs/{started.Value}", new JobStarted(started.Value)) : Problems.Forbidden(started.Errors[0]);
        }).WithSummary("Recompute every customer's indicators and tier now: 202 with the job's id (GET /api/jobs/{id} for progress).");
        api.MapGet("/reports/pareto", async Task<Results<Ok<ParetoView>, ValidationProblem, ProblemHttpResult>> (DateOnly? from, DateOnly? to, ParetoReport report, CancellationToken ct) =>
        {
            var view = await report.Handle(from, to, ct);
            if (Problems.RefusedFor(view, ParetoReport.NotAllowed))
                return Problems.Forbidden(ParetoReport.NotAllowed);
            return view.Succeeded ? TypedResults.Ok(view.Value!) : Problems.Validation(view.Errors);
        }).WithSummary("80/20: customers, the top 20%'s profit share, the bottom 20% (count whose profit after cost to serve ≤ 0, profit), the middle 60%, the curve. Without from/to: the grading period as of the last recompute.");
        api.MapGet("/reports/structure", async Task<Results<Ok<StructureView>, ValidationProblem, ProblemHttpResult>> (DateOnly? from, DateOnly? to, StructureReport report, CancellationToken ct) =>
        {
            var view = await report.Handle(from, to, ct);
            if (Problems.RefusedFor(view, StructureReport.NotAllowed))
                return Problems.Forbidden(StructureReport.NotAllowed);
            return view.Succeeded ? TypedResults.Ok(view.Value!) : Problems.Validation(view.Errors);
        }).WithSummary("GRD-5: the customers in sight by industry, province, city, size, product, tier, lifecycle stage, order count and potential — each part's count, share, amount and profit of the period (default the last 12 months).");
        api.MapGet("/reports/pareto/customers", async Task<Results<Ok<IReadOnlyList<ParetoRow>>, ValidationProblem, ProblemHttpResult>> (
            DateOnly? from, DateOnly? to, string? segment, int? skip, int? take, ParetoReport report, CancellationToken ct) =>
        {
            if (!ApiEnums.TryParse<ParetoSegment>(segment ?? "top", out var s))
                return Problems.Validation(ParetoReport.Segment);
            var rows = await report.Rows(from, to, s ?? ParetoSegment.Top, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 100, 1, 1000), ct);
            if (Problems.RefusedFor(rows, ParetoReport.NotAllowed))
                return Problems.Forbidden(ParetoReport.NotAllowed);
            return rows.Succeeded ? TypedResults.Ok(rows.Value!) : Problems.Validation(rows.Errors);
        }).WithSummary("A segment's customers in profit order: segment=top|middle|bottom (bottom: only those whose profit after cost to serve is ≤ 0).");
        api.MapGet("/reports/pareto/export", async Task<Results<FileStreamHttpResult, ValidationProblem, ProblemHttpResult>> (
            DateOnly? from, DateOnly? to, string? segment, ExportPareto export, Domain.Common.EnterpriseClock clock, CancellationToken ct) =>
        {
            if (!ApiEnums.TryParse<ParetoSegment>(segment ?? "top", out var s))
                return Problems.Validation(ParetoReport.Segment);
            var file = await export.Handle(from, to, s ?? ParetoSegment.Top, Cultures.IsEnglish, ct);
            if (Problems.RefusedFor(file, ParetoReport.NotAllowed))
                return Problems.Forbidden(ParetoReport.NotAllowed);
            return file.Succeeded
                ? TypedResults.File(file.Value!, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"pareto-{(s ?? ParetoSegment.Top).ToString().ToLowerInvariant()}-{clock.Today:yyyyMMdd}.xlsx")
                : Problems.Validation(file.Errors);
        }).RequireAuthorization(Shared.Auth.Policies.ExportCustomers).WithSummary("A segment's list as .xlsx (needs the export right; logged).");
        return app;
    }
}
