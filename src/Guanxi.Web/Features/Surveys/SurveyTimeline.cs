using System.Globalization;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>
/// SVC-1, SVC-9: the customer's surveys on their timeline, each linking to its call sheet — so only the tasks whose call
/// sheet the viewer opens (<see cref="SurveyAccess.OpensCallSheet"/>: customer service and leadership all, a department
/// manager their department's, nobody else). The scores and comment of an answer show as the call sheet shows them
/// (SAT-6, <see cref="SurveyAccess.ReadsAnswers"/>): to customer service always, to the others once its month is published.
/// </summary>
public sealed class SurveyTimeline(GuanxiDbContext db, EnterpriseClock clock) : ITimelineSource
{
    public string Kind => TimelineKinds.Survey;

    public Task<int> Count(Viewer viewer, Guid customerId, CancellationToken cancellationToken) =>
        Openable(viewer, customerId).CountAsync(cancellationToken);

    public async Task<IReadOnlyList<TimelineEntry>> Newest(Viewer viewer, Guid customerId, int take, bool english, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var rows = await (from t in Openable(viewer, customerId)
                          join r in db.Set<SurveyResponse>() on t.ResponseId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          orderby t.ClosedAt ?? t.CreatedAt descending, t.Id descending
                          select new
                          {
                              t.Id, t.Kind, t.Outcome, t.Opens, t.Due, t.CreatedAt, t.ClosedAt, t.AssigneeId,
                              RespondedOn = (DateOnly?)r.RespondedOn, RecordedById = r == null ? null : r.RecordedById,
                              OverallScore = (double?)r.OverallScore, Recommend = (int?)r.Recommend, Comment = r == null ? null : r.Comment, Note = r == null ? null : r.Note,
                          }).Take(take).ToListAsync(cancellationToken);
        var months = rows.Where(r => r.RespondedOn is not null).Select(r => Month(r.RespondedOn!.Value)).Distinct().ToList();
        var published = SurveyAccess.RunsSurveys(viewer) || months.Count == 0 ? [] : (await db.Set<SatisfactionReportRun>()
            .Where(p => p.Kind == ReportKind.Monthly && months.Contains(p.Period) && p.PublishedAt != null).Select(p => p.Period).ToListAsync(cancellationToken)).ToHashSet();
        return [.. rows.Select(r =>
        {
            var readable = r.RespondedOn is { } on && SurveyAccess.ReadsAnswers(viewer, published.Contains(Month(on)));
            var state = r.Outcome != SurveyOutcome.Pending ? SurveyTexts.Outcome(r.Outcome, english)
                : today > r.Due ? (english ? $"overdue since {Iso(r.Due)}" : $"已逾期，应于 {Iso(r.Due)} 前完成")
                : (english ? $"to survey {Iso(r.Opens)} to {Iso(r.Due)}" : $"待调查，{Iso(r.Opens)} 至 {Iso(r.Due)}");
            string? summary = null;
            if (readable && r.Outcome == SurveyOutcome.Completed)
                summary = string.Join(" · ", new[]
                {
                    r.OverallScore is { } o ? (english ? $"Overall {Number(o)}" : $"总体 {Number(o)} 分") : null,
                    r.Recommend is { } n ? (english ? $"Would recommend {n}/10" : $"推荐意愿 {n}/10") : null,
                    r.Comment,
                }.Where(s => !string.IsNullOrWhiteSpace(s)));
            else if (readable)
                summary = r.Note;
            return new TimelineEntry(Kind, r.ClosedAt ?? r.CreatedAt, $"{Title(r.Kind, english)} · {state}", string.IsNullOrEmpty(summary) ? null : summary,
                $"/surveys/tasks/{r.Id}", r.Id, r.RecordedById ?? r.AssigneeId);
        })];
    }

    /// <summary>The customer's tasks whose call sheet the viewer opens, as a query (the rule of <see cref="SurveyAccess.OpensCallSheet"/>).</summary>
    private IQueryable<SurveyTask> Openable(Viewer viewer, Guid customerId)
    {
        var tasks = db.Set<SurveyTask>().AsNoTracking().Where(t => t.CustomerId == customerId);
        if (SurveyAccess.SeesTasks(viewer))
            return tasks;
        var department = viewer.DepartmentId;
        return SurveyAccess.OpensCallSheets(viewer) ? tasks.Where(t => t.DepartmentId == department) : tasks.Where(t => false);
    }

    private static string Title(SurveyKind kind, bool english) => english
        ? $"{SurveyTexts.Kind(kind, true)} survey"
        : kind == SurveyKind.Program ? SurveyTexts.Kind(kind, false) : $"{SurveyTexts.Kind(kind, false)}满意度调查";

    private static string Month(DateOnly day) => ReportPeriod.Month(new DateOnly(day.Year, day.Month, 1)).Key;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);
}
