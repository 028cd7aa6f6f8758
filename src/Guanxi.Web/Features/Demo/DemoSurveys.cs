using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// Twelve months of the demo dealership's satisfaction surveys (SAT), so that every report has content on first start:
/// the real daily generation run day by day, and each task answered the way a dealer's customers answer — most by phone
/// within days of the window opening, some through the SMS link or by mail, a few on site; some unreachable (a few reached
/// later, superseding the blank questionnaire), incomplete or false archives; a few overdue, most with a reason; a few
/// hidden problems (items rated well, the overall low). Staff and the branch differ a little, as they do. Reports were
/// generated on time but for a few, and every month before the last was published. The standard programs (SAT-15/16) are
/// switched on for the last four months and drew their samples as the daily job does.
/// </summary>
public static class DemoSurveys
{
    private static readonly string[] Praise =
    [
        "销售顾问很耐心，讲解很专业", "交车仪式很用心，家人都很开心", "休息区环境好，还有免费咖啡", "保养速度快，按时交车", "服务顾问主动提醒了下次保养时间",
        "价格透明，没有乱收费", "洗车很干净，细节到位",
    ];

    private static readonly string[] Complaints =
    [
        "交车时等了两个多小时", "电话预约总是打不通", "保养后车里有油渍", "配件要等一周才到货", "结算时多出了事先没说的费用", "交车时没人讲解车机功能",
        "休息区太吵，没有充电插座",
    ];

    private static readonly string[] LeftBecause =
    [
        "搬家了，离店太远", "朋友介绍了另一家店，价格更便宜", "上次保养等太久", "车已经卖掉了", "在 4S 店做保养太贵，去了路边店",
    ];

    private static readonly string[] OverdueReasons = ["客户出国，时效内无法联系", "客户要求下月再回访", "电话一直关机，已发短信未回复"];

    private static readonly string[] InvalidNotes =
    [
        "连续三天拨打均无人接听", "号码为空号，档案电话有误", "客户只回答了两题就挂断", "接电话的不是车主本人，车主电话未知",
    ];

    public static async Task Seed(IServiceProvider provider, GuanxiDbContext db, Random random, DateOnly today, DemoProgress progress, CancellationToken cancellationToken)
    {
        progress.Stage("满意度调查（12 个月）", "satisfaction surveys (12 months)");
        var generate = provider.GetRequiredService<GenerateSurveyTasks>();
        var clock = provider.GetRequiredService<Domain.Common.EnterpriseClock>();
        var versions = await (from v in db.Set<QuestionnaireVersion>().AsNoTracking()
                              join q in db.Set<Questionnaire>() on v.QuestionnaireId equals q.Id
                              where q.Kind == QuestionnaireKind.Sales || q.Kind == QuestionnaireKind.AfterSales
                              select new { q.Kind, Version = v }).ToDictionaryAsync(x => x.Kind == QuestionnaireKind.Sales ? SurveyKind.Sales : SurveyKind.AfterSales, x => x.Version, cancellationToken);
        var programs = ActivatorUtilities.CreateInstance<RunSurveyPrograms>(provider, random);   // the demo's own draws: the same demo every start
        foreach (var program in await db.Set<SurveyProgram>().ToListAsync(cancellationToken))
            program.SwitchOn();
        await db.SaveChangesAsync(cancellationToken);
        var programVersions = await (from p in db.Set<SurveyProgram>().AsNoTracking()
                                     join v in db.Set<QuestionnaireVersion>() on p.QuestionnaireId equals v.QuestionnaireId
                                     where v.Number == 1
                                     select new { p.Id, Version = v }).ToDictionaryAsync(x => x.Id, x => x.Version, cancellationToken);
        QuestionnaireVersion VersionOf(SurveyTask task) => task.ProgramId is { } p ? programVersions[p] : versions[task.Kind];
        var staffMood = new Dictionary<string, double>(StringComparer.Ordinal);
        var sales = await DemoImprovement.SalesDepartment(db, cancellationToken);
        var handover = new Random(24);   // its own draws: the rest of the demo stays as it was
        var (caller, manager) = (await StaffWith(db, Role.CallbackSpecialist, cancellationToken), await StaffWith(db, Role.CustomerServiceManager, cancellationToken));
        DateTimeOffset At(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, random.Next(60))), clock.Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();

        var first = today.AddDays(-365);
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            await generate.Handle(day, cancellationToken);
            if (day > today.AddDays(-120))
                await programs.Handle(day, cancellationToken: cancellationToken);
            db.ChangeTracker.Clear();
            foreach (var task in await db.Set<SurveyTask>().Where(t => t.Opens == day && t.Outcome == SurveyOutcome.Pending).OrderBy(t => t.Id).ToListAsync(cancellationToken))
            {
                var respondOn = day.AddDays(Math.Min(random.Next(0, 4) + random.Next(0, 3), 6));
                var roll = random.NextDouble();
                if (task.Due >= today && (respondOn > today || roll < 0.4))
                    continue;   // still open: today's queue
                if (roll < 0.03)
                {
                    if (random.NextDouble() < 0.7)
                        task.ExplainOverdue(OverdueReasons[random.Next(OverdueReasons.Length)]);
                    continue;
                }
                for (var a = random.Next(0, 3); a > 0; a--)
                {
                    var (result, attemptAt) = (random.NextDouble() < 0.7 ? AttemptResult.NoAnswer : AttemptResult.Busy, At(day, 9 + a));
                    task.Attempt(result, null, attemptAt);
                    db.Add(new SurveyAttempt { Id = Guid.CreateVersion7(), TaskId = task.Id, Result = result, At = attemptAt, ById = caller });
                }
                var method = roll switch
                {
                    < 0.15 => SurveyMethod.Link,
                    < 0.20 => SurveyMethod.Mail,
                    < 0.26 when task.Kind == SurveyKind.Sales => SurveyMethod.OnSite,
                    _ => SurveyMethod.Phone,
                };
                if (roll > 0.89)
                {
                    var reason = roll switch { < 0.95 => SurveyOutcome.Unreachable, < 0.98 => SurveyOutcome.Incomplete, _ => SurveyOutcome.FalseArchive };
                    var invalid = SurveyResponse.Invalid(task.Id, SurveyMethod.Phone, reason, InvalidNotes[reason switch { SurveyOutcome.Unreachable => 0, SurveyOutcome.Incomplete => 2, _ => random.Next(2) * 2 + 1 }],
                        new Actor(caller), respondOn, At(respondOn, 15)).Value!;
                    task.Respond(invalid, respondOn, invalid.RespondedAt);
                    db.Add(invalid);
                    // Some unreachable customers answer on a later call within the window: that response supersedes the blank one (SAT-9).
                    if (reason != SurveyOutcome.Unreachable || respondOn.AddDays(2) > task.Due || respondOn.AddDays(2) > today || random.NextDouble() < 0.6)
                        continue;
                    respondOn = respondOn.AddDays(2);
                    var later = Answer(task, VersionOf(task), SurveyMethod.Phone, respondOn, At(respondOn, 16), Mood(task.StaffId));
                    invalid.SupersedeWith(later);
                    task.Respond(later, respondOn, later.RespondedAt);
                    db.Add(later);
                    continue;
                }
                var response = Answer(task, VersionOf(task), method, respondOn, At(respondOn, 11), Mood(task.StaffId));
                task.Respond(response, respondOn, response.RespondedAt);
                db.Add(response);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress.Count("满意度调查：天数", "satisfaction surveys: days", day.DayNumber - first.DayNumber + 1, today.DayNumber - first.DayNumber + 1);
        }
        progress.Stage("满意度报告", "satisfaction reports");
        await Reports(db, random, today, At, manager, cancellationToken);

        double Mood(string? staff) => staff is null ? 0 : staffMood.TryGetValue(staff, out var m) ? m : staffMood[staff] = (random.NextDouble() - 0.5) * 0.12;

        SurveyResponse Answer(SurveyTask task, QuestionnaireVersion version, SurveyMethod method, DateOnly on, DateTimeOffset at, double staff)
        {
            var hidden = random.NextDouble() < 0.03;
            var mood = hidden ? 0.95 : Math.Clamp(0.8 + staff + Gaussian() * 0.13, 0.15, 1);
            double Noisy() => Math.Clamp(mood + Gaussian() * 0.08, 0, 1);
            var answers = new List<Answer>();
            foreach (var q in version.Questions)
            {
                var value = q.Scale switch
                {
                    AnswerScale.Words when q.Dimension == Dimension.Overall && hidden => Question.Words[random.Next(2)],
                    _ when q.Dimension == Dimension.Overall && hidden => (3 + random.Next(3)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ when q.Dimension == Dimension.Recommendation && hidden => (3 + random.Next(4)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    AnswerScale.OneToFive => ((int)Math.Round(1 + 4 * Noisy())).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    AnswerScale.OneToTen => ((int)Math.Round(1 + 9 * Noisy())).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    AnswerScale.ZeroToTen => ((int)Math.Round(10 * Noisy())).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    AnswerScale.YesNo => random.NextDouble() < mood + 0.08 ? "是" : "否",
                    AnswerScale.Words => Question.Words[(int)Math.Round(3 * Noisy())],
                    AnswerScale.Text when q.Required => LeftBecause[random.Next(LeftBecause.Length)],
                    _ => null,
                };
                if (q.Scale == AnswerScale.OneToFive && value is not null && task.Kind == SurveyKind.Sales && DemoImprovement.HandoverLow(task.DepartmentId, sales, q.Id, on, today, handover))
                    value = Math.Max(1, int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);   // before the measure fixed it
                if (value is not null)
                    answers.Add(new Answer(q.Id, value));
            }
            var comment = hidden ? Complaints[random.Next(Complaints.Length)]
                : random.NextDouble() < 0.25 ? (mood > 0.75 ? Praise[random.Next(Praise.Length)] : Complaints[random.Next(Complaints.Length)]) : null;
            return SurveyResponse.Answered(task.Id, method, version, answers, comment, RecordSurveyResponse.DefaultHiddenGap, method == SurveyMethod.Link ? Actor.System() : new Actor(caller), on, at).Value!;
        }

        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }

    /// <summary>The reports of the year: on time but for a few; every month before the last published by the 6th.</summary>
    /// <summary>The first member of staff with a role (by email), who does the demo's calls and publications; the system when there is none.</summary>
    private static async Task<string> StaffWith(GuanxiDbContext db, Role role, CancellationToken cancellationToken) =>
        await db.Users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == role.Name())).OrderBy(u => u.Email).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken)
            ?? Actor.SystemId;

    private static async Task Reports(GuanxiDbContext db, Random random, DateOnly today, Func<DateOnly, int, DateTimeOffset> at, string manager, CancellationToken cancellationToken)
    {
        var periods = new List<ReportPeriod>();
        for (var day = today.AddDays(-365); day < today; day = day.AddDays(1))
            periods.AddRange(SatisfactionReportJob.Due(day));
        foreach (var period in periods)
        {
            var generatedOn = random.NextDouble() < 0.04 ? period.Due.AddDays(1 + random.Next(2)) : period.Due;
            if (generatedOn >= today)
                continue;
            var run = new SatisfactionReportRun
            {
                Id = Guid.CreateVersion7(), Kind = period.Kind, Period = period.Key, Due = period.Due, GeneratedAt = at(generatedOn, 18), GeneratedOn = generatedOn,
                Late = period.IsLate(generatedOn), GeneratedById = SatisfactionReportJob.Scheduled.Id, GeneratedByCause = SatisfactionReportJob.Scheduled.Cause,
            };
            if (period.Kind == ReportKind.Monthly && period.PublishBy < today)
            {
                var publishedOn = period.PublishBy.AddDays(-random.Next(2));
                (run.PublishedAt, run.PublishedOn, run.PublishedById) = (at(publishedOn, 9), publishedOn, manager);
            }
            db.Add(run);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
