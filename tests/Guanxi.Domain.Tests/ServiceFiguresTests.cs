using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;

namespace Guanxi.Domain.Tests;

/// <summary>SVC-9, SVC-11: the service report's period, its p90 from a histogram of working time, and who reads how much.</summary>
public sealed class ServiceFiguresTests
{
    private static readonly Guid Sales = Guid.Parse("0190a000-0000-7000-8000-000000000002");
    private static readonly DateOnly Today = new(2027, 3, 16);

    private static Viewer As(Role role) => new("someone", Sales, new HashSet<Role> { role });

    [Fact]
    public void SVC9_the_period_is_the_twelve_months_to_today_by_default_and_at_most_three_years()
    {
        Assert.Equal((new DateOnly(2026, 4, 1), Today), ServicePeriod.Of(null, null, Today).Value);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), ServicePeriod.Of(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Today).Value);
        Assert.True(ServicePeriod.Of(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), Today).Succeeded);
        Assert.Equal("to", ServicePeriod.Of(new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1), Today).Errors.Single().Field);
        Assert.Equal("from", ServicePeriod.Of(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 31), Today).Errors.Single().Field);
        Assert.Equal("from", ServicePeriod.Of(new DateOnly(1999, 12, 31), new DateOnly(2000, 1, 31), Today).Errors.Single().Field);
        Assert.Equal(["2026-11", "2026-12", "2027-01"], ServicePeriod.Months(new DateOnly(2026, 11, 30), new DateOnly(2027, 1, 1)).Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void SVC11_p90_from_the_histogram_is_the_nearest_rank_value_rounded_up_to_the_next_tenth_of_an_hour()
    {
        var random = new Random(20270316);
        for (var run = 0; run < 500; run++)
        {
            var seconds = Enumerable.Range(0, random.Next(1, 400)).Select(_ => (long)(random.NextDouble() < 0.1 ? random.Next(0, 3) * 3600 : random.Next(0, 200 * 3600))).ToList();
            var histogram = seconds.GroupBy(WorkingTimeHistogram.Bucket).Select(g => (g.Key, (long)g.Count())).ToList();
            var sorted = seconds.Order().ToList();
            var nearestRank = sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1];
            var p90 = WorkingTimeHistogram.Percentile(histogram, 0.9)!.Value;
            Assert.Equal(Math.Round(Math.Ceiling(nearestRank / 360.0) * 0.1, 1), p90);
            Assert.InRange(p90 * 3600 - nearestRank, 0, 360 + 1e-6);   // never below the true p90, at most six minutes above
        }
        Assert.Null(WorkingTimeHistogram.Percentile([], 0.9));
        Assert.Equal(1.0, WorkingTimeHistogram.Percentile([(WorkingTimeHistogram.Bucket(3600), 9), (WorkingTimeHistogram.Bucket(3601), 1)], 0.9));   // an exact hour stays that hour
        Assert.Equal(1.5, WorkingTimeHistogram.AverageHours(3 * 5400, 3));
        Assert.Null(WorkingTimeHistogram.AverageHours(0, 0));
        Assert.Equal(66.7, Percent.Of(2, 3));
        Assert.Null(Percent.Of(0, 0));
    }

    [Fact]
    public void SVC9_customer_service_leadership_and_department_managers_read_the_report_a_manager_their_own_department()
    {
        foreach (var role in new[] { Role.CustomerServiceManager, Role.DutyManager, Role.GeneralManager, Role.ExecutiveVp })
            Assert.Equal((true, (Guid?)null), (ServiceReportAccess.Reads(As(role)), ServiceReportAccess.Department(As(role))));
        Assert.Equal((true, (Guid?)Sales), (ServiceReportAccess.Reads(As(Role.DepartmentManager)), ServiceReportAccess.Department(As(Role.DepartmentManager))));
        Assert.All(new[] { Role.Administrator, Role.CallbackSpecialist, Role.SalesConsultant, Role.ServiceAdvisor, Role.Administration },
            r => Assert.False(ServiceReportAccess.Reads(As(r))));
    }
}
