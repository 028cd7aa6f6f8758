namespace Guanxi.Web.Features.Improvement;

/// <summary>The effect of a measure (issue 24 item 7): registered until the Improvement feature's own file takes it in.</summary>
public static class ImprovementEffectsRegistration
{
    public static IServiceCollection AddMeasureEffects(this IServiceCollection services) => services.AddScoped<MeasureEffects>();
}
