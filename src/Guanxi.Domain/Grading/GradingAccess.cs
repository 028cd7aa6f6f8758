using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Grading;

/// <summary>GRD-2 "on demand": administrators and the customer-service manager recompute the grades now.</summary>
public static class GradingAccess
{
    public static bool CanRecompute(Viewer viewer) => viewer.Is(Role.Administrator) || viewer.Is(Role.CustomerServiceManager);
}
