using Guanxi.Domain.Complaints;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Guanxi.Web.Features.Improvement;

/// <summary>
/// What a measure's effect reads (<see cref="MeasureEffects"/>), kept in indexes that find one department's weeks: its
/// completed routine survey tasks by the day they were surveyed, each carrying its kind and the response that counts (so
/// that only those responses are read, never the whole firm's of the period); and its complaints by category and time.
/// </summary>
public sealed class MeasureEffectIndexes : IDatabaseModelPart
{
    public void Configure(ModelBuilder builder, DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<SurveyTask>().HasIndex(t => new { t.DepartmentId, t.Outcome, t.SurveyedOn, t.Kind, t.ResponseId }, "IX_SurveyTasks_Effect")
            .HasFilter("\"ProgramId\" IS NULL");
        builder.Entity<Complaint>().HasIndex(c => new { c.DepartmentId, c.Category, c.ReceivedAt }, "IX_Complaints_Effect");
    }
}
