using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Guanxi.Web.Tests.Improvement;

/// <summary>
/// Issue 24 item 9 on both databases: the monthly improvement report on measures built with the domain in November 2019
/// (instants in the enterprise's zone, saved as they were), who reads which departments, its .xlsx, and the 工作台's
/// 改进措施 card.
/// </summary>
public abstract class ImprovementReportApiTests(GuanxiApp app)
{
    private const string Vp = "vp@demo.guanxi.cn";
    private const string Cs = "cs.manager@demo.guanxi.cn";
    private const string SalesManager = "sales.manager@demo.guanxi.cn";
    private const string ServiceManager = "service.manager@demo.guanxi.cn";
    private const string Consultant = "sales@demo.guanxi.cn";

    private static readonly WorkCalendar Weekdays = new(WorkCalendar.DefaultWorkdays, WorkCalendar.DefaultPeriods, [], [], Days.Shanghai);

    /// <summary>A local time of the enterprise, as the database keeps it (UTC).</summary>
    private static DateTimeOffset At(int month, int day, int hour = 10, int minute = 0) =>
        new DateTimeOffset(2019, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static DateOnly On(int month, int day) => new(2019, month, day);

    private async Task<(string Id, Guid Department)> Staff(string email)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return (user.Id, user.DepartmentId);
        }
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void Done(Result<Done> result) => Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));

    /// <summary>
    /// The sales department's measures of autumn 2019 and two of after-sales, saved once per database:
    /// A raised 4 Nov by hand with a figure to watch, planned on time, done and closed by its deadline;
    /// B from a complaint 5 Nov, planned late, done after its deadline, customer service refuses it, a penalty on 29 Nov;
    /// C from a survey problem 6 Nov, signed, never planned (plan due 11 Nov);
    /// D raised 15 Oct, done after its deadline of 10 Nov, closed 13 Nov, a penalty at 07:30 on 1 December (30 Nov in UTC);
    /// E raised 1 Oct, closed at 06:30 on 1 November (31 Oct in UTC), reopened at 07:00, planned again, closed 26 Nov;
    /// H from an inspection finding 20 Oct, planned, its deadline 15 Nov passed undone;
    /// F of after-sales raised 20 Nov with the VP's opinion; G of after-sales raised 2 December.
    /// </summary>
    private async Task<(Guid Sales, Guid AfterSales)> Autumn2019()
    {
        var (vp, _) = await Staff(Vp);
        var (cs, _) = await Staff(Cs);
        var (manager, sales) = await Staff(SalesManager);
        var (_, afterSales) = await Staff(ServiceManager);
        var (consultant, _) = await Staff(Consultant);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            if (await db.Set<Measure>().AnyAsync(m => m.Number == "RPT-2019-A"))
                return (sales, afterSales);
            var (byVp, byCs, byManager) = (Actor.Staff(vp), Actor.Staff(cs), Actor.Staff(manager));

            Measure Raise(string letter, MeasureSourceKind kind, Guid department, int month, int day, EffectMetric? metric = null)
            {
                var m = Measure.Raise($"RPT-2019-{letter}", kind, kind == MeasureSourceKind.Manual ? null : Guid.NewGuid(), $"改进报告测试 {letter}", "测试用的改进措施。",
                    department, metric, byCs, At(month, day, 9), On(month, day)).Value!;
                Done(m.GiveOpinion("请整改", department, byVp, At(month, day, 10)));
                db.Add(m);
                return m;
            }
            void Sign(Measure m, int month, int day) => Done(m.Sign(byManager, At(month, day, 11), On(month, day), Weekdays, new ImprovementPolicy()));
            void Plan(Measure m, int month, int day, DateOnly due)
            {
                Done(m.Analyse(["原因"], CauseCategory.Method, "建议", byManager, At(month, day, 8)));
                Done(m.Plan([new PlannedAction("整改", consultant, due)], due, byManager, At(month, day, 9), On(month, day)));
            }
            void Complete(Measure m, int month, int day, int hour = 10) =>
                Done(m.CompleteAction(m.CurrentActions.Single().Id, null, Actor.Staff(consultant), At(month, day, hour), On(month, day)));
            void AcceptAll(Measure m, int month, int day, int hour = 15, int minute = 0)
            {
                Done(m.Accept(AcceptanceParty.ExecutiveVp, true, null, byVp, At(month, day, hour, minute), On(month, day)));
                Done(m.Accept(AcceptanceParty.CustomerService, true, null, byCs, At(month, day, hour, minute), On(month, day)));
                Done(m.Accept(AcceptanceParty.Department, true, null, byManager, At(month, day, hour, minute), On(month, day)));
                Assert.Equal(MeasureStatus.Closed, m.Status);
            }

            var a = Raise("A", MeasureSourceKind.Manual, sales, 11, 4, new EffectMetric(EffectMetricKind.ComplaintCount, "repairQuality", sales));
            Sign(a, 11, 4);
            Plan(a, 11, 6, On(11, 20));
            Complete(a, 11, 18);
            AcceptAll(a, 11, 19);

            var b = Raise("B", MeasureSourceKind.Complaint, sales, 11, 5);
            Sign(b, 11, 5);
            Plan(b, 11, 12, On(11, 25));
            Assert.True(b.PlanLate);
            Complete(b, 11, 27);
            Done(b.Accept(AcceptanceParty.ExecutiveVp, true, null, byVp, At(11, 28), On(11, 28)));
            Done(b.Accept(AcceptanceParty.CustomerService, false, "客户仍有抱怨", byCs, At(11, 28), On(11, 28)));
            Assert.True(b.ProposePenalty(manager, sales, "奖惩制度第 3 条", null, byVp, At(11, 29), On(11, 29)).Succeeded);

            var c = Raise("C", MeasureSourceKind.SurveyProblem, sales, 11, 6);
            Sign(c, 11, 6);
            Assert.Equal(On(11, 11), c.PlanDueOn);

            var d = Raise("D", MeasureSourceKind.Manual, sales, 10, 15);
            Sign(d, 10, 15);
            Plan(d, 10, 16, On(11, 10));
            Complete(d, 11, 12);
            AcceptAll(d, 11, 13);
            Assert.True(d.ProposePenalty(null, sales, "奖惩制度第 5 条", null, byVp, At(12, 1, 7, 30), On(12, 1)).Succeeded);

            var e = Raise("E", MeasureSourceKind.Manual, sales, 10, 1);
            Sign(e, 10, 1);
            Plan(e, 10, 2, On(11, 8));
            Complete(e, 10, 31);
            AcceptAll(e, 11, 1, 6, 30);
            Done(e.Reopen("效果未验证", byVp, At(11, 1, 7)));
            Plan(e, 11, 15, On(11, 22));
            Complete(e, 11, 21);
            AcceptAll(e, 11, 26);
            Assert.Equal(2, e.Round);

            var h = Raise("H", MeasureSourceKind.InspectionFinding, sales, 10, 20);
            Sign(h, 10, 21);
            Plan(h, 10, 22, On(11, 15));

            Raise("F", MeasureSourceKind.Manual, afterSales, 11, 20);
            Raise("G", MeasureSourceKind.Manual, afterSales, 12, 2);
            await db.SaveChangesAsync();
        }
        return (sales, afterSales);
    }

    private static int[] Figures(JsonElement row) =>
    [
        .. new[] { "raised", "plannedOnTime", "plannedLate", "planMissing", "closed", "closedOnTime", "closedLate", "closedWithMetric", "closedFirstRound",
            "closedAfterReopening", "notAccepted", "reopened", "penalties", "openAtEnd", "overdueAtEnd" }.Select(f => row.GetProperty(f).GetInt32()),
    ];

    private static int[] Sources(JsonElement row)
    {
        var s = row.GetProperty("bySource");
        return [.. new[] { "surveyProblem", "complaint", "crisisWarning", "inspectionFinding", "manual" }.Select(k => s.GetProperty(k).GetInt32())];
    }

    private static JsonElement Row(JsonElement report, Guid department) =>
        report.GetProperty("departments").EnumerateArray().Single(r => r.GetProperty("departmentId").GetGuid() == department);

    [Fact]
    public async Task CAPA_the_monthly_report_counts_each_departments_measures_raised_planned_closed_refused_reopened_penalised_and_open_at_the_month_end()
    {
        app.EnsureAvailable();
        var (sales, afterSales) = await Autumn2019();
        var report = await Ok(await (await app.SignedInAs(Vp)).GetAsync("/api/measures/report?month=2019-11"));

        Assert.Equal(("2019-11", "2019-11-01", "2019-11-30", "2019-11-30"), (report.GetProperty("month").GetString(), report.GetProperty("from").GetString(),
            report.GetProperty("to").GetString(), report.GetProperty("asOf").GetString()));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("departmentId").ValueKind);
        Assert.Equal(2, report.GetProperty("departments").GetArrayLength());
        // raised; plans on time, late, missing; closed, in time, late, with a figure, first round, after reopening; refused, reopened, penalties; open, overdue at the end
        Assert.Equal([3, 1, 1, 1, 3, 2, 1, 1, 2, 1, 1, 1, 1, 3, 2], Figures(Row(report, sales)));
        Assert.Equal([1, 1, 0, 0, 1], Sources(Row(report, sales)));
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0], Figures(Row(report, afterSales)));
        Assert.Equal([0, 0, 0, 0, 1], Sources(Row(report, afterSales)));
        var total = report.GetProperty("total");
        Assert.Equal([4, 1, 1, 1, 3, 2, 1, 1, 2, 1, 1, 1, 1, 4, 2], Figures(total));
        Assert.Equal([1, 1, 0, 0, 2], Sources(total));

        var months = report.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(("2018-12", "2019-11"), (months[0].GetProperty("month").GetString(), months[^1].GetProperty("month").GetString()));
        int[] Month(int i) => [months[i].GetProperty("raised").GetInt32(), months[i].GetProperty("closed").GetInt32(), months[i].GetProperty("overdueAtEnd").GetInt32()];
        Assert.Equal([4, 3, 2], Month(11));
        Assert.Equal([3, 0, 0], Month(10));   // D, E and H raised; E's first closing fell on 1 November in the enterprise's zone
        Assert.Equal([0, 0, 0], Month(9));

        var december = await Ok(await (await app.SignedInAs(Vp)).GetAsync("/api/measures/report?month=2019-12"));
        var decemberSales = Row(december, sales);
        Assert.Equal((1, 0), (decemberSales.GetProperty("penalties").GetInt32(), decemberSales.GetProperty("raised").GetInt32()));   // D's penalty at 07:30 on 1 December
        Assert.Equal(1, Row(december, afterSales).GetProperty("raised").GetInt32());
        Assert.Equal((3, 2), (decemberSales.GetProperty("openAtEnd").GetInt32(), decemberSales.GetProperty("overdueAtEnd").GetInt32()));   // B (done, awaiting acceptance), C and H
    }

    [Fact]
    public async Task CAPA_a_department_manager_reads_only_his_departments_report_others_are_refused_and_a_bad_month_is_a_400()
    {
        app.EnsureAvailable();
        var (sales, afterSales) = await Autumn2019();
        var vpReport = await Ok(await (await app.SignedInAs(Vp)).GetAsync("/api/measures/report?month=2019-11"));

        var mine = await Ok(await (await app.SignedInAs(SalesManager)).GetAsync("/api/measures/report?month=2019-11"));
        Assert.Equal(sales, mine.GetProperty("departmentId").GetGuid());
        Assert.Equal(sales, mine.GetProperty("departments").EnumerateArray().Single().GetProperty("departmentId").GetGuid());
        Assert.Equal(Figures(Row(vpReport, sales)), Figures(mine.GetProperty("total")));
        var november = mine.GetProperty("months")[11];
        Assert.Equal((3, 3, 2), (november.GetProperty("raised").GetInt32(), november.GetProperty("closed").GetInt32(), november.GetProperty("overdueAtEnd").GetInt32()));   // not after-sales' F

        var theirs = await Ok(await (await app.SignedInAs(ServiceManager)).GetAsync("/api/measures/report?month=2019-11"));
        Assert.Equal(afterSales, theirs.GetProperty("departments").EnumerateArray().Single().GetProperty("departmentId").GetGuid());
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0], Figures(theirs.GetProperty("total")));

        var consultant = await app.SignedInAs(Consultant);
        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.GetAsync("/api/measures/report?month=2019-11")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await consultant.GetAsync("/api/measures/report.xlsx?month=2019-11")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("duty@demo.guanxi.cn")).GetAsync("/api/measures/report")).StatusCode);

        var vp = await app.SignedInAs(Vp);
        foreach (var bad in new[] { "2019-13", "201911", "2019-1", "2019-11-01", "十一月", "0999-01", Days.D(Days.Today.AddMonths(2))[..7] })
        {
            var refused = await vp.GetAsync($"/api/measures/report?month={Uri.EscapeDataString(bad)}");
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {(int)refused.StatusCode}");
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("month", out _), errors.ToString());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await vp.GetAsync("/api/measures/report.xlsx?month=2019-13")).StatusCode);

        var lastMonth = new DateOnly(Days.Today.Year, Days.Today.Month, 1).AddMonths(-1);
        var byDefault = await Ok(await vp.GetAsync("/api/measures/report"));
        Assert.Equal(Days.D(lastMonth)[..7], byDefault.GetProperty("month").GetString());
        var thisMonth = await Ok(await vp.GetAsync($"/api/measures/report?month={Days.D(Days.Today)[..7]}"));
        Assert.Equal(Days.D(Days.Today), thisMonth.GetProperty("asOf").GetString());   // the current month's end is counted at today
    }

    [Fact]
    public async Task CAPA_the_monthly_report_exports_as_xlsx_with_a_sheet_per_table_and_numbers_as_numbers()
    {
        app.EnsureAvailable();
        await Autumn2019();
        var xlsx = await (await app.SignedInAs(Cs)).GetAsync("/api/measures/report.xlsx?month=2019-11");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("改进报告_2019年11月.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal(["概览", "部门", "近12个月"], MiniExcel.GetSheetNames(new MemoryStream(bytes)).ToArray());

        var departments = MiniExcel.Query(new MemoryStream(bytes), sheetName: "部门").Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
        Assert.Equal(["部门", "新提出", "来源：满意度调查问题", "来源：投诉", "来源：危机预警", "来源：专项检查问题", "来源：手工提出", "方案按时", "方案逾期", "逾期未定方案",
            "验收关闭", "按期完成", "逾期完成", "设效果指标", "一次验收通过", "重新分析后通过", "验收不通过", "重新分析", "处罚意见", "月末未关闭", "月末逾期"], departments[0]);
        var total = departments.Single(r => r[0] as string == "合计");
        Assert.Equal(4d, total[1]);   // a number Excel sums, not text
        Assert.Equal(2d, total[20]);
        Assert.Equal(4, departments.Count);   // the header, sales, after-sales and the total
        var months = MiniExcel.Query(new MemoryStream(bytes), sheetName: "近12个月").Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
        Assert.Equal(["月份", "新提出", "验收关闭", "月末逾期"], months[0]);
        Assert.Equal(["2019-11", 4d, 3d, 2d], months[^1]);
    }

    [Fact]
    public async Task CAPA_the_workbench_shows_the_VP_every_open_measure_and_a_department_manager_his_departments_with_the_plans_due()
    {
        app.EnsureAvailable();
        var (sales, _) = await Autumn2019();
        var vp = await app.SignedInAs(Vp);
        var lead = (await Ok(await vp.GetAsync("/api/workbench"))).GetProperty("leadership").GetProperty("measures");
        var counts = (await Ok(await vp.GetAsync("/api/measures?pageSize=1"))).GetProperty("counts");
        Assert.Equal((counts.GetProperty("open").GetInt32(), counts.GetProperty("overdue").GetInt32(), counts.GetProperty("awaitingAcceptance").GetInt32()),
            (lead.GetProperty("open").GetInt32(), lead.GetProperty("overdue").GetInt32(), lead.GetProperty("awaitingAcceptance").GetInt32()));

        var today = Days.Today;
        List<Measure> all;
        var db = app.NewDbContext(out var scope);
        using (scope)
            all = await db.Set<Measure>().AsNoTracking().ToListAsync();
        int[] Expected(IEnumerable<Measure> measures) =>
        [
            measures.Count(m => m.IsOpen), measures.Count(m => m.IsOverdue(today)), measures.Count(m => m.Status == MeasureStatus.AwaitingAcceptance),
            measures.Count(m => m.Status == MeasureStatus.Signed),
        ];
        static int[] Card(JsonElement card) => [.. new[] { "open", "overdue", "awaitingAcceptance", "plansDue" }.Select(f => card.GetProperty(f).GetInt32())];
        Assert.Equal(Expected(all), Card(lead));

        var department = (await Ok(await (await app.SignedInAs(SalesManager)).GetAsync("/api/workbench"))).GetProperty("department").GetProperty("measures");
        var expected = Expected(all.Where(m => m.DepartmentId == sales));
        Assert.Equal(expected, Card(department));
        Assert.True(expected[1] >= 2 && expected[2] >= 1 && expected[3] >= 1, string.Join(",", expected));   // C and H overdue, B awaiting acceptance, C awaiting its plan

        var cs = (await Ok(await (await app.SignedInAs(Cs)).GetAsync("/api/workbench"))).GetProperty("customerService").GetProperty("measures");
        Assert.Equal(Card(lead), Card(cs));
        Assert.Equal(JsonValueKind.Null, (await Ok(await (await app.SignedInAs("duty@demo.guanxi.cn")).GetAsync("/api/workbench"))).GetProperty("customerService").GetProperty("measures").ValueKind);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImprovementReportApiTests_Sqlite(SqliteApp app) : ImprovementReportApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ImprovementReportApiTests_Postgres(PostgresApp app) : ImprovementReportApiTests(app);
