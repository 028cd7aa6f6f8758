namespace Guanxi.Web.Features.Settings;

public static class SettingsFeature
{
    public static WebApplicationBuilder AddSettings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EnterpriseSettings>();
        return builder;
    }
}
