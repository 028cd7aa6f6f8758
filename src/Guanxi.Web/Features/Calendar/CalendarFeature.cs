namespace Guanxi.Web.Features.Calendar;

/// <summary>The enterprise's working calendar: working days and hours, public holidays and 调休 make-up days.</summary>
public static class CalendarFeature
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EnterpriseCalendar>();
        return builder;
    }
}
