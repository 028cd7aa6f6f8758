using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Microsoft.AspNetCore.Mvc;
using Quartz;

namespace Guanxi.Web.Features.Care;

/// <summary>
/// SVC-5, the calendar of care (客户关怀): care plans per occasion (holidays solar and lunar, birthdays, anniversaries), run every
/// morning into the outbox (or a call task for the owner of a VIP), and the care report.
/// </summary>
public static class CareFeature
{
    public static WebApplicationBuilder AddCare(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ListCarePlans>();
        services.AddScoped<SaveCarePlan>();
        services.AddScoped<GetCareCalendar>();
        services.AddScoped<RunCarePlans>();
        services.AddScoped<GetCareReport>();
        return builder;
    }

    /// <summary>The plans run every morning (Care:PlansCron, 06:30 enterprise time), before the quiet hours end at 08:00.</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<CarePlanJob>(j => j.WithIdentity(CarePlanJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(CarePlanJob.Key).WithIdentity("care.plans")
            .WithCronSchedule(configuration.GetValue("Care:PlansCron", "0 30 6 * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
    }

    public static WebApplication MapCare(this WebApplication app)
    {
        var care = app.MapGroup("/api/care").RequireAuthorization().WithTags("Care");
        care.MapGet("/plans", async (ListCarePlans list, CancellationToken ct) => (await list.Handle(ct)).ToHttp())
            .Produces<IReadOnlyList<CarePlanView>>()
            .WithSummary("The care plans [{id, name, occasion, occasionName, date (a holiday's date this year), tiers, stages, groupId, channel, templateId, daysBefore, sendTime, callTiers, active, version}] — "
                + "the customer-service manager, administrators and whoever oversees customers.");
        care.MapPost("/plans", async (CarePlanBody body, SaveCarePlan save, HttpResponse response, CancellationToken ct) =>
                (await save.Create(body, ct)).ToHttp(v => { response.Headers.ETag = $"\"{v.Version}\""; return TypedResults.Created($"/api/care/plans/{v.Id}", v); }))
            .Produces<CarePlanView>(StatusCodes.Status201Created)
            .WithSummary("Create a care plan {name, occasion: newYear|springFestival|lanternFestival|womensDay|qingming|labourDay|dragonBoat|qixi|midAutumn|nationalDay|doubleNinth|birthday|"
                + "firstPurchaseAnniversary|deliveryAnniversary|membershipAnniversary, tiers, stages, groupId (none named: every active customer), channel: sms|email, templateId (there, same channel, not archived), "
                + "daysBefore (0–30), sendTime (09:00), callTiers (their owner calls instead of a message), active} — the customer-service manager and administrators; 400 per field.");
        care.MapPut("/plans/{id:guid}", async (Guid id, CarePlanBody body, [FromHeader(Name = "If-Match")] string? ifMatch, SaveCarePlan save, HttpResponse response, CancellationToken ct) =>
                (await save.Update(id, body, ETags.Version(ifMatch), ct)).ToHttp(v => ETags.Tagged(response, v.Version, v)))
            .Produces<CarePlanView>()
            .WithSummary("Change a care plan (If-Match: the version read; 428 without, 412 when stale).");
        care.MapGet("/calendar", async (int? year, GetCareCalendar get, CancellationToken ct) => (await get.Handle(year, ct)).ToHttp())
            .Produces<IReadOnlyList<CareOccasionDay>>()
            .WithSummary("The calendar of care of a year (default this one, 2000–2099): [{occasion, name, nameEn, holiday, date (a holiday's date; none for birthdays and anniversaries)}].");
        care.MapGet("/report", async (DateOnly? from, DateOnly? to, GetCareReport get, CancellationToken ct) => (await get.Handle(from, to, ct)).ToHttp())
            .Produces<CareReport>()
            .WithSummary("The care report for a period (by the day planned; default this month): rows [{occasion, occasionName, channel, written, suppressed: {reason: count}, queued, sent (accepted, incl. delivered), "
                + "delivered, failed, messaged (customers), optedOut (of them, marketing consent withdrawn on the channel in the period), optOutRate, replies (SMS replies kept by the consent ledger)}], "
                + "vipBirthdayCalls {opened, called (done on or after the birthday), done, share} — whoever oversees customers, department managers their department's.");
        return app;
    }
}
