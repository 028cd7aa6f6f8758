using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Calendar;

/// <summary>The enterprise's working calendar: working days and hours, public holidays and 调休 make-up days.</summary>
public static class CalendarFeature
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EnterpriseCalendar>();
        builder.Services.AddScoped<GetCalendar>();
        builder.Services.AddScoped<SaveCalendar>();
        return builder;
    }

    public static WebApplication MapCalendar(this WebApplication app)
    {
        var api = app.MapGroup("/api/settings/calendar").RequireAuthorization().WithTags("Calendar");
        api.MapGet("", async (int? year, GetCalendar get, CancellationToken ct) => (await get.Handle(year, ct)).ToHttp())
            .Produces<CalendarView>()
            .WithSummary("The working calendar of a year (default the current one, 2000–2099): workdays (monday … sunday), periods [{start: \"08:30\", end: \"12:00\"}], the year's holidays and makeUpDays [{date, name}], source entered|stateCouncil|fallback and, for fallback, a warning; enteredYears and stateCouncilYears. Any member of staff.");
        api.MapPut("", async (int? year, CalendarBody body, SaveCalendar save, CancellationToken ct) => (await save.Handle(year, body, ct)).ToHttp())
            .Produces<CalendarView>()
            .WithSummary("Administrators save the week and periods (every year) and the year's holidays and make-up days: {workdays, periods, holidays, makeUpDays}; the year is then entered. 400 per field: a period that ends before it starts or overlaps another, a day outside the year or listed twice, a make-up day that is also a holiday, no working time left.");
        return app;
    }
}
