using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>A program as the API takes it: population, rate (0.8) or count, cadence, windowDays, questionnaireId, method, active.</summary>
public sealed record ProgramBody(string? Name, string? Population, double? Rate, int? Count, string? Cadence, int? WindowDays, Guid? QuestionnaireId, string? Method, bool? Active);

/// <summary>SAT-15/16: the customer-service manager defines the survey programs and changes them; a change applies from the next draw.</summary>
public sealed class DefineSurveyProgram(GuanxiDbContext db, Customers.CustomerViewers viewers, EnterpriseClock clock, TimeProvider time)
{
    public static readonly Error NotAllowed = Error.Forbidden("program.not_allowed", "只有客服经理和系统管理员可以设置调查方案。", "Only the customer-service manager and administrators set survey programs.");
    public static readonly Error NoSuchQuestionnaire = new("program.no_questionnaire", "没有这份问卷。", "There is no such questionnaire.", "questionnaireId");

    /// <param name="id">The program to change; null for a new one.</param>
    /// <param name="version">The version of the program read (If-Match): required for a change.</param>
    public async Task<Result<SurveyProgramView>> Handle(Guid? id, ProgramBody body, Guid? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.Generates(viewer))
            return NotAllowed;
        var program = id is { } existing ? await db.Set<SurveyProgram>().SingleOrDefaultAsync(p => p.Id == existing, cancellationToken) : null;
        if (id is not null && program is null)
            return SurveyErrors.ProgramNotFound;
        if (program is not null && Versions.Check(version, program.Version, required: true) is { } stale)
            return stale;
        var errors = new List<Error>();
        if (!ApiEnums.TryParse<ProgramPopulation>(body.Population, out var population))
            errors.Add(ProgramErrors.Population);
        if (!ApiEnums.TryParse<ProgramCadence>(body.Cadence, out var cadence))
            errors.Add(ProgramErrors.Cadence);
        if (!ApiEnums.TryParse<ProgramMethod>(body.Method, out var method))
            errors.Add(ProgramErrors.Method);
        if (body.QuestionnaireId is { } q && !await db.Set<Questionnaire>().AnyAsync(x => x.Id == q, cancellationToken))
            errors.Add(NoSuchQuestionnaire);
        var definition = new ProgramDefinition(body.Name, population, body.Rate, body.Count, cadence, body.WindowDays, body.QuestionnaireId, method, body.Active ?? true);
        var made = program is null ? SurveyProgram.Define(definition, time.GetUtcNow()) : program.Change(definition);
        errors.AddRange(made.Errors.Where(e => !errors.Any(x => x.Field == e.Field)));
        if (errors.Count > 0)
            return Result<SurveyProgramView>.Fail(errors);
        if (program is null)
            db.Add(made.Value!);
        if (await db.SaveOrRacedAsync(Versions.Stale, cancellationToken) is { } raced)
            return raced;
        return (await ListSurveyPrograms.Views(db, [made.Value!], clock.Today, cancellationToken))[0];
    }
}
