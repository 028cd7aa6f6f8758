using Guanxi.Domain.Common;
using Guanxi.Domain.Reviews;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Features.Tasks;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.Reviews;

/// <summary>ARC-6 定期修订核查: review cycles, the owners' review tasks, filing the archive, progress per owner.</summary>
public static class ReviewsFeature
{
    public static readonly Error Filter = new("review.filter", "状态只能是 open、overdue 或 done。", "state is open, overdue or done.", "state");

    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<OpenReviewCycle>();
        services.AddScoped<Customers.ICustomerMergeStep, MoveReviews>();
        services.AddScoped<ReviewSettings>();
        services.AddScoped<ListReviews>();
        services.AddScoped<ReviewProgress>();
        services.AddScoped<CompleteReview>();
        services.AddScoped<Customers.ITimelineSource, ReviewTimeline>();   // the customer's 时间线: their periodic reviews
        return builder;
    }

    /// <summary>Every morning at 06:00 (setting Reviews:DailyCron) the job opens a cycle when one is due.</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<ReviewJob>(j => j.WithIdentity(ReviewJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(ReviewJob.Key).WithIdentity("reviews.daily")
            .WithCronSchedule(configuration.GetValue("Reviews:DailyCron", "0 0 6 * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
    }

    public static WebApplication MapReviews(this WebApplication app)
    {
        var api = app.MapGroup("/api/reviews").RequireAuthorization().WithTags("Reviews");
        api.MapGet("/tasks", async (bool? mine, Guid? cycleId, string? state, bool? flagged, [AsParameters] Paging paging, ListReviews list, CancellationToken ct) =>
        {
            if (!ApiEnums.TryParse<TaskState>(state, out var s))
                return ResultHttp.Problem([Filter]);
            return (await list.Handle(mine ?? true, cycleId, s, flagged ?? false, paging, ct)).ToHttp();
        }).Produces<ReviewList>()
            .WithSummary("The review tasks of a cycle (default the latest): mine=true (default) the caller's, mine=false everyone's in a manager's sight; state=open|overdue|done; flagged=true only those flagged for cause analysis (fastGrowth, churned); page/pageSize (skip/take deprecated).");
        api.MapPost("/tasks/{id:guid}/complete", async (Guid id, CompleteReviewBody body, CompleteReview complete, CancellationToken ct) =>
            (await complete.Handle(id, body, ct)).ToHttp(_ => TypedResults.NoContent())).WithSummary("Finish a review: {category: important|special|general, note} — the note is required when the customer was flagged. Files the customer's archive.");
        api.MapGet("/progress", async (Guid? cycleId, ReviewProgress progress, CancellationToken ct) => (await progress.Handle(cycleId, ct)).ToHttp())
            .Produces<IReadOnlyList<OwnerProgress>>()
            .WithSummary("Each owner's progress with a cycle (default the latest): total, done, open, overdue, flagged. Department managers, customer service and leadership.");
        api.MapPost("/cycles", async (OpenReviewCycle open, CancellationToken ct) =>
            (await open.Now(ct)).ToHttp(cycle => TypedResults.Created($"/api/reviews/tasks?cycleId={cycle.Id}", cycle)))
            .Produces<ReviewCycleView>(StatusCodes.Status201Created)
            .WithSummary("Open a review cycle now, before the interval has passed (administrators and the customer-service manager); 409 naming the cycle while one is still open.");
        api.MapGet("/settings", async (ReviewSettings settings, CancellationToken ct) => (await settings.Get(ct)).ToHttp())
            .WithSummary("The review settings: intervalMonths (default 2), dueDays (14), growthPercent (50).");
        api.MapPut("/settings", async (ReviewPolicy body, ReviewSettings settings, CancellationToken ct) =>
            (await settings.Save(body, ct)).ToHttp()).WithSummary("Administrators set the review settings.");
        return app;
    }
}
