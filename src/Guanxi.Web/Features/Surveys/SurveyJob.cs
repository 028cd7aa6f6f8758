using Guanxi.Domain.Common;
using Quartz;

namespace Guanxi.Web.Features.Surveys;

/// <summary>SAT-1…4: every morning, the survey tasks whose windows open that day; SAT-15/16: the programs' draws due that day.</summary>
[DisallowConcurrentExecution]
public sealed class SurveyJob(GenerateSurveyTasks generate, RunSurveyPrograms programs, EnterpriseClock clock, ILogger<SurveyJob> logger) : IJob
{
    public static readonly JobKey Key = new("surveys.generate");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var day = clock.Today;
        var made = await generate.Handle(day, cancellationToken);
        logger.LogInformation("Survey tasks for {Day}: {Created} created, {Excluded} excluded", day, made.Created, made.Excluded.Count);
        foreach (var run in await programs.Handle(day, cancellationToken: cancellationToken))
            logger.LogInformation("Survey program {Program} drew {Created} of {Population} for {Period}", run.Name, run.Created, run.Population, run.Period);
    }
}
