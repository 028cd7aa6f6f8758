using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Accounts;

/// <summary>The enterprise's rules (grading policy, lifecycle thresholds, credit rules, review interval) are set by administrators.</summary>
public static class SettingsAccess
{
    public static bool CanChange(Viewer viewer) => viewer.Is(Role.Administrator);
}
