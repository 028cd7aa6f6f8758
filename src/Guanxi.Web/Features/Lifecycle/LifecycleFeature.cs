using Guanxi.Domain.Lifecycle;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.Lifecycle;

/// <summary>LIF-1..4 and GRD-7: stages, their history and tasks, churn reasons and the churn report, prospect levels, key-account relationships.</summary>
public static class LifecycleFeature
{
    public static WebApplicationBuilder AddLifecycle(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(new Customers.CustomerTab(20, "Lifecycle.Tab", typeof(Pages.CustomerLifecycleTab), "lifecycle-tab"));
        services.AddScoped<UpdateLifecycle>();
        services.AddScoped<Orders.IOrdersWritten, JudgeWrittenOrders>();
        services.AddScoped<LifecycleSettings>();
        services.AddScoped<GetCustomerLifecycle>();
        services.AddScoped<RecordChurnReason>();
        services.AddScoped<ClassifyProspect>();
        services.AddScoped<RecordRelationship>();
        services.AddScoped<ChurnReport>();
        return builder;
    }

    /// <summary>The job that orders and settings changes trigger; every night the grading job's night runs it for everyone (Grading.RecomputeNight).</summary>
    public static void Schedule(IQuartzBuilder q) => q.AddJob<LifecycleJob>(j => j.WithIdentity(LifecycleJob.Key).StoreDurably());

    public static WebApplication MapLifecycle(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Lifecycle");
        api.MapGet("/customers/{id:guid}/lifecycle", async (Guid id, GetCustomerLifecycle get, CancellationToken ct) =>
                (await get.Handle(id, ct)).ToHttp())
            .WithSummary("Stage (potential|firstPurchase|repeat|loyal|churned), since, the stage's strategy, the stage history with reasons, the customer's tasks, the churn reason and the prospect level.");
        api.MapPut("/customers/{id:guid}/churn-reason", async (Guid id, ChurnReasonBody body, RecordChurnReason record, CancellationToken ct) =>
            (await record.Handle(id, body, ct)).ToHttp(_ => TypedResults.NoContent())).WithSummary("Why a churned customer was lost: {reason: price|service|quality|competitor|moved|noNeed|business|unreachable|other, note}.");
        api.MapPut("/customers/{id:guid}/prospect-level", async (Guid id, ProspectLevelBody body, ClassifyProspect classify, CancellationToken ct) =>
            (await classify.Handle(id, body, ct)).ToHttp(_ => TypedResults.NoContent())).WithSummary("Prospect level: {level: seed|general|key, or null to clear}.");
        api.MapPut("/customers/{id:guid}/relationship", async (Guid id, RelationshipBody body, RecordRelationship record, CancellationToken ct) =>
            (await record.Handle(id, body, ct)).ToHttp()).WithSummary("Key-account relationship: {stage: interaction|continuity|understanding|relationship, type: basic|passive|responsible|proactive|partner, phase: harvest|breakthrough|consolidation|hibernation|pause, note}; null clears a field.");
        api.MapGet("/lifecycle/settings", async (LifecycleSettings settings, CancellationToken ct) => (await settings.Get(ct)).ToHttp())
            .WithSummary("The lifecycle thresholds: loyal (orders in months), churn (multiple of the usual interval, floor in months), task due days.");
        api.MapPut("/lifecycle/settings", async (LifecyclePolicy body, LifecycleSettings settings, CancellationToken ct) =>
            (await settings.Save(body, ct)).ToHttp()).WithSummary("Administrators set the thresholds; every customer is judged again at once.");
        api.MapGet("/reports/churn", async (DateOnly? from, DateOnly? to, ChurnReport report, CancellationToken ct) =>
            (await report.Handle(from, to, ct)).ToHttp()).WithSummary("Customers lost in the period (default the last 12 months) by reason, tier, type and month, and monthly cohorts of first purchase with the share retained.");
        return app;
    }
}
