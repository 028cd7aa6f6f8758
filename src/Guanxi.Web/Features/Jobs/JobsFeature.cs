using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.Jobs;

/// <summary>
/// Background jobs on Quartz.NET with its persistent store in the app's database (tables QRTZ_*, created when missing;
/// clustered on PostgreSQL so a job runs once with several instances), and the progress of each run.
/// </summary>
public static class JobsFeature
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder, Action<IQuartzBuilder> jobs)
    {
        var (provider, connectionString) = DataFeature.Database(builder);
        builder.Services.AddSingleton<JobRuns>();
        builder.Services.AddScoped<GetJob>();
        builder.Services.AddQuartz(q =>
        {
            q.UsePersistentStore(s =>
            {
                if (provider == DatabaseProvider.Postgres)
                {
                    s.UsePostgres(connectionString);
                    s.UseClustering();
                }
                else
                {
                    s.UseSqlite(connectionString);
                }
                s.ProvisionSchema();
            });
            jobs(q);
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>The enterprise's time zone for nightly schedules (default Asia/Shanghai).</summary>
    public static TimeZoneInfo Zone(IConfiguration configuration) =>
        TimeZoneInfo.FindSystemTimeZoneById(configuration.GetValue("Enterprise:TimeZone", Domain.Common.EnterpriseClock.DefaultTimeZone)!);

    public static WebApplication MapJobs(this WebApplication app)
    {
        app.MapGet("/api/jobs/{id:guid}", async (Guid id, GetJob get, CancellationToken ct) => (await get.Handle(id, ct)).ToHttp())
            .Produces<JobView>()
            .RequireAuthorization().WithTags("Jobs")
            .WithSummary("A background job's status (queued|running|succeeded|failed), progress 0–1 and outcome; for the user who started it and administrators.");
        return app;
    }
}
