using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;

namespace Guanxi.Domain.Tests;

/// <summary>SVC-3: the windows the detector counts in, the series it checks, and a warning's life — plan, communications, closing.</summary>
public sealed class CrisisWarningTests
{
    private static readonly Guid Service = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private static readonly Guid Sales = Guid.Parse("0190a000-0000-7000-8000-000000000002");
    private static readonly DateTimeOffset Now = new(2027, 3, 16, 9, 42, 17, TimeSpan.FromHours(8));
    private static readonly Actor Manager = Actor.Staff("cs-manager");

    private static Viewer As(Role role) => new("someone", Sales, new HashSet<Role> { role });

    private static CrisisWarning Raised()
    {
        var end = SpikeWindows.End(Now);
        var series = new SpikeSeries(CrisisSeriesKind.Category, "repairQuality", SpikeWindow.Week, 23, [5, 7, 6, 6, 5, 7, 6, 6], Service);
        var check = ComplaintSpikes.Check(series.Window, series.Observed, series.Earlier, new SpikePolicy());
        return CrisisWarning.Raise(series, check, "维修质量", end, Now);
    }

    [Fact]
    public void SVC3_the_last_day_is_compared_with_the_same_hours_of_the_same_weekday_and_the_last_week_with_the_weeks_before()
    {
        var end = SpikeWindows.End(Now);
        Assert.Equal(new DateTimeOffset(2027, 3, 16, 1, 0, 0, TimeSpan.Zero), end);   // the hour begun, in UTC
        Assert.Equal((end.AddDays(-1), end), SpikeWindows.Bounds(end, SpikeWindow.Day, 0));
        Assert.Equal((end.AddDays(-15), end.AddDays(-14)), SpikeWindows.Bounds(end, SpikeWindow.Day, 2));
        Assert.Equal((end.AddDays(-21), end.AddDays(-14)), SpikeWindows.Bounds(end, SpikeWindow.Week, 2));
        Assert.Equal(end.AddDays(-63), SpikeWindows.Start(end, 8));

        var thresholds = SpikeWindows.Thresholds(end, 8);
        Assert.Equal(18, thresholds.Count);
        Assert.Equal(thresholds.OrderByDescending(t => t), thresholds);
        Assert.Equal(SpikeWindows.Start(end, 8), thresholds[^1]);
        // Each slot is the part of a week its threshold starts: the even ones the week's last day.
        for (var slot = 0; slot < thresholds.Count; slot++)
        {
            var (weeksBack, inDay) = SpikeWindows.Slot(slot);
            var day = SpikeWindows.Bounds(end, SpikeWindow.Day, weeksBack);
            var week = SpikeWindows.Bounds(end, SpikeWindow.Week, weeksBack);
            Assert.Equal(inDay ? day.From : week.From, thresholds[slot]);
            Assert.Equal(inDay ? day.To : day.From, slot == 0 ? end : thresholds[slot - 1]);
        }
    }

    [Fact]
    public void SVC3_the_grouped_counts_make_each_categorys_and_each_departments_day_and_week()
    {
        SpikeCount[] counts =
        [
            new("repairQuality", Service, 0, true, 4), new("repairQuality", Service, 0, false, 10), new("repairQuality", Sales, 0, false, 3),
            new("repairQuality", Service, 1, true, 1), new("repairQuality", Service, 1, false, 5), new("repairQuality", Service, 8, false, 2),
            new("price", Sales, 0, false, 2), new("price", Sales, 3, true, 1),
            new("billing", Sales, 2, false, 9),   // nothing in the last week: it cannot rise
        ];
        var series = SpikeWindows.Series(counts, 8);
        var week = series.Single(s => s is { Kind: CrisisSeriesKind.Category, Key: "repairQuality", Window: SpikeWindow.Week });
        Assert.Equal((17, Service), (week.Observed, week.Department));   // the department with most of them
        Assert.Equal([6, 0, 0, 0, 0, 0, 0, 2], week.Earlier);
        var day = series.Single(s => s is { Kind: CrisisSeriesKind.Category, Key: "repairQuality", Window: SpikeWindow.Day });
        Assert.Equal((4, 1), (day.Observed, day.Earlier[0]));
        Assert.DoesNotContain(series, s => s.Key == "billing");
        Assert.DoesNotContain(series, s => s is { Key: "price", Window: SpikeWindow.Day });   // none in the last day
        var sales = series.Single(s => s is { Kind: CrisisSeriesKind.Department, Window: SpikeWindow.Week } && s.Key == Sales.ToString());
        Assert.Equal((5, Sales), (sales.Observed, sales.Department));
        Assert.Equal([0, 9, 1, 0, 0, 0, 0, 0], sales.Earlier);
    }

    [Fact]
    public void SVC3_a_warning_keeps_its_figures_and_says_them_in_words()
    {
        var warning = Raised();
        Assert.Equal((CrisisStatus.Open, 23, 6.0, Service), (warning.Status, warning.Observed, warning.Usual, warning.DepartmentId));
        Assert.True(warning.PValue < 0.001);
        Assert.Equal(SpikeWindows.End(Now), warning.WindowEnd);
        Assert.Equal(warning.WindowEnd.AddDays(-7), warning.WindowStart);
        Assert.Equal("维修质量类投诉近 7 天 23 起，平时每周约 6 起。", CrisisTexts.Figures(warning, "维修质量", english: false));
        Assert.Equal("Repair quality complaints: 23 in the last 7 days, usually about 6 a week.", CrisisTexts.Figures(warning, "Repair quality", english: true));
        Assert.Equal("售后服务部的投诉近 24 小时 9 起，前 8 周同日同时段平均约 1.5 起。",
            CrisisTexts.Figures(CrisisSeriesKind.Department, "售后服务部", SpikeWindow.Day, 9, 1.5, 8, english: false));
        Assert.Equal("0.1", CrisisTexts.Usual(0.02));
        Assert.Equal("0", CrisisTexts.Usual(0));

        var quiet = ComplaintSpikes.Check(SpikeWindow.Week, 6, [5, 7, 6, 6, 5, 7, 6, 6], new SpikePolicy());
        Assert.Throws<ArgumentException>(() => CrisisWarning.Raise(new SpikeSeries(CrisisSeriesKind.Category, "price", SpikeWindow.Week, 6, [5, 7, 6, 6, 5, 7, 6, 6], Sales), quiet, "价格", Now, Now));
    }

    [Fact]
    public void SVC3_a_warning_records_the_plan_what_was_communicated_and_is_closed_with_a_note()
    {
        var warning = Raised();
        var version = warning.Version;
        Assert.True(warning.SetPlan("  逐一回访本周返修客户，暂停该班组独立作业  ", Manager, Now).Succeeded);
        Assert.Equal(("逐一回访本周返修客户，暂停该班组独立作业", "cs-manager"), (warning.Plan, warning.PlanById));
        Assert.NotEqual(version, warning.Version);

        Assert.True(warning.Communicate("售后服务部全体", "通报投诉情况与整改要求", Now.AddHours(-1), Manager, Now).Succeeded);
        Assert.True(warning.Communicate("受影响客户", "电话致歉并预约免费复检", null, Actor.Staff("vp"), Now).Succeeded);
        Assert.Equal(2, warning.Communications.Count);
        Assert.Equal((Now.AddHours(-1).ToUniversalTime(), "cs-manager"), (warning.Communications[0].At, warning.Communications[0].ById));
        Assert.Equal(Now.ToUniversalTime(), warning.Communications[1].At);   // no time: now

        var bad = warning.Communicate(" ", new string('很', CrisisWarning.MaxWhatLength + 1), Now.AddHours(1), Manager, Now);
        Assert.Equal(["to", "what", "at"], bad.Errors.Select(e => e.Field));
        Assert.All(bad.Errors, e => Assert.Equal(ErrorKind.Validation, e.Kind));
        Assert.Equal("at", warning.Communicate("客户", "致歉", warning.WindowStart.AddMinutes(-1), Manager, Now).Errors.Single().Field);
        Assert.Equal("plan", warning.SetPlan("", Manager, Now).Errors.Single().Field);
        Assert.Equal("note", warning.Close(null, Manager, Now).Errors.Single().Field);
        Assert.Equal(2, warning.Communications.Count);

        Assert.True(warning.Close("返修质量已恢复正常，本周投诉回落至 5 起", Manager, Now.AddDays(5)).Succeeded);
        Assert.Equal((CrisisStatus.Closed, "cs-manager"), (warning.Status, warning.ClosedById));
        Assert.Equal(ErrorKind.Conflict, warning.Close("再关", Manager, Now).Kind);
        Assert.Equal(ErrorKind.Conflict, warning.SetPlan("新方案", Manager, Now).Kind);
        Assert.Equal(ErrorKind.Conflict, warning.Communicate("客户", "补充说明", null, Manager, Now).Kind);
    }

    [Fact]
    public void SVC3_customer_service_and_leadership_read_warnings_and_the_customer_service_manager_and_the_vp_handle_them()
    {
        Assert.All(new[] { Role.CustomerServiceManager, Role.DutyManager, Role.ExecutiveVp, Role.GeneralManager }, r => Assert.True(CrisisAccess.Reads(As(r))));
        Assert.All(new[] { Role.Administrator, Role.CallbackSpecialist, Role.DepartmentManager, Role.SalesConsultant, Role.ServiceAdvisor, Role.Administration },
            r => Assert.False(CrisisAccess.Reads(As(r))));
        Assert.Equal([Role.ExecutiveVp, Role.CustomerServiceManager], Roles.All.Where(r => CrisisAccess.Handles(As(r))));
        Assert.Equal(CrisisAccess.Notified.Order(), Roles.All.Where(r => CrisisAccess.Handles(As(r))).Order());
    }

    [Fact]
    public void SVC3_administrators_and_the_customer_service_manager_set_the_detector() =>
        Assert.Equal(new[] { Role.Administrator, Role.CustomerServiceManager }.Order(), Roles.All.Where(r => CrisisAccess.SetsDetector(As(r))).Order());
}
