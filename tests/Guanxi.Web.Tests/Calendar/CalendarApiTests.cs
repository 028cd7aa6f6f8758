using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Web.Features.Calendar;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Calendar;

/// <summary>
/// SVC-2's working calendar through the API on both databases. The tests enter years far from today (2031) and put the
/// default week back, so that the complaint times other tests count stay on the shipped calendar.
/// </summary>
public abstract class CalendarApiTests(GuanxiApp app)
{
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];
    private static readonly object[] DefaultPeriods = [new { start = "08:30", end = "12:00" }, new { start = "13:30", end = "17:30" }];

    private static string[] Strings(JsonElement list, string? property = null) =>
        [.. list.EnumerateArray().Select(e => (property is null ? e : e.GetProperty(property)).GetString()!)];

    private static async Task<JsonElement> Errors(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    /// <summary>The enterprise's calendar as a complaint's handler would read it on <paramref name="day"/>.</summary>
    private async Task<BuiltCalendar> CalendarOn(DateOnly day)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime());
        await using var scope = app.Services.CreateAsyncScope();
        var enterprise = ActivatorUtilities.CreateInstance<EnterpriseCalendar>(scope.ServiceProvider, new EnterpriseClock(time, Shanghai));
        var calendar = await enterprise.Current();
        var built = await enterprise.Built();
        Assert.Same(calendar, built.Calendar);   // read once per scope
        return built;
    }

    [Fact]
    public async Task SVC2_any_member_of_staff_reads_the_default_week_and_the_shipped_State_Council_schedule()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var year = await sales.GetFromJsonAsync<JsonElement>("/api/settings/calendar?year=2026");
        Assert.Equal(Weekdays, Strings(year.GetProperty("workdays")));
        Assert.Equal(["08:30", "13:30"], Strings(year.GetProperty("periods"), "start"));
        Assert.Equal(["12:00", "17:30"], Strings(year.GetProperty("periods"), "end"));
        Assert.Equal(("stateCouncil", JsonValueKind.Null), (year.GetProperty("source").GetString(), year.GetProperty("warning").ValueKind));
        var holidays = year.GetProperty("holidays").EnumerateArray().ToList();
        Assert.Contains(holidays, h => h.GetProperty("date").GetString() == "2026-02-17" && h.GetProperty("name").GetString() == "春节");
        Assert.Contains("2026-02-14", Strings(year.GetProperty("makeUpDays"), "date"));
        Assert.Equal([2024, 2025, 2026], year.GetProperty("stateCouncilYears").EnumerateArray().Select(y => y.GetInt32()));
        // Without a year: the enterprise's current one.
        Assert.Equal(Today.Year, (await sales.GetFromJsonAsync<JsonElement>("/api/settings/calendar")).GetProperty("year").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/settings/calendar?year=2026")).StatusCode);
    }

    [Fact]
    public async Task SVC2_a_year_without_a_schedule_falls_back_to_the_statutory_holidays_with_a_warning()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var year = await manager.GetFromJsonAsync<JsonElement>("/api/settings/calendar?year=2030");
        Assert.Equal("fallback", year.GetProperty("source").GetString());
        Assert.Equal("2030 年的国务院放假安排尚未录入，暂按周末及法定节日推算，不含调休。", year.GetProperty("warning").GetString());
        Assert.Equal(["2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05"], [.. year.GetProperty("holidays").EnumerateArray().Where(h => h.GetProperty("name").GetString() == "春节").Select(h => h.GetProperty("date").GetString()!)]);
        Assert.Equal(0, year.GetProperty("makeUpDays").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/settings/calendar?year=1999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/settings/calendar?year=next")).StatusCode);
    }

    [Fact]
    public async Task SVC2_the_administrator_enters_a_year_which_is_read_back_counted_by_the_enterprise_calendar_and_in_the_history()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var body = new
        {
            workdays = Weekdays,
            periods = DefaultPeriods,
            holidays = new object[] { new { date = "2031-03-03", name = " 厂庆 " }, new { date = "2031-01-01", name = "元旦" } },
            makeUpDays = new object[] { new { date = "2031-03-08", name = "" } },
        };
        var saved = await admin.PutAsJsonAsync("/api/settings/calendar?year=2031", body);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var year = await admin.GetFromJsonAsync<JsonElement>("/api/settings/calendar?year=2031");
        Assert.Equal(("entered", JsonValueKind.Null), (year.GetProperty("source").GetString(), year.GetProperty("warning").ValueKind));
        Assert.Equal(["2031-01-01", "2031-03-03"], Strings(year.GetProperty("holidays"), "date"));
        Assert.Equal(["元旦", "厂庆"], Strings(year.GetProperty("holidays"), "name"));
        Assert.Equal(JsonValueKind.Null, year.GetProperty("makeUpDays")[0].GetProperty("name").ValueKind);
        Assert.Contains(2031, year.GetProperty("enteredYears").EnumerateArray().Select(y => y.GetInt32()));
        // The other years are untouched: 2026 still the State Council's.
        Assert.Equal("stateCouncil", (await admin.GetFromJsonAsync<JsonElement>("/api/settings/calendar?year=2026")).GetProperty("source").GetString());

        // The calendar complaint times count in, on a day of 2031: Monday 3 March off, Saturday 8 March worked.
        var enterprise = await CalendarOn(new DateOnly(2031, 2, 27));
        var calendar = enterprise.Calendar;
        Assert.False(calendar.IsWorkday(new DateOnly(2031, 3, 3)));
        Assert.True(calendar.IsWorkday(new DateOnly(2031, 3, 8)));
        // Friday 28 February 17:00 + 1 working hour: half an hour that day, the weekend and the holiday, then Tuesday 09:00.
        var friday = new DateTimeOffset(2031, 2, 28, 17, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(friday.AddDays(4).AddHours(-8), calendar.AddWorkingTime(friday, TimeSpan.FromHours(1)));
        Assert.Equal([2029, 2030, 2032, 2033], enterprise.FallbackYears);

        var history = await admin.GetFromJsonAsync<JsonElement>("/api/audit?entity=Setting&key=calendar");
        Assert.Contains(history.GetProperty("items").EnumerateArray(), h => h.GetProperty("newValue").GetString()?.Contains("2031-03-03", StringComparison.Ordinal) == true);

        // The week and hours apply to every year; put back the default for the other tests.
        try
        {
            var longer = await admin.PutAsJsonAsync("/api/settings/calendar?year=2031",
                body with { workdays = [.. Weekdays, "saturday"], periods = [new { start = "08:00", end = "12:00" }, new { start = "13:00", end = "17:00" }] });
            Assert.Equal(HttpStatusCode.OK, longer.StatusCode);
            var read = await admin.GetFromJsonAsync<JsonElement>("/api/settings/calendar?year=2026");
            Assert.Equal([.. Weekdays, "saturday"], Strings(read.GetProperty("workdays")));
            Assert.Equal(["08:00", "13:00"], Strings(read.GetProperty("periods"), "start"));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/settings/calendar?year=2031", body)).StatusCode);
        }
    }

    [Fact]
    public async Task SVC2_only_an_administrator_changes_the_calendar()
    {
        app.EnsureAvailable();
        var body = new { workdays = Weekdays, periods = DefaultPeriods, holidays = new[] { new { date = "2032-06-01", name = "儿童节" } }, makeUpDays = Array.Empty<object>() };
        foreach (var email in new[] { "cs.manager@demo.guanxi.cn", "sales.manager@demo.guanxi.cn", "sales@demo.guanxi.cn" })
        {
            var refused = await (await app.SignedInAs(email)).PutAsJsonAsync("/api/settings/calendar?year=2032", body);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        Assert.Equal("fallback", (await admin.GetFromJsonAsync<JsonElement>("/api/settings/calendar?year=2032")).GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PutAsJsonAsync("/api/settings/calendar?year=2032", body)).StatusCode);
    }

    [Fact]
    public async Task SVC2_bad_input_is_refused_field_by_field_and_changes_nothing()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var errors = await Errors(await admin.PutAsJsonAsync("/api/settings/calendar?year=2033", new
        {
            workdays = Array.Empty<string>(),
            periods = new object[] { new { start = "09:00", end = "08:00" }, new { start = "25:00", end = "12:00" } },
            holidays = new object[] { new { date = "2032-12-31", name = "除夕" }, new { date = "2033-05-01", name = "劳动节" } },
            makeUpDays = new object[] { new { date = "2033-05-01", name = "" } },
        }));
        foreach (var field in new[] { "workdays", "periods[0].end", "periods[1].start", "holidays[0].date", "makeUpDays[0].date" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error on {field}: {errors}");
        Assert.False(errors.TryGetProperty("holidays[1].date", out _));
        Assert.Contains("结束时间须晚于开始时间", errors.GetProperty("periods[0].end")[0].GetString());

        var overlap = await Errors(await admin.PutAsJsonAsync("/api/settings/calendar?year=2033", new
        {
            workdays = Weekdays,
            periods = new object[] { new { start = "08:30", end = "12:00" }, new { start = "11:00", end = "17:30" } },
            holidays = Array.Empty<object>(),
            makeUpDays = Array.Empty<object>(),
        }));
        Assert.True(overlap.TryGetProperty("periods[1].start", out _), overlap.ToString());
        var unknownDay = await admin.PutAsJsonAsync("/api/settings/calendar?year=2033", new { workdays = new[] { "funday" }, periods = DefaultPeriods, holidays = Array.Empty<object>(), makeUpDays = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, unknownDay.StatusCode);
        var noPeriods = await admin.PutAsJsonAsync("/api/settings/calendar?year=2033", new { workdays = Weekdays, holidays = Array.Empty<object>(), makeUpDays = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, noPeriods.StatusCode);
        var farYear = await Errors(await admin.PutAsJsonAsync("/api/settings/calendar?year=2100", new { workdays = Weekdays, periods = DefaultPeriods, holidays = Array.Empty<object>(), makeUpDays = Array.Empty<object>() }));
        Assert.True(farYear.TryGetProperty("year", out _));

        var year = await admin.GetFromJsonAsync<JsonElement>("/api/settings/calendar?year=2033");
        Assert.Equal("fallback", year.GetProperty("source").GetString());
        Assert.Equal(Weekdays, Strings(year.GetProperty("workdays")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CalendarApiTests_Sqlite(SqliteApp app) : CalendarApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CalendarApiTests_Postgres(PostgresApp app) : CalendarApiTests(app);
