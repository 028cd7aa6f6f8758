using System.Globalization;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Complaints;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>
/// SVC-2, SVC-8, SVC-9, SVC-11 服务分析: the complaints received in a period — by category (the enterprise's tree), severity,
/// touchpoint, channel, tier, department and month; the response and resolution times met (used ≤ given, counting those
/// still waiting past their time as missed), their mean and p90 in working hours; reopened; the checks with the customer
/// on closing; the customers with most complaints — and the feedback channels: contacts by touchpoint and channel, survey
/// answers by touchpoint, program and method. Every department's for the customer-service manager, the duty manager and
/// leadership; a department manager's own (<see cref="ServiceReportAccess"/>). Everything is counted in the database
/// (<see cref="ServiceReportCounts"/>, and three small grouped queries).
/// </summary>
public sealed class ServiceReport(GuanxiDbContext db, CustomerViewers viewers, ComplaintDesk desk, EnterpriseClock clock, TimeProvider time)
{
    public const int RepeatComplainers = 10;

    public async Task<Result<ServiceReportView>> Handle(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!ServiceReportAccess.Reads(viewer))
            return ServiceReportAccess.NotReader;
        var period = ServicePeriod.Of(from, to, clock.Today);
        if (!period.Succeeded)
            return Result<ServiceReportView>.Fail(period.Errors);
        var (first, last) = period.Value;
        var department = ServiceReportAccess.Department(viewer);
        var (start, end) = (clock.StartOf(first).ToUniversalTime(), clock.StartOf(last.AddDays(1)).ToUniversalTime());
        var english = Cultures.IsEnglish;

        var months = ServicePeriod.Months(first, last);
        var groups = await ServiceReportCounts.Read(db, start, end, [.. months.Select(m => (m, clock.StartOf(m)))], department, time.GetUtcNow(), clock.Zone, cancellationToken);
        var categories = await desk.Categories(cancellationToken);
        var departments = await DepartmentNames.All(db, cancellationToken);
        var total = groups.Total;

        var byCategory = categories.Select(c => Slice(c.Code, c.Name, c.ParentCode, groups.Category.GetValueOrDefault(c.Code), total))
            .Concat(groups.Category.Where(g => categories.All(c => c.Code != g.Key)).Select(g => Slice(g.Key, g.Key, null, g.Value, total))).ToList();
        var bySeverity = Enum.GetValues<ComplaintSeverity>().Reverse().Select(s => Slice(Key(s), ComplaintTexts.Severity(s, english), null, groups.Severity.GetValueOrDefault(s.ToString()), total)).ToList();
        var byTouchpoint = Enum.GetValues<Touchpoint>().Select(t => Slice(Key(t), english ? t.English() : t.Chinese(), null, groups.Touchpoint.GetValueOrDefault(t.ToString()), total)).ToList();
        var byChannel = Enum.GetValues<ContactChannel>().Select(c => Slice(Key(c), english ? c.English() : c.Chinese(), null, groups.Channel.GetValueOrDefault(c.ToString()), total)).ToList();
        var byTier = Enum.GetValues<Tier>().Reverse().Select(t => Slice(Key(t), english ? t.English() : t.Chinese(), null, groups.Tier.GetValueOrDefault(t.ToString()), total)).ToList();
        var byDepartment = groups.Department.OrderByDescending(d => d.Value.Complaints).ThenBy(d => departments.GetValueOrDefault(d.Key), StringComparer.Ordinal)
            .Select(d => Slice(d.Key.ToString(), departments.GetValueOrDefault(d.Key) ?? "—", null, d.Value, total)).ToList();
        var byMonth = months.Select(m =>
        {
            var t = groups.Month.GetValueOrDefault(m) ?? new ComplaintTally();
            return new ServiceMonth(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), (int)t.Complaints, (int)t.Resolved,
                Percent.Of(t.ResponseMet, t.ResponseDecided), Percent.Of(t.ResolutionMet, t.ResolutionDecided), (int)t.Reopened);
        }).ToList();

        var checks = total.Satisfied + total.Dissatisfied + total.NotReached;
        return new ServiceReportView(
            first, last, department, department is { } d ? departments.GetValueOrDefault(d) : null, (int)total.Complaints, (int)total.Open,
            new ServiceTimes((int)total.ResponseDecided, (int)total.ResponseMet, Percent.Of(total.ResponseMet, total.ResponseDecided), (int)total.Responded,
                WorkingTimeHistogram.AverageHours(total.ResponseSeconds, total.Responded), WorkingTimeHistogram.Percentile(groups.ResponseHours, 0.9)),
            new ServiceTimes((int)total.ResolutionDecided, (int)total.ResolutionMet, Percent.Of(total.ResolutionMet, total.ResolutionDecided), (int)total.Resolved,
                WorkingTimeHistogram.AverageHours(total.ResolutionSeconds, total.Resolved), WorkingTimeHistogram.Percentile(groups.ResolutionHours, 0.9)),
            (int)total.Reopened, Percent.Of(total.Reopened, total.Complaints),
            new SatisfactionChecks((int)checks, (int)total.Satisfied, (int)total.Dissatisfied, (int)total.NotReached, Percent.Of(total.Satisfied, total.Satisfied + total.Dissatisfied)),
            byCategory, bySeverity, byTouchpoint, byChannel, byTier, byDepartment, byMonth,
            await Repeaters(viewer, start, end, department, cancellationToken),
            await Contacts(start, end, department, english, cancellationToken),
            await Surveys(viewer, first, last, english, cancellationToken),
            await Checks(start, end, department, cancellationToken));
    }

    /// <summary>
    /// SVC-2: the period's complaints (the reader's department's, as every figure) whose customer was asked after resolution,
    /// with how their survey tasks stand and the overall score of the answer that counts — one small grouped query over the
    /// few checked complaints (their own index).
    /// </summary>
    private async Task<ResolutionChecks> Checks(DateTimeOffset start, DateTimeOffset end, Guid? department, CancellationToken cancellationToken)
    {
        var rows = from c in db.Set<Complaint>().AsNoTracking()
                   join t in db.Set<SurveyTask>() on c.CheckTaskId equals (Guid?)t.Id
                   join r in db.Set<SurveyResponse>() on t.ResponseId equals (Guid?)r.Id into rs
                   from r in rs.DefaultIfEmpty()
                   where c.CheckTaskId != null && c.ReceivedAt >= start && c.ReceivedAt < end && (department == null || c.DepartmentId == department)
                   select new { t.Outcome, c.CheckSatisfied, Score = r == null ? null : r.OverallScore };
        var groups = await rows.GroupBy(x => new { x.Outcome, x.CheckSatisfied })
            .Select(g => new { g.Key.Outcome, g.Key.CheckSatisfied, Count = g.Count(), Scored = g.Count(x => x.Score != null), ScoreSum = g.Sum(x => x.Score) }).ToListAsync(cancellationToken);
        int Count(Func<SurveyOutcome, bool> outcome, bool? satisfied = null) =>
            groups.Where(g => outcome(g.Outcome) && (satisfied is null || g.CheckSatisfied == satisfied)).Sum(g => g.Count);
        var answered = groups.Where(g => g.Outcome == SurveyOutcome.Completed).ToList();
        var (satisfiedCount, unsatisfied) = (Count(o => o == SurveyOutcome.Completed, true), Count(o => o == SurveyOutcome.Completed, false));
        var scored = answered.Sum(g => g.Scored);
        return new ResolutionChecks(groups.Sum(g => g.Count), answered.Sum(g => g.Count),
            Count(o => o is SurveyOutcome.Incomplete or SurveyOutcome.Unreachable or SurveyOutcome.FalseArchive), Count(o => o == SurveyOutcome.Pending),
            satisfiedCount, unsatisfied, Percent.Of(satisfiedCount, satisfiedCount + unsatisfied), scored == 0 ? null : Math.Round(answered.Sum(g => g.ScoreSum ?? 0) / scored, 1));
    }

    private static ServiceSlice Slice(string key, string name, string? parent, ComplaintTally? t, ComplaintTally total)
    {
        t ??= new ComplaintTally();
        return new ServiceSlice(key, name, parent, (int)t.Complaints, Percent.Of(t.Complaints, total.Complaints), Percent.Of(t.ResponseMet, t.ResponseDecided),
            Percent.Of(t.ResolutionMet, t.ResolutionDecided), WorkingTimeHistogram.AverageHours(t.ResolutionSeconds, t.Resolved), (int)t.Reopened);
    }

    /// <summary>An enum value as the API writes it (afterSale, vip).</summary>
    private static string Key<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The customers with more than one complaint in the period, most first; by name when the reader may see them, else masked without an id.</summary>
    private async Task<List<RepeatComplainer>> Repeaters(Viewer viewer, DateTimeOffset start, DateTimeOffset end, Guid? department, CancellationToken cancellationToken)
    {
        List<(Guid CustomerId, int Count)> top;
        if (db.Database.IsSqlite())
            top = await RepeatersOnSqlite(start, end, department, cancellationToken);
        else
        {
            var complaints = db.Set<Complaint>().AsNoTracking().Where(c => c.ReceivedAt >= start && c.ReceivedAt < end);
            if (department is { } d)
                complaints = complaints.Where(c => c.DepartmentId == d);
            top = [.. (await complaints.GroupBy(c => c.CustomerId).Where(g => g.Count() > 1)
                .Select(g => new { CustomerId = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.CustomerId).Take(RepeatComplainers)
                .ToListAsync(cancellationToken)).Select(t => (t.CustomerId, t.Count))];
        }
        var ids = top.Select(t => t.CustomerId).ToList();
        var customers = await db.Set<Customer>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.OwnerId, c.DepartmentId })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. top.Select(t => customers.TryGetValue(t.CustomerId, out var c) && CustomerAccess.SightOf(viewer, c.OwnerId, c.DepartmentId) != CustomerSight.None
            ? new RepeatComplainer(c.Id, c.Name, t.Count)
            : new RepeatComplainer(null, PersonalDataMask.Name(c?.Name), t.Count))];
    }

    /// <summary>
    /// SQLite plans the customers' counts through the index on the time and looks up every row of the period (a year of a
    /// million complaints: 20 s cold, 2 s warm); walked in the order of the index on customer and time instead, each
    /// customer's complaints are counted where they lie (0.5 s). SQLite takes that order only when told.
    /// </summary>
    private async Task<List<(Guid CustomerId, int Count)>> RepeatersOnSqlite(DateTimeOffset start, DateTimeOffset end, Guid? department, CancellationToken cancellationToken)
    {
        var top = new List<(Guid, int)>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"""
                SELECT "CustomerId", COUNT(*) FROM "Complaints" INDEXED BY "IX_Complaints_CustomerId_ReceivedAt"
                WHERE "ReceivedAt" >= @from AND "ReceivedAt" < @to{(department is null ? "" : " AND \"DepartmentId\" = @department")}
                GROUP BY "CustomerId" HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC, "CustomerId" LIMIT {RepeatComplainers}
                """;
            SqlValues.Parameter(command, "@from", start.UtcTicks);
            SqlValues.Parameter(command, "@to", end.UtcTicks);
            if (department is { } d)
                SqlValues.Parameter(command, "@department", new SqlValues(true).Id(d));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                top.Add((reader.GetGuid(0), reader.GetInt32(1)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return top;
    }

    private async Task<ContactFeedback> Contacts(DateTimeOffset start, DateTimeOffset end, Guid? department, bool english, CancellationToken cancellationToken)
    {
        var contacts = db.Set<Contact>().AsNoTracking().Where(k => k.At >= start && k.At < end);
        if (department is { } d)
            contacts = contacts.Where(k => k.DepartmentId == d);
        var groups = await contacts.GroupBy(k => new { k.Touchpoint, k.Channel, k.Direction })
            .Select(g => new { g.Key.Touchpoint, g.Key.Channel, g.Key.Direction, Count = g.Count() }).ToListAsync(cancellationToken);
        ContactSlice Of(string key, string name, IEnumerable<int> inbound, IEnumerable<int> outbound)
        {
            var (i, o) = (inbound.Sum(), outbound.Sum());
            return new ContactSlice(key, name, i + o, i, o);
        }
        return new ContactFeedback(groups.Sum(g => g.Count),
            [.. Enum.GetValues<Touchpoint>().Select(t => Of(Key(t), english ? t.English() : t.Chinese(),
                groups.Where(g => g.Touchpoint == t && g.Direction == ContactDirection.Inbound).Select(g => g.Count),
                groups.Where(g => g.Touchpoint == t && g.Direction == ContactDirection.Outbound).Select(g => g.Count)))],
            [.. Enum.GetValues<ContactChannel>().Select(c => Of(Key(c), english ? c.English() : c.Chinese(),
                groups.Where(g => g.Channel == c && g.Direction == ContactDirection.Inbound).Select(g => g.Count),
                groups.Where(g => g.Channel == c && g.Direction == ContactDirection.Outbound).Select(g => g.Count)))]);
    }

    /// <summary>
    /// The survey answers that count (the last of each task) given in the period, as far as the reader reads survey figures
    /// (<see cref="SurveyAccess.Sight"/> of a weekly report: customer service and leadership every department's, a department
    /// manager their own) — figures only, never answers or comments.
    /// </summary>
    private async Task<SurveyFeedback> Surveys(Viewer viewer, DateOnly first, DateOnly last, bool english, CancellationToken cancellationToken)
    {
        if (SurveyAccess.Sight(viewer, ReportKind.Weekly, published: false, null) is not { } sight)
            return new SurveyFeedback(0, [], [], []);
        var rows = from r in db.Set<SurveyResponse>().AsNoTracking()
                   join t in db.Set<SurveyTask>() on r.TaskId equals t.Id
                   where r.RespondedOn >= first && r.RespondedOn <= last && r.SupersededBy == null
                   select new { r, t.Kind, t.ProgramId, t.DepartmentId };
        if (sight.Department is { } d)
            rows = rows.Where(x => x.DepartmentId == d);
        var groups = (await rows.GroupBy(x => new { x.Kind, x.ProgramId, x.r.Method }).Select(g => new
        {
            g.Key.Kind, g.Key.ProgramId, g.Key.Method,
            Responses = g.Count(),
            Completed = g.Count(x => x.r.Outcome == SurveyOutcome.Completed),
            OverallSum = g.Sum(x => x.r.OverallScore),
            Overall = g.Count(x => x.r.OverallScore != null),
            Satisfied = g.Count(x => x.r.OverallScore >= SatisfactionTally.SatisfiedFrom),
            Recommend = g.Count(x => x.r.Recommend != null),
            Promoters = g.Count(x => x.r.Recommend >= 9),
            Detractors = g.Count(x => x.r.Recommend <= 6),
            Hidden = g.Count(x => x.r.HiddenProblem),
        }).ToListAsync(cancellationToken)).Select(g => (g.Kind, g.ProgramId, g.Method,
            Tally: new SurveyTally(g.Responses, g.Completed, g.OverallSum ?? 0, g.Overall, g.Satisfied, g.Recommend, g.Promoters, g.Detractors, g.Hidden))).ToList();
        var programIds = groups.Select(g => g.ProgramId).OfType<Guid>().Distinct().ToList();
        var programs = await db.Set<SurveyProgram>().AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        static FeedbackScore Score(string key, string name, IEnumerable<SurveyTally> tallies)
        {
            var t = tallies.Aggregate(SurveyTally.Zero, (a, b) => a + b);
            return new FeedbackScore(key, name, t.Responses, t.Completed, t.Overall == 0 ? null : Math.Round(t.OverallSum / t.Overall, 1),
                Percent.Of(t.Satisfied, t.Overall), t.Recommend == 0 ? null : Math.Round(100.0 * (t.Promoters - t.Detractors) / t.Recommend, 1), t.Hidden);
        }
        var touchpoints = new[] { (Kind: SurveyKind.Sales, Touchpoint: Touchpoint.Sale), (Kind: SurveyKind.AfterSales, Touchpoint: Touchpoint.AfterSale) };
        return new SurveyFeedback(groups.Sum(g => g.Tally.Responses),
            [.. touchpoints.Where(k => groups.Any(g => g.Kind == k.Kind && g.ProgramId == null))
                .Select(k => Score(Key(k.Touchpoint), english ? $"{k.Touchpoint.English()}: {SurveyTexts.Kind(k.Kind, true)} survey" : $"{k.Touchpoint.Chinese()}：{SurveyTexts.Kind(k.Kind, false)}调查",
                    groups.Where(g => g.Kind == k.Kind && g.ProgramId == null).Select(g => g.Tally)))],
            [.. groups.Where(g => g.ProgramId is not null).GroupBy(g => g.ProgramId!.Value)
                .Select(p => Score(p.Key.ToString(), programs.GetValueOrDefault(p.Key) ?? "—", p.Select(g => g.Tally))).OrderByDescending(s => s.Responses)],
            [.. groups.GroupBy(g => g.Method).OrderBy(m => m.Key).Select(m => Score(Key(m.Key), SurveyTexts.Method(m.Key, english), m.Select(g => g.Tally)))]);
    }

    private sealed record SurveyTally(int Responses, int Completed, double OverallSum, int Overall, int Satisfied, int Recommend, int Promoters, int Detractors, int Hidden)
    {
        public static SurveyTally Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

        public static SurveyTally operator +(SurveyTally a, SurveyTally b) => new(a.Responses + b.Responses, a.Completed + b.Completed, a.OverallSum + b.OverallSum,
            a.Overall + b.Overall, a.Satisfied + b.Satisfied, a.Recommend + b.Recommend, a.Promoters + b.Promoters, a.Detractors + b.Detractors, a.Hidden + b.Hidden);
    }
}
