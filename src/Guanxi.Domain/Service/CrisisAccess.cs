using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Service;

/// <summary>
/// SVC-3: who reads and who handles the crisis warnings. They go to the customer-service manager and the executive VP,
/// who write the response plan, record what was communicated and close them; the duty manager and the general manager
/// read them. A warning counts complaints across customers and names none, so there is no sight per warning: others are
/// refused the whole area.
/// </summary>
public static class CrisisAccess
{
    public static bool Reads(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return Handles(viewer) || viewer.Is(Role.DutyManager) || viewer.Is(Role.GeneralManager);
    }

    /// <summary>The response plan, the communications and the closing: the customer-service manager and the executive VP.</summary>
    public static bool Handles(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.CustomerServiceManager) || viewer.Is(Role.ExecutiveVp);
    }

    /// <summary>The detector's settings (<see cref="SpikePolicy"/>): administrators and the customer-service manager, as the complaint rules.</summary>
    public static bool SetsDetector(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(Role.Administrator) || viewer.Is(Role.CustomerServiceManager);
    }

    /// <summary>Who hears of a new warning.</summary>
    public static IReadOnlyList<Role> Notified { get; } = [Role.CustomerServiceManager, Role.ExecutiveVp];
}
