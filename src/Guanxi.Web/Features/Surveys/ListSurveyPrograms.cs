using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>A program with what it did in its current and its last period: tasks drawn, answered, invalid, still open, and the index.</summary>
public sealed record SurveyProgramView(Guid Id, string Name, ProgramPopulation Population, string PopulationText, double? Rate, int? Count, ProgramCadence Cadence,
    string CadenceText, int WindowDays, Guid QuestionnaireId, string Questionnaire, ProgramMethod Method, string MethodText, bool Active, string? LastPeriod,
    ProgramPeriodFigures Current, ProgramPeriodFigures Previous, Guid Version);

public sealed record ProgramPeriodFigures(string Period, int Tasks, int Completed, int Invalid, int Open, double? Index);

/// <summary>SAT-15/16: the survey programs, for customer service and leadership.</summary>
public sealed class ListSurveyPrograms(GuanxiDbContext db, Customers.CustomerViewers viewers, EnterpriseClock clock)
{
    public async Task<Result<IReadOnlyList<SurveyProgramView>>> Handle(CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.SeesTasks(viewer))
            return SurveyErrors.NotCustomerService;
        var programs = await db.Set<SurveyProgram>().AsNoTracking().OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<SurveyProgramView>>.Ok(await Views(db, programs, clock.Today, cancellationToken));
    }

    /// <summary>The programs' views with their figures; for <see cref="DefineSurveyProgram"/> too, which answers with the program it saved.</summary>
    internal static async Task<List<SurveyProgramView>> Views(GuanxiDbContext db, IReadOnlyList<SurveyProgram> programs, DateOnly today, CancellationToken cancellationToken)
    {
        var english = Cultures.IsEnglish;
        var names = await db.Set<Questionnaire>().AsNoTracking().ToDictionaryAsync(q => q.Id, q => english ? q.NameEn : q.Name, cancellationToken);
        var views = new List<SurveyProgramView>();
        foreach (var p in programs)
        {
            var current = SurveyProgram.PeriodOf(p.Cadence, today);
            var previous = SurveyProgram.PeriodOf(p.Cadence, current.From.AddDays(-1));
            views.Add(new SurveyProgramView(p.Id, p.Name, p.Population, SurveyTexts.Population(p.Population, english), p.Rate, p.Count, p.Cadence,
                SurveyTexts.Cadence(p.Cadence, english), p.WindowDays, p.QuestionnaireId, names.GetValueOrDefault(p.QuestionnaireId) ?? "", p.Method,
                SurveyTexts.ProgramMethod(p.Method, english), p.Active, p.LastPeriod,
                await Figures(db, p.Id, current, cancellationToken), await Figures(db, p.Id, previous, cancellationToken), p.Version));
        }
        return views;
    }

    private static async Task<ProgramPeriodFigures> Figures(GuanxiDbContext db, Guid program, (DateOnly From, DateOnly To, string Key) period, CancellationToken cancellationToken)
    {
        var outcomes = await db.Set<SurveyTask>().Where(t => t.ProgramId == program && t.Opens >= period.From && t.Opens <= period.To)
            .GroupBy(t => t.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var index = await (from r in db.Set<SurveyResponse>()
                           join t in db.Set<SurveyTask>() on r.TaskId equals t.Id
                           where t.ProgramId == program && t.Opens >= period.From && t.Opens <= period.To && r.SupersededBy == null && r.OverallScore != null
                           select (double?)r.OverallScore).AverageAsync(cancellationToken);
        int Of(params SurveyOutcome[] kinds) => outcomes.Where(o => kinds.Contains(o.Key)).Sum(o => o.Count);
        return new ProgramPeriodFigures(period.Key, outcomes.Sum(o => o.Count), Of(SurveyOutcome.Completed),
            Of(SurveyOutcome.Incomplete, SurveyOutcome.Unreachable, SurveyOutcome.FalseArchive), Of(SurveyOutcome.Pending), index is { } i ? Math.Round(i, 1) : null);
    }
}
