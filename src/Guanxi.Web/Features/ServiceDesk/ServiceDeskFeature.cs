using Guanxi.Domain.Service;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>
/// SVC-3 危机预警 (the hourly detector over every complaint category and department, the warnings with their response plan,
/// communications and closing) and SVC-9/SVC-11 服务分析 (the service report of a period, on the page, in the API and as .xlsx).
/// </summary>
public static class ServiceDeskFeature
{
    public static WebApplicationBuilder AddServiceDesk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<RaiseCrisisWarnings>();
        services.AddScoped<CrisisWarnings>();
        services.AddScoped<ListCrisisWarnings>();
        services.AddScoped<GetCrisisWarning>();
        services.AddScoped<PlanCrisisResponse>();
        services.AddScoped<RecordCrisisCommunication>();
        services.AddScoped<CloseCrisisWarning>();
        services.AddScoped<SpikeSettings>();
        services.AddScoped<ServiceReport>();
        services.AddScoped<ExportServiceReport>();
        return builder;
    }

    /// <summary>The crisis detector runs every hour, at ten past (ServiceDesk:CrisisCron).</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<CrisisWarningJob>(j => j.WithIdentity(CrisisWarningJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(CrisisWarningJob.Key).WithIdentity("servicedesk.crisis")
            .WithCronSchedule(configuration.GetValue("ServiceDesk:CrisisCron", "0 10 * * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
    }

    public static WebApplication MapServiceDesk(this WebApplication app)
    {
        var alerts = app.MapGroup("/api/alerts/complaints").RequireAuthorization().WithTags("Crisis warnings");
        alerts.MapGet("/", async (string? status, [AsParameters] Paging paging, ListCrisisWarnings list, CancellationToken ct) => (await list.Handle(status, paging, ct)).ToHttp())
            .Produces<Page<CrisisWarningRow>>()
            .WithSummary("The crisis warnings (危机预警), newest first: status=open (default)|closed|all; page, pageSize. Each: the series (kind category|department, seriesKey: the category's code or the department's id, seriesName), window day|week, observed, usual, the figures in words, the department that answers for it, raisedAt, status, hasPlan, communications. For the customer-service manager, the duty manager and leadership (403 for others).");
        alerts.MapGet("/{id:guid}", async (Guid id, GetCrisisWarning get, HttpResponse response, CancellationToken ct) =>
                (await get.Handle(id, ct)).ToHttp(view => ETags.Tagged(response, view.Version, view)))
            .Produces<CrisisWarningView>()
            .WithSummary("A crisis warning with an ETag: its window (windowStart, windowEnd), observed, usual, pValue, earlier (the same windows of the weeks before, the latest first), the plan, the communications [{to, what, at, byId, by, recordedAt}], the closing, canHandle.");
        MapAction<CrisisPlanBody>(alerts, "plan", "Write or revise the response plan {plan ≤ 4,000}.",
            (id, body, version, sp, ct) => sp.GetRequiredService<PlanCrisisResponse>().Handle(id, body, version, ct));
        MapAction<CrisisCommunicationBody>(alerts, "communications", "Record what was communicated {to ≤ 200, what ≤ 2,000, at (default now; not in the future, not before the window)}.",
            (id, body, version, sp, ct) => sp.GetRequiredService<RecordCrisisCommunication>().Handle(id, body, version, ct));
        MapAction<CrisisCloseBody>(alerts, "close", "Close the warning with a note {note ≤ 2,000}; the detector may warn of the series again for a window that does not overlap this one's.",
            (id, body, version, sp, ct) => sp.GetRequiredService<CloseCrisisWarning>().Handle(id, body, version, ct));

        var spikes = app.MapGroup("/api/settings/complaint-spikes").RequireAuthorization().WithTags("Crisis warnings");
        spikes.MapGet("", async (SpikeSettings settings, CancellationToken ct) => (await settings.Get(ct)).ToHttp())
            .Produces<SpikeSettingsView>()
            .WithSummary("The crisis detector's settings: baselineWeeks (8: the usual level is the same weekday's day, or the seven days, in each of that many weeks before), alpha (0.001: the false-alarm rate of one check on a series whose rate did not change), minDayCount (5) and minWeekCount (10: fewer complaints in the last day or week never raise a warning); canEdit. Any member of staff.");
        spikes.MapPut("", async (SpikePolicy body, SpikeSettings settings, CancellationToken ct) => (await settings.Save(body, ct)).ToHttp())
            .Produces<SpikeSettingsView>()
            .WithSummary("Administrators and the customer-service manager set the crisis detector's settings {baselineWeeks: 4–26, alpha: above 0 and at most 0.05, minDayCount: 1–10,000, minWeekCount: 1–10,000} (a member left out takes its default); 400 per field with the range, nothing saved; 403 for others. In the history as every setting; the detector's next run counts with them.");

        var reports = app.MapGroup("/api/reports").RequireAuthorization().WithTags("Reports");
        reports.MapGet("/service", async (DateOnly? from, DateOnly? to, ServiceReport report, CancellationToken ct) => (await report.Handle(from, to, ct)).ToHttp())
            .Produces<ServiceReportView>()
            .WithSummary("服务分析 (the service report): the complaints received from … to (yyyy-MM-dd, inclusive; default the 12 months to today; at most 3 years) by category, severity, touchpoint, channel, tier, department and month; response and resolution met % (used ≤ given; still waiting past the time counts as missed), mean and p90 working hours (p90 rounded up to 0.1 h); reopened; the closing checks; the repeat complainers (masked without id out of the reader's sight); contacts by touchpoint and channel; survey answers by touchpoint, program and method. The customer-service manager, the duty manager and leadership read every department's; a department manager their own; 403 for others.");
        reports.MapGet("/service/export", async (DateOnly? from, DateOnly? to, ExportServiceReport export, CancellationToken ct) =>
                (await export.Handle(from, to, Cultures.IsEnglish, ct)).ToHttp(file => TypedResults.File(file.Content,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Name)))
            .WithSummary("The service report as .xlsx, one sheet per section (the same rights and period rules).");
        return app;
    }

    private const string ActionRules = "The customer-service manager and the executive VP act (403 for the other readers and for everyone else); 404 for no such warning; 409 once it is closed or when someone else acted at the same moment; an If-Match (the warning's ETag) may be sent: 412 when stale. Answers the warning with its new ETag.";

    private static void MapAction<TBody>(RouteGroupBuilder api, string name, string summary, Func<Guid, TBody, Guid?, IServiceProvider, CancellationToken, Task<Domain.Common.Result<CrisisWarningView>>> act) =>
        api.MapVersionedAction(name, view => view.Version, act).WithSummary(summary + " " + ActionRules);
}
