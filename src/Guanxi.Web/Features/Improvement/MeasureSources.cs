using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Improvement;
using Guanxi.Domain.Service;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Improvement;

/// <summary>
/// A problem a measure is raised from: the department that answers for it, what happened (<see cref="Text"/> as recorded;
/// <see cref="Anonymous"/> without the customer's name, for the measure's own words, which its department reads — SAT-6),
/// and the figure it should move.
/// </summary>
public sealed record MeasureSource(Guid DepartmentId, string Text, EffectMetric? Metric)
{
    public string Anonymous { get; init; } = Text;
}

/// <summary>
/// CAPA-1: the problems a measure comes from, linked both ways — an escalated survey result (SAT-11), a complaint resolved as
/// needing a measure, a crisis warning (SVC-3), an inspection finding (CAPA-8). Each names its department and, where the
/// data holds one, the figure the measure should move (the question's score, the category's complaints).
/// </summary>
public sealed class MeasureSources(GuanxiDbContext db, Inspections.FindingFacts findings)
{
    /// <summary>The problem of the given kind and id, or null when there is none (or, for an inspection finding, when the viewer does not see it).</summary>
    public async Task<MeasureSource?> Find(Viewer viewer, MeasureSourceKind kind, Guid id, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case MeasureSourceKind.SurveyProblem:
                var found = await (from p in db.Set<SurveyProblem>().AsNoTracking()
                                   join r in db.Set<SurveyResponse>() on p.ResponseId equals r.Id
                                   where p.Id == id
                                   select new { p, r.OverallScore, r.Comment }).SingleOrDefaultAsync(cancellationToken);
                if (found is null)
                    return null;
                var problem = found.p;
                return new MeasureSource(problem.DepartmentId, problem.Description, problem.QuestionId is { } question
                    ? new EffectMetric(EffectMetricKind.QuestionScore, question, problem.DepartmentId)
                    : new EffectMetric(EffectMetricKind.DimensionScore, nameof(Dimension.Overall), problem.DepartmentId))
                {
                    Anonymous = problem.Kind == SurveyProblemKind.LowOverall
                        ? $"一位客户的总体满意度为 {found.OverallScore:0} 分（满分 100）{(found.Comment is { } said ? "。客户意见：" + said : "")}"
                        : problem.Description,
                };
            case MeasureSourceKind.Complaint:
                var complaint = await (from c in db.Set<Complaint>().AsNoTracking()
                                       join p in db.Set<ServiceProblem>() on c.Id equals p.SourceId
                                       where c.Id == id && p.Kind == ServiceProblemKind.Complaint
                                       select new { c.DepartmentId, c.Category, p.Description }).SingleOrDefaultAsync(cancellationToken);
                return complaint is null ? null : new MeasureSource(complaint.DepartmentId, complaint.Description,
                    new EffectMetric(EffectMetricKind.ComplaintCount, complaint.Category, complaint.DepartmentId));
            case MeasureSourceKind.CrisisWarning:
                var warning = await db.Set<CrisisWarning>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
                return warning is null ? null : new MeasureSource(warning.DepartmentId, CrisisTexts.Title(warning.Kind, warning.SeriesName, english: false),
                    warning.Kind == CrisisSeriesKind.Category ? new EffectMetric(EffectMetricKind.ComplaintCount, warning.SeriesKey, warning.DepartmentId) : null);
            case MeasureSourceKind.InspectionFinding:
                var finding = await findings.Describe(id, viewer, cancellationToken);
                return finding.Value is { InSight: true } f ? new MeasureSource(f.DepartmentId, f.Description, null) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The source as the caller may read it: its words and link for customer service and leadership; for others only its
    /// kind — a survey problem names the customer's comment, which stays confidential (SAT-6).
    /// </summary>
    public async Task<MeasureSourceView> Describe(Viewer viewer, MeasureSourceKind kind, Guid? id, CancellationToken cancellationToken)
    {
        var kindText = MeasureTexts.Source(kind, Cultures.IsEnglish);
        if (id is not { } sourceId || !MeasureAccess.SeesSourceDetails(viewer))
            return new MeasureSourceView(kind, kindText, null, null, null);
        var found = await Find(viewer, kind, sourceId, cancellationToken);
        var link = kind switch
        {
            MeasureSourceKind.SurveyProblem => "/surveys/problems",
            MeasureSourceKind.Complaint => $"/complaints/{sourceId}",
            MeasureSourceKind.CrisisWarning => $"/alerts/complaints/{sourceId}",
            MeasureSourceKind.InspectionFinding => $"/findings/{sourceId}",
            _ => null,
        };
        return new MeasureSourceView(kind, kindText, sourceId, found?.Text, link);
    }
}
