using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Grading;

/// <summary>
/// GRD-4: the 80/20 report of the grading period as the recompute that graded the customers left it — for everyone
/// (<see cref="Scope"/> empty) and for each department with buyers. The report of the grading period reads the last
/// recompute's figures anyway; kept whole, it opens at once at a million customers, its top and middle lists page on
/// from where each segment begins, and the bottom's candidates to let go are listed with their ranks.
/// </summary>
public sealed class ParetoSnapshot
{
    public Guid Scope { get; init; }
    public DateTimeOffset ComputedAt { get; init; }

    /// <summary>The <see cref="ParetoSnapshotContent"/>.</summary>
    public required string Json { get; init; }

    /// <summary>The <see cref="ParetoCandidates"/> (read only for their list).</summary>
    public required string Candidates { get; init; }
}

/// <summary>A snapshot's content: the report, and the first customer of the top and of the middle segment in rank order.</summary>
public sealed record ParetoSnapshotContent(ParetoView View, ParetoStart? Top, ParetoStart? Middle);

/// <summary>The bottom 20%'s candidates to let go in rank order: their ranks and ids.</summary>
public sealed record ParetoCandidates(int[] Ranks, Guid[] Ids);

/// <summary>Where a segment starts in rank order (profit descending, then customer id).</summary>
public sealed record ParetoStart(decimal Profit, Guid CustomerId);

public sealed class ParetoSnapshotConfiguration : IEntityTypeConfiguration<ParetoSnapshot>
{
    public void Configure(EntityTypeBuilder<ParetoSnapshot> builder)
    {
        builder.ToTable("ParetoSnapshots");
        builder.HasKey(s => s.Scope);
        builder.Property(s => s.Scope).ValueGeneratedNever();
    }
}
