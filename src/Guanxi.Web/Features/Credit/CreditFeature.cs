using Guanxi.Domain.Credit;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.Credit;

/// <summary>ARC-5 credit rating: the rule table, nightly rating, manual adjustment, business conditions (ARC-7's watch lists are Features/Watchlists).</summary>
public static class CreditFeature
{
    public static WebApplicationBuilder AddCredit(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(new Customers.CustomerTab(30, "Credit.Tab", typeof(Pages.CustomerCreditTab), "credit-tab"));
        services.AddScoped<EvaluateCredit>();
        services.AddScoped<Orders.IOrdersWritten, RateWrittenOrders>();
        services.AddScoped<CreditSettings>();
        services.AddScoped<GetCustomerCredit>();
        services.AddScoped<AdjustCredit>();
        services.AddScoped<RecordBusinessConditions>();
        return builder;
    }

    /// <summary>The job that orders trigger (every night the grading job rates everyone, Grading.RecomputeNight).</summary>
    public static void Schedule(IQuartzBuilder q) => q.AddJob<CreditJob>(j => j.WithIdentity(CreditJob.Key).StoreDurably());

    public static WebApplication MapCredit(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Credit");
        api.MapGet("/customers/{id:guid}/credit", async (Guid id, GetCustomerCredit get, CancellationToken ct) => (await get.Handle(id, ct)).ToHttp())
            .Produces<CreditView>()
            .WithSummary("Credit level (AAA|AA|A|B|C; null while not rated: no payment history yet), whether it was set by hand, the payment record and reason behind it, business conditions and the history.");
        api.MapPost("/customers/{id:guid}/credit/adjust", async (Guid id, CreditAdjustBody body, AdjustCredit adjust, CancellationToken ct) => (await adjust.Handle(id, body, ct)).ToHttp())
            .Produces<CreditLevel>()
            .WithSummary("A manual level {level: AAA|AA|A|B|C, reason} by the department's manager or the customer-service manager; recorded in the history.");
        api.MapPut("/customers/{id:guid}/business-conditions", async (Guid id, BusinessConditionsBody body, RecordBusinessConditions record, CancellationToken ct) =>
                (await record.Handle(id, body, ct)).ToHttp())
            .Produces<IReadOnlyList<BusinessCondition>>()
            .WithSummary("Business-condition flags {conditions: [poorCondition|debts|restructuring|bankruptcy]}; the credit is rated again at once.");
        api.MapGet("/credit/settings", async (CreditSettings settings, CancellationToken ct) => (await settings.Get(ct)).ToHttp())
            .WithSummary("The credit rule table: per level AAA, AA, A, B the minimum on-time percent, maximum overdue amount and days, and whether business flags are allowed.");
        api.MapPut("/credit/settings", async (CreditPolicy body, CreditSettings settings, CancellationToken ct) => (await settings.Save(body, ct)).ToHttp())
            .Produces<CreditPolicy>()
            .WithSummary("Administrators edit the rule table; the nightly evaluation applies it.");
        return app;
    }
}
