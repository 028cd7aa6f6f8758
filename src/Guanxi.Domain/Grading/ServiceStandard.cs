using Guanxi.Domain.Common;

namespace Guanxi.Domain.Grading;

/// <summary>
/// GRD-3: what a tier is promised, like a hotel's stars — complaint response and resolution hours, how often the owner
/// follows up, whether a dedicated owner is assigned, and the treatment in words. Complaint SLAs and follow-up
/// cadences read these (SVC-4: a follow-up call every <see cref="FollowUpDays"/>, and where <see cref="VisitDays"/> is set
/// a visit as well — the VIP's quarterly visit).
/// </summary>
public sealed record ServiceStandard(Tier Tier, int ResponseHours, int ResolutionHours, int FollowUpDays, bool DedicatedOwner, string? Treatment, int? VisitDays = null)
{
    /// <summary>The setting that holds the standards: the domain's, so that a feature below grading (the customer list's "not contacted for too long") reads it.</summary>
    public const string SettingsKey = "grading.serviceStandards";

    public static IReadOnlyList<ServiceStandard> Defaults { get; } =
    [
        new(Tier.Vip, 2, 24, 30, true, "专属负责人，快速响应通道，优先安排维修与交车", 90),
        new(Tier.Important, 4, 48, 60, false, "优惠政策，节日关怀，优先预约"),
        new(Tier.Ordinary, 24, 72, 180, false, "标准服务"),
    ];

    public static IReadOnlyList<Error> Validate(IReadOnlyList<ServiceStandard> standards)
    {
        var errors = new List<Error>();
        if (standards.Select(s => s.Tier).Order().SequenceEqual(Enum.GetValues<Tier>()) is false)
            errors.Add(new Error("grading.standard_tiers", "每个级别须有且只有一条服务标准。", "Each tier needs exactly one service standard.", "standards"));
        if (standards.Any(s => s.ResponseHours is < 1 or > 720 || s.ResolutionHours is < 1 or > 720 || s.ResponseHours > s.ResolutionHours))
            errors.Add(GradingErrors.StandardHours);
        if (standards.Any(s => s.FollowUpDays is < 1 or > 365 || s.VisitDays is < 1 or > 365))
            errors.Add(GradingErrors.StandardCadence);
        if (standards.Any(s => s.Treatment?.Length > 500))
            errors.Add(new Error("grading.standard_treatment", "服务内容不能超过 500 字。", "The treatment can have at most 500 characters.", "standards"));
        return errors;
    }
}
