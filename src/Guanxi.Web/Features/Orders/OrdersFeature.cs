using Guanxi.Domain.Orders;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Orders;

/// <summary>Sales and service orders: entry, upsert by number one at a time or in batches, lists, and their move on a merge.</summary>
public static class OrdersFeature
{
    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(new Customers.CustomerTab(40, "Orders.Title", typeof(Pages.CustomerOrders), "orders-tab"));
        services.AddScoped<OrderInput>();
        services.AddScoped<OrderWriter>();
        services.AddScoped<SaveOrders>();
        services.AddScoped<GetOrder>();
        services.AddScoped<ListOrders>();
        services.AddScoped<ICustomerMergeStep, MoveOrders>();
        services.AddScoped<Customers.ITimelineSource, OrderTimeline>();   // the customer's 时间线: their orders
        return builder;
    }

    public static WebApplication MapOrders(this WebApplication app)
    {
        var orders = app.MapGroup("/api/orders").RequireAuthorization().WithTags("Orders");
        orders.MapPost("/", Post)
            .Produces<OrderView>(StatusCodes.Status201Created).Produces<OrderView>()
            .WithSummary("Create or update an order by kind + externalNo: 201 when new, 200 when it existed (sent again unchanged, nothing changes); 404 for a customer outside the caller's sight, 403 for another department's order number.");

        orders.MapPost("/batch", async (IReadOnlyList<OrderBody?> body, SaveOrders save, CancellationToken ct) =>
            (await save.Batch(body, "API batch", cancellationToken: ct)).ToHttp(saved =>
            {
                var english = Cultures.IsEnglish;
                return TypedResults.Ok(new BatchResult(saved.Created, saved.Updated,
                    [.. saved.Rejected.Select(r => new BatchRejection(r.Index, string.Join(english ? "; " : "；", r.Errors.Select(e => e.MessageFor(english))), r.Errors[0].Field))]));
            }))
            .Produces<BatchResult>()
            .WithSummary($"Up to 10,000 orders, upserted by kind + externalNo (idempotent: the same batch again creates nothing): {{created, updated, rejected: [{{index, message, field}}]}}.");

        orders.MapGet("/", async (Guid? customerId, string? kind, DateOnly? from, DateOnly? to, Guid? departmentId,
            string? staffId, bool? overdue, string? q, int? page, int? pageSize, ListOrders list, CancellationToken ct) =>
                ApiEnums.TryParse<OrderKind>(kind, out var k)
                    ? (await list.Handle(new OrderQuery(customerId, k, from, to, departmentId, staffId, overdue ?? false, q, page, pageSize), ct)).ToHttp()
                    : ResultHttp.Problem([OrderWebErrors.UnknownFilter]))
            .Produces<Page<OrderRow>>().WithSummary("Orders in the caller's sight, newest first: customerId, kind=sale|service, from/to (order date, inclusive), departmentId, staffId, overdue=true, q (number, plate or VIN).");

        orders.MapGet("/{id:guid}", async (Guid id, GetOrder get, CancellationToken ct) => (await get.Handle(id, ct)).ToHttp())
            .Produces<OrderView>()
            .WithSummary("One order; 404 when outside the caller's sight.");
        return app;
    }

    private static async Task<IResult> Post(OrderBody body, SaveOrders save, GetOrder get, CancellationToken ct)
    {
        var saved = await save.One(body, "API", cancellationToken: ct);
        if (!saved.Succeeded)
            return ResultHttp.Problem(saved.Errors);
        var view = (await get.Handle(saved.Value!.Id, ct)).Value!;
        return saved.Value.Created ? TypedResults.Created($"/api/orders/{view.Id}", view) : TypedResults.Ok(view);
    }
}
