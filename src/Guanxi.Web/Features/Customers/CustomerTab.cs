namespace Guanxi.Web.Features.Customers;

/// <summary>
/// A tab another feature adds to the customer page (the grade, the lifecycle, the credit, the orders), so that the page
/// knows none of them: its place among the others, its title's resource key, the component that fills it (given the
/// customer's id as its <c>CustomerId</c> parameter), its test id, and whether only trade customers (distributors) have it.
/// The feature registers it in DI.
/// </summary>
public sealed record CustomerTab(int Order, string TitleKey, Type Component, string TestId, bool TradeCustomersOnly = false)
{
    /// <summary>What the page gives the tab's component.</summary>
    /// <summary>Whether a customer's page shows this tab.</summary>
    public bool ShownFor(bool tradeCustomer) => !TradeCustomersOnly || tradeCustomer;

    public IDictionary<string, object> Parameters(Guid customerId) => new Dictionary<string, object> { ["CustomerId"] = customerId };
}
