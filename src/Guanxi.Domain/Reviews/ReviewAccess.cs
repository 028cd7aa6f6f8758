using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Reviews;

/// <summary>ARC-6: who opens a review cycle before its interval has passed.</summary>
public static class ReviewAccess
{
    public static bool CanOpenEarly(Viewer viewer) => viewer.Is(Role.Administrator) || viewer.Is(Role.CustomerServiceManager);
}
