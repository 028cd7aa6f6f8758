namespace Guanxi.Web.Features.Customers;

/// <summary>
/// A panel another feature shows at the top of the customer page, above the tabs, for whoever serves the customer
/// (Recommendations' 个性化服务), so that the page knows none of them: its place, the component (given the customer's id
/// as its <c>CustomerId</c> parameter) and its test id. The feature registers it in DI.
/// </summary>
public sealed record CustomerPanel(int Order, Type Component, string TestId)
{
    public IDictionary<string, object> Parameters(Guid customerId) => new Dictionary<string, object> { ["CustomerId"] = customerId };
}
