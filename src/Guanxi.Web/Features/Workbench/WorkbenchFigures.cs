using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Workbench;

/// <summary>
/// The 工作台's figures that would otherwise sum the whole archive on every visit (customers by tier and stage, the value
/// of 24 months, satisfaction by month, churn, risk and overdue money), kept once a night for everyone
/// (<see cref="Scope"/> empty) and for each department, one row per scope and day: yesterday's rows give the trends.
/// </summary>
public sealed class WorkbenchFigures
{
    public Guid Scope { get; init; }
    public DateOnly Day { get; init; }
    public DateTimeOffset ComputedAt { get; init; }

    /// <summary>The <see cref="KeptFigures"/>.</summary>
    public required string Json { get; init; }
}

/// <summary>A month's value: the amount and profit of its orders.</summary>
public sealed record MonthValue(string Month, decimal Amount, decimal Profit);

/// <summary>A month's counted survey responses as sums, so that departments add up to the firm: the index is the mean overall score, NPS promoters less detractors.</summary>
public sealed record MonthSatisfaction(string Month, int Responses, double ScoreSum, int Scored, int Promoters, int Detractors, int Recommenders)
{
    public double? Index => Scored == 0 ? null : Math.Round(ScoreSum / Scored, 1);

    public double? Nps => Recommenders == 0 ? null : Math.Round(100d * (Promoters - Detractors) / Recommenders, 1);

    public MonthSatisfaction Plus(MonthSatisfaction other) =>
        new(Month, Responses + other.Responses, ScoreSum + other.ScoreSum, Scored + other.Scored, Promoters + other.Promoters, Detractors + other.Detractors, Recommenders + other.Recommenders);
}

/// <summary>
/// One scope's kept figures: active customers by tier and by stage; the value of each of the last 24 months; the
/// satisfaction of each of the last 13 months; churn this month and last, this month's by reason; the risky customers
/// (credit B or C, or money overdue) and the money overdue.
/// </summary>
public sealed record KeptFigures(
    Dictionary<string, int> Tiers, Dictionary<string, int> Stages, List<MonthValue> Months, List<MonthSatisfaction> Satisfaction,
    int ChurnedThisMonth, int ChurnedLastMonth, Dictionary<string, int> ChurnReasons, int Risky, decimal OverdueAmount, int OverdueCustomers)
{
    public static KeptFigures Empty() => new([], [], [], [], 0, 0, [], 0, 0, 0);
}

public sealed class WorkbenchFiguresConfiguration : IEntityTypeConfiguration<WorkbenchFigures>
{
    public void Configure(EntityTypeBuilder<WorkbenchFigures> builder)
    {
        builder.ToTable("WorkbenchFigures");
        builder.HasKey(f => new { f.Scope, f.Day });
    }
}
