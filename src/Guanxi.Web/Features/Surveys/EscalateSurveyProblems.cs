using System.Globalization;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>
/// SAT-11: a response with a very low overall score, or a question its department's customers scored low again and again
/// within a week, alerts the customer-service manager at once and, past the second threshold, the executive VP; each is
/// recorded as a problem for the improvement measures (CAPA). Staged with the response: the caller's SaveChanges writes both.
/// </summary>
public sealed class EscalateSurveyProblems(GuanxiDbContext db, EnterpriseSettings settings, Notifier notifier)
{
    public const string PolicyKey = "surveys.escalation";

    public async Task<IReadOnlyList<SurveyProblem>> Handle(SurveyTask task, SurveyResponse response, QuestionnaireVersion version, Guid? superseded, CancellationToken cancellationToken = default)
    {
        var policy = await settings.Get(PolicyKey, new EscalationPolicy(), cancellationToken);
        var low = SurveyEscalation.LowQuestions(response, version, policy);
        var since = response.RespondedOn.AddDays(1 - EscalationPolicy.WeekDays);
        var counts = low.ToDictionary(q => q, _ => 1, StringComparer.Ordinal);
        var raisedThisWeek = new HashSet<(string, EscalationLevel)>();
        if (low.Count > 0)
        {
            var week = await (from r in db.Set<SurveyResponse>().AsNoTracking()
                              join t in db.Set<SurveyTask>() on r.TaskId equals t.Id
                              where t.DepartmentId == task.DepartmentId && r.RespondedOn >= since && r.Outcome == SurveyOutcome.Completed
                                  && r.SupersededBy == null && r.Id != superseded && r.TaskId != task.Id
                              select r).ToListAsync(cancellationToken);
            var ids = week.Select(r => r.VersionId).OfType<Guid>().Distinct().ToList();
            var versions = await db.Set<QuestionnaireVersion>().AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
            foreach (var question in week.SelectMany(r => SurveyEscalation.LowQuestions(r, versions[r.VersionId!.Value], policy)).Where(counts.ContainsKey))
                counts[question]++;
            raisedThisWeek = [.. (await db.Set<SurveyProblem>().AsNoTracking()
                .Where(p => p.DepartmentId == task.DepartmentId && p.Kind == SurveyProblemKind.RepeatedLowQuestion && p.RaisedOn >= since)
                .Select(p => new { p.QuestionId, p.Level }).ToListAsync(cancellationToken)).Select(p => (p.QuestionId!, p.Level))];
        }
        var escalations = SurveyEscalation.Assess(response, counts, raisedThisWeek, policy);
        if (escalations.Count == 0)
            return [];

        var department = (await DepartmentNames.All(db, cancellationToken)).GetValueOrDefault(task.DepartmentId) ?? "";
        var customer = await db.Set<Customer>().Where(c => c.Id == task.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        var problems = new List<SurveyProblem>();
        foreach (var e in escalations)
        {
            var (description, title, body, link) = e.Kind == SurveyProblemKind.LowOverall
                ? ($"{customer}：总体满意度 {Overall(response, version)}{(response.Comment is { } c ? "。客户意见：" + c : "")}",
                    ($"满意度问题升级：{department}客户总体评分很低", $"Escalated: very low overall score ({department})"),
                    ($"{customer}的总体满意度为 {Overall(response, version)}，请立即与{department}沟通处理。", $"{customer} rated overall satisfaction {Overall(response, version)}: talk to {department} now."),
                    $"/surveys/tasks/{task.Id}")
                : ($"“{Text(version, e.QuestionId!)}”7 天内被 {e.Count} 位客户评为低分",
                    ($"满意度问题升级：{department}同一问题一周内多次低分", $"Escalated: the same question scored low repeatedly ({department})"),
                    ($"“{Text(version, e.QuestionId!)}”7 天内已有 {e.Count} 位客户评为低分，请与{department}沟通改进。", $"\"{version.Questions.First(q => q.Id == e.QuestionId).TextEn ?? e.QuestionId}\" scored low by {e.Count} customers in 7 days: talk to {department}."),
                    "/surveys/problems");
            var problem = SurveyProblem.Raise(e, task.Id, response.Id, task.DepartmentId, description, response.RespondedOn, response.RespondedAt);
            db.Add(problem);
            problems.Add(problem);
            await notifier.ToRoles(e.Level == EscalationLevel.ExecutiveVp ? [Role.CustomerServiceManager, Role.ExecutiveVp] : [Role.CustomerServiceManager], title, body, link, cancellationToken);
        }
        return problems;
    }

    private static string Text(QuestionnaireVersion version, string questionId) => version.Questions.FirstOrDefault(q => q.Id == questionId)?.Text ?? questionId;

    /// <summary>The overall answer as given, with its scale: 2/10.</summary>
    private static string Overall(SurveyResponse response, QuestionnaireVersion version)
    {
        var question = version.Questions.First(q => q.Dimension == Dimension.Overall);
        var value = response.Answers.FirstOrDefault(a => a.QuestionId == question.Id)?.Value ?? "";
        return question.Scale switch
        {
            AnswerScale.OneToFive => $"{value}/5",
            AnswerScale.OneToTen or AnswerScale.ZeroToTen => $"{value}/10",
            _ => value,
        } + $"（{(response.OverallScore ?? 0).ToString("0", CultureInfo.InvariantCulture)}/100）";
    }
}
