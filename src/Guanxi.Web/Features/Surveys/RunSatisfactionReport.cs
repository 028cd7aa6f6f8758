using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>A report's generation and publication, with who did them named as today in the viewer's language (and their ids).</summary>
public sealed record ReportRunView(
    Guid Id, ReportKind Kind, string Period, DateOnly Due, DateTimeOffset GeneratedAt, DateOnly GeneratedOn, bool Late, string GeneratedBy,
    DateTimeOffset? PublishedAt, DateOnly? PublishedOn, string? PublishedBy, string GeneratedById, string? PublishedById);

/// <summary>
/// SAT-10, SAT-12: generating a report — by its job at the due time, or on demand — records when it was first generated
/// and whether that was after its due day (late reports count against customer service). Publishing a month's image
/// analysis (customer-service manager, by the 6th) releases its results to the surveyed departments' managers, with the
/// general manager and the executive VP in copy (SAT-6).
/// </summary>
public sealed class RunSatisfactionReport(GuanxiDbContext db, Customers.CustomerViewers viewers, CurrentUser user, Notifier notifier, EnterpriseClock clock, TimeProvider time, StaffNames staffNames)
{
    public static readonly Error GenerateNotAllowed = Error.Forbidden("survey.report_generate_not_allowed", "只有客服部可以生成满意度报告。", "Only customer service generates satisfaction reports.");
    public static readonly Error PublishNotAllowed = Error.Forbidden("survey.publish_not_allowed", "只有客服经理可以公布月度调查结果。", "Only the customer-service manager publishes a month's results.");
    public static readonly Error AlreadyPublished = new("survey.already_published", "该月调查结果已公布。", "This month's results are already published.", "month");
    public static readonly Error MonthNotOver = new("survey.month_not_over", "该月尚未结束，不能公布。", "The month is not over yet: it cannot be published.", "month");

    /// <summary>Customer service generates a report now (its first generation is recorded, late when after the due day).</summary>
    public async Task<Result<ReportRunView>> Now(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.RunsSurveys(viewer))
            return GenerateNotAllowed;
        return await Named(await Handle(period, Actor.Staff(user.Id), cancellationToken), cancellationToken);
    }

    /// <summary>The report's first generation, by <paramref name="by"/> (the system when it runs on schedule): no caller to check.</summary>
    public async Task<SatisfactionReportRun> Handle(ReportPeriod period, Actor by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (await Run(period, cancellationToken) is { } run)
            return run;
        var today = clock.Today;
        run = new SatisfactionReportRun
        {
            Id = Guid.CreateVersion7(), Kind = period.Kind, Period = period.Key, Due = period.Due, GeneratedAt = time.GetUtcNow(), GeneratedOn = today,
            Late = period.IsLate(today), GeneratedById = by.Id, GeneratedByCause = by.Cause,
        };
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    public async Task<Result<ReportRunView>> Publish(ReportPeriod month, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(month);
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.Publishes(viewer))
            return PublishNotAllowed;
        var today = clock.Today;
        if (today <= month.To)
            return MonthNotOver;
        var generated = await Handle(month, Actor.Staff(user.Id), cancellationToken);
        var run = await db.Set<SatisfactionReportRun>().SingleAsync(r => r.Id == generated.Id, cancellationToken);
        if (run.PublishedAt is not null)
            return AlreadyPublished;
        (run.PublishedAt, run.PublishedOn, run.PublishedById) = (time.GetUtcNow(), today, Actor.Staff(user.Id).Id);

        var surveyed = await db.Set<SurveyResponse>().Where(r => r.RespondedOn >= month.From && r.RespondedOn <= month.To)
            .Join(db.Set<SurveyTask>(), r => r.TaskId, t => t.Id, (r, t) => t.DepartmentId).Distinct().ToListAsync(cancellationToken);
        var managers = await db.Users.Where(u => u.IsActive && surveyed.Contains(u.DepartmentId) && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == nameof(Role.DepartmentManager)))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var (title, body, link) = (($"{month.Key} 客户满意度调查结果已公布", $"Customer satisfaction results for {month.Key} published"),
            ("形象分析月报已公布，请查看本部门结果并转达相关员工。", "The monthly image analysis is published: read your department's results and pass them on to your staff."),
            $"/surveys/reports/monthly?month={month.Key}");
        foreach (var manager in managers)
            db.Add(new Notification { UserId = manager, At = run.PublishedAt.Value, Title = title.Item1, TitleEn = title.Item2, Body = body.Item1, BodyEn = body.Item2, Link = link });
        await notifier.ToLeadership(title, body, link, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await Named(run, cancellationToken);
    }

    private async Task<ReportRunView> Named(SatisfactionReportRun run, CancellationToken cancellationToken)
    {
        var names = await staffNames.Of([run.GeneratedById, run.PublishedById], cancellationToken);
        return new ReportRunView(run.Id, run.Kind, run.Period, run.Due, run.GeneratedAt, run.GeneratedOn, run.Late, names.Who(run.GeneratedById, run.GeneratedByCause, run.GeneratedByText),
            run.PublishedAt, run.PublishedOn, names.WhoIfAny(run.PublishedById, run.PublishedByText), run.GeneratedById, run.PublishedById);
    }

    private Task<SatisfactionReportRun?> Run(ReportPeriod period, CancellationToken cancellationToken) =>
        db.Set<SatisfactionReportRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Kind == period.Kind && r.Period == period.Key, cancellationToken);
}
