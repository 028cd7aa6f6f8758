using Guanxi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Jobs;

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.Property(j => j.Kind).HasMaxLength(50);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(j => j.Message).HasMaxLength(500);
        builder.Property(j => j.MessageEn).HasMaxLength(500);
        builder.Property(j => j.UserId).HasMaxLength(Actor.MaxIdLength);
        builder.Property(j => j.StartedByText).HasMaxLength(Actor.MaxTextLength);
        builder.HasIndex(j => new { j.Kind, j.CreatedAt });
    }
}
