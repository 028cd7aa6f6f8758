using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Grading;

/// <summary>
/// GRD-4: the 80/20 report of the grading period as the recompute that graded the customers left it — for everyone
/// (<see cref="Scope"/> empty) and for each department with buyers. The report of the grading period reads the last
/// recompute's figures anyway; kept whole, it opens at once at a million customers, and its lists page on from where
/// each segment begins.
/// </summary>
public sealed class ParetoSnapshot
{
    public Guid Scope { get; init; }
    public DateTimeOffset ComputedAt { get; init; }
    public required string Json { get; init; }
}

/// <summary>A snapshot's content: the report, and the first customer of the middle and of the bottom segment in rank order.</summary>
public sealed record ParetoSnapshotContent(ParetoView View, ParetoStart? Middle, ParetoStart? Bottom);

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
