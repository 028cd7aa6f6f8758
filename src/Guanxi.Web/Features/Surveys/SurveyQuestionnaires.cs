using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>Which questionnaire a task is answered on: its program's, or the standard sales or after-sales one.</summary>
public static class SurveyQuestionnaires
{
    /// <summary>SAT-8: the version in effect on the day (from its Monday until the next version's); null when none is yet.</summary>
    public static async Task<QuestionnaireVersion?> Current(GuanxiDbContext db, SurveyTask task, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        var kind = task.Kind == SurveyKind.Sales ? QuestionnaireKind.Sales : QuestionnaireKind.AfterSales;
        var questionnaire = task.ProgramId is { } program
            ? db.Set<SurveyProgram>().Where(p => p.Id == program).Select(p => p.QuestionnaireId)
            : db.Set<Questionnaire>().Where(q => q.Kind == kind).OrderBy(q => q.Id).Select(q => q.Id).Take(1);
        return await db.Set<QuestionnaireVersion>().AsNoTracking().Where(v => questionnaire.Contains(v.QuestionnaireId) && v.EffectiveFrom <= day)
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
    }
}
