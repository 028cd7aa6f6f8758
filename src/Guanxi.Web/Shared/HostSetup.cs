using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Guanxi.Domain.Common;
using Microsoft.AspNetCore.Localization;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Guanxi.Web.Shared.Localization;
using MudBlazor;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace Guanxi.Web.Shared;

/// <summary>The host around the features: pages, localisation, time, errors as ProblemDetails, OpenAPI.</summary>
public static class HostSetup
{
    public static WebApplicationBuilder AddGuanxiHost(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();   // MudBlazor's assets load outside Development too
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddTransient<MudLocalizer, GuanxiMudLocalizer>();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Write Chinese as characters, not &#x...; entities: pages stay small and readable.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<Api.BadRequests>();
        // A body or query value that cannot be bound throws, so that BadRequests answers with the field and the reason
        // (otherwise: a bare 400 in Production, a 500 with a stack trace in Development).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<EnterpriseClock>((o, clock) =>
        {
            foreach (var converter in Shared.Api.ApiEnums.Converters)
                o.SerializerOptions.Converters.Add(converter);
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;   // 张小明, not \u5f20…: JSON, never inlined in HTML
            Api.JsonInput.Configure(o.SerializerOptions, clock.Zone);
        });
        services.AddOpenApi(o => o.Describe());

        services.AddSingleton(TimeProvider.System);
        var zoneId = builder.Configuration.GetValue("Enterprise:TimeZone", EnterpriseClock.DefaultTimeZone)!;
        services.AddSingleton(sp => new EnterpriseClock(sp.GetRequiredService<TimeProvider>(), TimeZoneInfo.FindSystemTimeZoneById(zoneId)));
        services.AddSingleton<Formatter>();

        services.Configure<RequestLocalizationOptions>(o =>
        {
            CultureInfo[] cultures = [.. Cultures.Supported.Select(c => new CultureInfo(c))];
            o.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Pages: the user's choice (cookie) or Chinese. API clients may also ask with Accept-Language.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(async context =>
                    context.Request.Path.StartsWithSegments("/api")
                        ? English(await new AcceptLanguageHeaderRequestCultureProvider().DetermineProviderCultureResult(context))
                        : null),
            ];
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
        });
        return builder;
    }

    /// <summary>Any English a client asks for (en, en-GB …) is the English we have: a parent culture does not fall back to its child.</summary>
    private static ProviderCultureResult? English(ProviderCultureResult? asked)
    {
        if (asked is null)
            return null;
        Microsoft.Extensions.Primitives.StringSegment Ours(Microsoft.Extensions.Primitives.StringSegment culture) =>
            culture.Equals("en", StringComparison.OrdinalIgnoreCase) || culture.StartsWith("en-", StringComparison.OrdinalIgnoreCase) ? Cultures.English : culture;
        return new ProviderCultureResult([.. asked.Cultures.Select(Ours)], [.. asked.UICultures.Select(Ours)]);
    }

    public static WebApplication UseGuanxiHost(this WebApplication app)
    {
        // Errors: the API answers ProblemDetails with a trace id, pages show /error; never a stack trace.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler("/error", createScopeForErrors: true));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (!http.Response.HasStarted && http.Response.ContentLength is null)
                await Results.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http);
        }));
        // An unknown page answers 404 with the not-found page rendered in its place (re-executed, not redirected, so that
        // routing runs again: not in a branch); the API's statuses and a page's other statuses are left as they are.
        app.UseStatusCodePagesWithReExecute("/not-found", queryFormat: null, createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            await next(context);
            if ((context.Request.Path.StartsWithSegments("/api") || context.Response.StatusCode != StatusCodes.Status404NotFound || !HttpMethods.IsGet(context.Request.Method))
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
                statusPages.Enabled = false;
        });
        app.UseRequestLocalization();
        app.UseJsonBodyGuard();
        app.UseAuthentication();
        StaffPrincipalValidator.UseStaffPrincipalValidation(app);
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-docs", o =>
        {
            o.WithTitle(ApiDocument.Title).DisableDefaultFonts();
            // The reference of this API only: no links to the vendor's own client, tools, AI agent or telemetry.
            o.HideClientButton = true;
            o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            o.Telemetry = false;
            o.Agent = new ScalarAgentOptions { Disabled = true };
        }).AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
