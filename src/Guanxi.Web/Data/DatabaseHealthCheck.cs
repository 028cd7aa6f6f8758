using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Guanxi.Web.Data;

/// <summary>/healthz is healthy when the database answers.</summary>
public sealed class DatabaseHealthCheck(GuanxiDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
