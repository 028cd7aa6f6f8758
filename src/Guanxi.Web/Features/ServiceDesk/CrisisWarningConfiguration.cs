using Guanxi.Domain.Common;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>
/// A warning is one row; its earlier counts and its communications are JSON lists in it (a handful each, read and written
/// with the warning). The department is kept by id, as a complaint's is. The filtered unique index keeps at most one open warning per series and window, whatever races.
/// </summary>
public sealed class CrisisWarningConfiguration : IEntityTypeConfiguration<CrisisWarning>
{
    public void Configure(EntityTypeBuilder<CrisisWarning> builder)
    {
        builder.ToTable("CrisisWarnings");
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Ignore(w => w.IsOpen);
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(w => w.Window).HasConversion<string>().HasMaxLength(4);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(6);
        builder.Property(w => w.SeriesKey).HasMaxLength(CrisisWarning.MaxKeyLength);
        builder.Property(w => w.SeriesName).HasMaxLength(100);
        builder.Property(w => w.Plan).HasMaxLength(CrisisWarning.MaxPlanLength);
        builder.Property(w => w.PlanById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(w => w.ClosingNote).HasMaxLength(CrisisWarning.MaxNoteLength);
        builder.Property(w => w.ClosedById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(w => w.Earlier).AsJson();
        builder.Property(w => w.Communications).AsJson();
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasIndex(w => new { w.Kind, w.SeriesKey, w.Window }).IsUnique().HasFilter("\"Status\" = 'Open'");
        builder.HasIndex(w => new { w.Status, w.RaisedAt });
    }
}
