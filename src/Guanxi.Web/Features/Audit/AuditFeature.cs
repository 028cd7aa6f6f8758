using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Audit;

public static class AuditFeature
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, AuditInterceptor>();
        builder.Services.AddScoped<ListAudit>();
        builder.Services.AddScoped<AuditText>();
        return builder;
    }

    public static WebApplication MapAudit(this WebApplication app)
    {
        var audit = app.MapGroup("/api/audit").RequireAuthorization(Policies.ViewAudit).WithTags("Audit");
        audit.MapGet("/", (string? entity, string? key, string? userId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
                ListAudit list, CancellationToken ct) => list.Handle(new AuditQuery(entity, key, userId, from, to, page, pageSize), ct))
            .WithSummary("The change history: who, when, entity, key, field, old and new value.");
        return app;
    }
}
