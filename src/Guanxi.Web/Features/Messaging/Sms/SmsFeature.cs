using Microsoft.Extensions.Options;

namespace Guanxi.Web.Features.Messaging.Sms;

/// <summary>
/// The SMS provider: Aliyun's adapter as <see cref="ISmsGateway"/> (settings <c>Messaging:Sms</c>, <see cref="SmsOptions"/>),
/// and, with <c>Messaging:Sms:Sandbox=true</c>, the provider's stand-in at <see cref="SmsSandbox.Path"/> and its pusher.
/// </summary>
public static class SmsFeature
{
    public static WebApplicationBuilder AddSms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // The demo (Demo:Seed, the default first run) sends to the provider's stand-in in this app when no provider is
        // configured, so that delivery and replies can be watched; a deployment sets Messaging:Sms:* or Demo:Seed=false.
        if (configuration.GetValue("Demo:Seed", true) && string.IsNullOrWhiteSpace(configuration[SmsOptions.Section + ":AccessKeyId"])
            && configuration.GetValue(SmsOptions.Section + ":Sandbox", true))
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [SmsOptions.Section + ":Sandbox"] = "true",
                [SmsOptions.Section + ":Endpoint"] = SmsOptions.Self,
                [SmsOptions.Section + ":AccessKeyId"] = "LTAI5tDemoSandbox",
                [SmsOptions.Section + ":AccessKeySecret"] = "demo-sandbox-secret",
                [SmsOptions.Section + ":PushSecret"] = "demo-sandbox-push-secret",
                [SmsOptions.Section + ":TemplateCodes:Marketing"] = "SMS_900000001",
                [SmsOptions.Section + ":TemplateCodes:Service"] = "SMS_900000002",
            });
        services.AddOptions<SmsOptions>().Bind(builder.Configuration.GetSection(SmsOptions.Section));
        services.AddHttpClient(AliyunSms.Client, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<AliyunSms>();
        services.AddSingleton<ISmsGateway>(sp => sp.GetRequiredService<AliyunSms>());
        if (builder.Configuration.GetValue<bool>(SmsOptions.Section + ":Sandbox"))
        {
            services.AddHttpClient(SmsSandbox.PushClient, c => c.Timeout = TimeSpan.FromSeconds(15));
            services.AddSingleton<SmsSandbox>();
            services.AddHostedService<SmsSandboxPusher>();
        }
        return builder;
    }

    public static WebApplication MapSmsSandbox(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<SmsOptions>>().Value.Sandbox)
            return app;
        app.MapMethods(SmsSandbox.Path, [HttpMethods.Get, HttpMethods.Post], (HttpContext context, SmsSandbox sandbox) => sandbox.Answer(context))
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }
}
