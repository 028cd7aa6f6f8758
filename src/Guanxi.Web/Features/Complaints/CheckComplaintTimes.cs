using System.Globalization;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Complaints;

/// <summary>What a run of the complaint times job did.</summary>
public sealed record ComplaintTimesRun(int Complaints, int Warnings, int Escalations, int Notices);

/// <summary>
/// SVC-2, SVC-8: every few minutes, the open complaints with a warning or an escalation level due (their
/// <see cref="Complaint.NextAlertAt"/> has passed: one indexed query, never a query per complaint) get them — each once,
/// recorded as a step by the system and sent in the app: a warning and level 1 to the assignee (while unassigned, to the
/// duty managers, who assign), level 2 to the managers of the complaint's department, level 3 to the customer-service
/// managers, level 4 to the executive VPs. In batches, each in one transaction; a batch that raced a person's action
/// (the complaint changed meanwhile) is left to the next run, which finds it still due.
/// </summary>
public sealed class CheckComplaintTimes(GuanxiDbContext db, ComplaintDesk desk, Notifier notifier, EnterpriseClock clock, TimeProvider time, ILogger<CheckComplaintTimes> logger)
{
    public const int Batch = 5_000;

    public async Task<ComplaintTimesRun> Handle(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUniversalTime();   // PostgreSQL compares timestamptz with UTC instants only
        var rules = await desk.Rules(cancellationToken);
        var categories = await desk.Categories(cancellationToken);
        var total = new ComplaintTimesRun(0, 0, 0, 0);
        while (true)
        {
            var run = await RunBatch(rules, categories, now, cancellationToken);
            total = new(total.Complaints + run.Complaints, total.Warnings + run.Warnings, total.Escalations + run.Escalations, total.Notices + run.Notices);
            if (run.Complaints < Batch)
                return total;
        }
    }

    private async Task<ComplaintTimesRun> RunBatch(SlaRules rules, IReadOnlyList<ComplaintCategory> categories, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Set<Complaint>().Where(c => c.NextAlertAt <= now).OrderBy(c => c.NextAlertAt).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
            return new(0, 0, 0, 0);
        var fired = due.Select(c => (Complaint: c, Events: c.Check(rules, now))).Where(x => x.Events.Count > 0).ToList();
        var notices = await Notices(fired, categories, cancellationToken);
        var steps = fired.SelectMany(x => x.Complaint.TakeNewSteps()).ToList();
        if (steps.Count > 0)
        {
            await using var insert = new BulkInsert(db, typeof(ComplaintStep), db.Database.GetDbConnection(), transaction.GetDbTransaction());
            foreach (var chunk in steps.Chunk(10_000))
                await insert.Run(chunk, cancellationToken);
        }
        await notifier.ToStaff(notices, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            logger.LogInformation("Complaint times: a complaint changed while its warnings were due; the next run fires them");
            return new(0, 0, 0, 0);
        }
        var events = fired.SelectMany(x => x.Events).ToList();
        return new(due.Count, events.Count(e => e.Kind == ComplaintStepKind.Warned), events.Count(e => e.Kind == ComplaintStepKind.Escalated), notices.Count);
    }

    /// <summary>Who hears of each event, looked up once for the whole batch (four queries).</summary>
    private async Task<List<StaffNotice>> Notices(List<(Complaint Complaint, IReadOnlyList<SlaEvent> Events)> fired, IReadOnlyList<ComplaintCategory> categories, CancellationToken cancellationToken)
    {
        var notices = new List<StaffNotice>();
        if (fired.Count == 0)
            return notices;
        var active = db.Users.Where(u => u.IsActive);
        var assigneeIds = fired.Select(x => x.Complaint.AssigneeId).OfType<string>().Distinct().ToList();
        var assignees = (await active.Where(u => assigneeIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
        var departments = fired.Where(x => x.Events.Any(e => e.Level == 2)).Select(x => x.Complaint.DepartmentId).Distinct().ToList();
        var managerRole = nameof(Role.DepartmentManager);
        var managers = (await active.Where(u => departments.Contains(u.DepartmentId) && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == managerRole))
            .Select(u => new { u.Id, u.DepartmentId }).ToListAsync(cancellationToken)).ToLookup(u => u.DepartmentId, u => u.Id);
        var roleNames = new[] { nameof(Role.DutyManager), nameof(Role.CustomerServiceManager), nameof(Role.ExecutiveVp) };
        var holders = (await (from u in active
                              join r in db.UserRoles on u.Id equals r.UserId
                              where roleNames.Contains(r.RoleId)
                              select new { u.Id, r.RoleId }).ToListAsync(cancellationToken)).ToLookup(x => x.RoleId, x => x.Id);
        var customerIds = fired.Select(x => x.Complaint.CustomerId).Distinct().ToList();
        var customers = await db.Set<Customer>().Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        foreach (var (complaint, events) in fired)
        {
            foreach (var e in events)
            {
                IEnumerable<string> to = e.Level switch
                {
                    null or 1 => complaint.AssigneeId is { } a && assignees.Contains(a) ? [a] : holders[nameof(Role.DutyManager)],
                    2 => managers[complaint.DepartmentId],
                    3 => holders[nameof(Role.CustomerServiceManager)],
                    _ => holders[nameof(Role.ExecutiveVp)],
                };
                var (title, titleEn, body, bodyEn) = Texts(complaint, e, customers.GetValueOrDefault(complaint.CustomerId) ?? "", ComplaintDesk.CategoryName(categories, complaint.Category));
                notices.AddRange(to.Distinct().Select(user => new StaffNotice(user, complaint.CustomerId, title, titleEn, body, bodyEn, $"/complaints/{complaint.Id}")));
            }
        }
        return notices;
    }

    private (string Title, string TitleEn, string Body, string BodyEn) Texts(Complaint complaint, SlaEvent e, string customer, string category)
    {
        var due = clock.ToLocal(e.DueAt);
        var (zhDue, enDue) = (due.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture), due.ToString("d MMM HH:mm", CultureInfo.GetCultureInfo("en-GB")));
        var (zhTarget, enTarget) = (ComplaintTexts.Target(e.Target, false), ComplaintTexts.Target(e.Target, true));
        var severity = ComplaintTexts.Severity(complaint.Severity, false);
        if (e.Kind == ComplaintStepKind.Warned)
            return ($"投诉即将超时：{customer}", $"Complaint about to run out of time: {customer}",
                $"【{category}·{severity}】{complaint.Summary}：{zhTarget}时限 {zhDue}，即将到期。",
                $"[{category}] {complaint.Summary}: the {enTarget} time ends {enDue}.");
        var level = e.Level ?? 1;
        return ($"投诉超时升级（第{level}级，{ComplaintTexts.Level(level, false)}）：{customer}", $"Complaint escalated (level {level}, {ComplaintTexts.Level(level, true)}): {customer}",
            $"【{category}·{severity}】{complaint.Summary}：{zhTarget}时限 {zhDue} 已过，尚未{(e.Target == SlaTarget.Response ? "答复" : "解决")}。",
            $"[{category}] {complaint.Summary}: the {enTarget} time ended {enDue} and it is not yet {(e.Target == SlaTarget.Response ? "answered" : "resolved")}.");
    }
}
