using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.Workbench;

/// <summary>MGT-1, MGT-4: the 工作台 — each role's day and area at a glance, from figures the night keeps.</summary>
public static class WorkbenchFeature
{
    public static WebApplicationBuilder AddWorkbench(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<KeepWorkbenchFigures>();
        builder.Services.AddScoped<GetWorkbench>();
        return builder;
    }

    /// <summary>The figures are counted at 04:30 (Workbench:FiguresCron), after the night's grading, lifecycle and credit.</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<WorkbenchFiguresJob>(j => j.WithIdentity(WorkbenchFiguresJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(WorkbenchFiguresJob.Key).WithIdentity("workbench.nightly")
            .WithCronSchedule(configuration.GetValue("Workbench:FiguresCron", "0 30 4 * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
    }

    public static WebApplication MapWorkbench(this WebApplication app)
    {
        app.MapGroup("/api").RequireAuthorization().WithTags("Workbench")
            .MapGet("/workbench", async (GetWorkbench get, CancellationToken ct) => (await get.Handle(ct)).ToHttp())
            .Produces<WorkbenchView>()
            .WithSummary("The caller's 工作台: their tasks and calls, their team's, the whole base for leadership, accounts and jobs for administrators — each section present only for a role that has it, every figure in the caller's sight.");
        return app;
    }
}
