using Guanxi.Domain.Stock;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Imports;
using Guanxi.Web.Features.Jobs;
using Guanxi.Web.Shared.Api;
using Quartz;

namespace Guanxi.Web.Features.Stock;

/// <summary>
/// SVC-10: distributors' stock (经销商库存) — counts of our products at trade customers, recorded on the customer's 库存 tab,
/// imported or sent by API; the sell-through and cover they show with our deliveries; slow stock turned into a sell-through
/// proposal for the owner every night; the slow stock per distributor (滞销库存) for managers.
/// </summary>
public static class StockFeature
{
    public static WebApplicationBuilder AddStock(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<StockReadings>();
        services.AddScoped<GetCustomerStock>();
        services.AddScoped<RecordStockCount>();
        services.AddScoped<ListSlowStock>();
        services.AddScoped<StockSettings>();
        services.AddScoped<CheckSlowStock>();
        services.AddScoped<ICustomerMergeStep, MoveStock>();
        services.AddScoped<RunStockImport>();
        services.AddScoped<IImportKind, StockImportKind>();
        // The 库存 tab, after the orders, on a distributor's page only.
        services.AddSingleton(new CustomerTab(45, "Stock.Tab", typeof(Pages.CustomerStockTab), "stock-tab", TradeCustomersOnly: true));
        return builder;
    }

    /// <summary>Slow stock is checked every night (Stock:SlowCron, 06:15), after the orders of the day before are in.</summary>
    public static void Schedule(IQuartzBuilder q, IConfiguration configuration)
    {
        q.AddJob<SlowStockJob>(j => j.WithIdentity(SlowStockJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(SlowStockJob.Key).WithIdentity("stock.slow")
            .WithCronSchedule(configuration.GetValue("Stock:SlowCron", "0 15 6 * * ?")!, c => c.InTimeZone(JobsFeature.Zone(configuration))));
    }

    public static WebApplication MapStock(this WebApplication app)
    {
        var customers = app.MapGroup("/api/customers/{id:guid}/stock").RequireAuthorization().WithTags("Stock");
        customers.MapGet("/", async (Guid id, GetCustomerStock get, CancellationToken ct) => (await get.Handle(id, ct)).ToHttp())
            .Produces<CustomerStockView>()
            .WithSummary("A distributor's stock: per product the latest count {product, quantity, countedOn, countedBy, countedById, source: page|import|api}, the sell-through since the window's opening count "
                + "{openingOn, openingQuantity, delivered (our sale orders' items of that name in between), sellThrough, weeklySellThrough}, coverWeeks (null when nothing sold), lastMovementOn, daysWithoutMovement, "
                + "slow, reason: noMovement|highCover, suggestion: promotion|transfer|return, openTaskId (the open sell-through proposal); the rule {stillDays, coverWeeks}, canRecord, and the recent counts. "
                + "For whoever sees the customer (404 otherwise); 409 when it is not a trade customer.");
        customers.MapPost("/", async (Guid id, StockCountBody body, RecordStockCount record, GetCustomerStock get, CancellationToken ct) =>
                await (await record.Handle(id, body, StockSource.Api, ct)).ToHttp(async _ => TypedResults.Created($"/api/customers/{id}/stock", (await get.Handle(id, ct)).Value)))
            .Produces<CustomerStockView>(StatusCodes.Status201Created)
            .WithSummary($"Record a count {{countedOn: yyyy-MM-dd (not in the future), lines: [{{product (≤ {StockCount.MaxProductLength}, once per count), quantity (0–1,000,000,000)}}] (1–{StockCount.MaxLines})}}; "
                + "a product already counted that day is corrected. The customer's owner, its department's manager and the customer-service manager (403 for others who see it, 404 out of sight); "
                + "409 when it is not a trade customer or not active; 400 per field (nothing saved). Answers the stock as GET does.");

        app.MapGet("/api/stock/slow", async (ListSlowStock list, CancellationToken ct) => (await list.Handle(ct)).ToHttp())
            .RequireAuthorization().WithTags("Stock")
            .Produces<SlowStockReport>()
            .WithSummary("Slow stock per distributor (滞销库存) {stillDays, coverWeeks, distributorsCounted, distributors: [{customerId, customerName, ownerId, owner, departmentId, department, slowProducts, slowQuantity, "
                + "lines: [{product, quantity, countedOn, weeklySellThrough, coverWeeks, daysWithoutMovement, reason, suggestion, openTaskId}]}]}, most slow products first: "
                + "department managers their department's distributors, customer service and leadership every department's; 403 for others.");

        var settings = app.MapGroup("/api/settings/stock").RequireAuthorization().WithTags("Stock");
        settings.MapGet("/", async (StockSettings s, CancellationToken ct) => (await s.Get(ct)).ToHttp())
            .Produces<StockSettingsView>()
            .WithSummary("The slow-stock rule {stillDays: a product is slow when no count has shown a sale for this many days (default 60), coverWeeks: or when it has more weeks of cover (default 12), canEdit}.");
        settings.MapPut("/", async (StockPolicy policy, StockSettings s, CancellationToken ct) => (await s.Save(policy, ct)).ToHttp())
            .Produces<StockSettingsView>()
            .WithSummary("Set the slow-stock rule {stillDays (7–365), coverWeeks (1–104)} (administrators).");
        return app;
    }
}
