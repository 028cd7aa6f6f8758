using Guanxi.Domain.Recommendations;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.Recommendations;

/// <summary>SVC-6: personal service — the customer's preferences and needs, and recommendations from their purchase history, with a reason, turnable into a task.</summary>
public static class RecommendationsFeature
{
    public static WebApplicationBuilder AddRecommendations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<GetRecommendations>();
        services.AddScoped<TurnRecommendationIntoTask>();
        services.AddScoped<RecommendationSettings>();
        services.AddScoped<KeepItemPairs>();
        services.AddSingleton(new CustomerPanel(10, typeof(Pages.PersonalServicePanel), "personal-service"));   // 个性化服务 at the top of the customer page
        return builder;
    }

    /// <summary>The item pairs are counted at 03:40 (Recommendations:PairsCron), before the day's work.</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<ItemPairsJob>(j => j.WithIdentity(ItemPairsJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(ItemPairsJob.Key).WithIdentity("recommendations.nightly")
            .WithCronSchedule(configuration.GetValue("Recommendations:PairsCron", "0 40 3 * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
    }

    public static WebApplication MapRecommendations(this WebApplication app)
    {
        var api = app.MapGroup("/api/customers/{id:guid}/recommendations").RequireAuthorization().WithTags("Recommendations");
        api.MapGet("", async (Guid id, GetRecommendations get, CancellationToken ct) => (await get.Handle(id, ct)).ToHttp())
            .Produces<RecommendationList>()
            .WithSummary("个性化推荐: the customer's recommendations from their purchase history, the most urgent first — items [{kind: service|tyres|battery|insurance|tradeIn|alsoBought, subject (the vehicle's VIN or plate, or the item proposed), title, reason (the figures, in the caller's language; dates yyyy-MM-dd), dueOn (none for alsoBought), priority high|medium|low, score 0–100, careText (what a care message to the customer would say), openTaskId (the open task made from it)}], pairsCountedAt. A dealer's: the service due by time and by mileage since the last job (projected from the km a day between the car's readings), tyres and battery by age, the insurance renewal on the delivery's anniversary, a trade-in for an older car; anyone's: items bought by customers who bought the same (support and lift thresholds). Whoever sees the customer; 404 otherwise.");
        api.MapPost("/task", async (Guid id, RecommendationTaskBody body, TurnRecommendationIntoTask turn, CancellationToken ct) => (await turn.Handle(id, body, ct)).ToHttp())
            .Produces<RecommendationTaskView>()
            .WithSummary("Turn a recommendation into a task (推荐跟进) for the customer's owner {kind, subject (needed only when the customer has several of that kind)}: its note is the title and the reason; due a week before the recommendation (an item: in a week), not before today; it appears in the owner's 我的任务. 404 when the customer is out of sight or has no such recommendation today; 409 for an archived customer, and while a task made from the same recommendation is open (taskId, dueOn, assigneeId).");

        var settings = app.MapGroup("/api/settings/recommendations").RequireAuthorization().WithTags("Recommendations");
        settings.MapGet("", async (RecommendationSettings s, CancellationToken ct) => (await s.Get(ct)).ToHttp())
            .Produces<RecommendationSettingsView>()
            .WithSummary("The recommendations' thresholds: policy {serviceMonths 6, serviceKm 10,000, tyreYears 4, batteryYears 3, insuranceDaysBefore 30, tradeInYears 6, lookAheadDays 30, minSupportCount 3, minLift 1.2, maxAlsoBought 3}, canEdit. Any member of staff.");
        settings.MapPut("", async (RecommendationPolicy body, RecommendationSettings s, CancellationToken ct) => (await s.Save(body, ct)).ToHttp())
            .Produces<RecommendationSettingsView>()
            .WithSummary("Administrators set the thresholds {serviceMonths 1–36, serviceKm 1,000–100,000, tyreYears 1–15, batteryYears 1–15, insuranceDaysBefore 1–120, tradeInYears 1–30, lookAheadDays 0–180, minSupportCount 2–100,000, minLift above 1 and at most 100, maxAlsoBought 0–20} (a member left out takes its default); 400 per field with the range, nothing saved; 403 for others. The item pairs are counted with them the next night.");
        return app;
    }
}
