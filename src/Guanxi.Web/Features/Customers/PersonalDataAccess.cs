using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Customers;

/// <summary>ARC-9: every view of unmasked personal data, every reveal (with its reason) and every export, with who and when.</summary>
public sealed class PersonalDataAccess
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>Who (<see cref="Domain.Common.Actor"/>): a staff id, or the system's.</summary>
    public string? UserId { get; init; }
    /// <summary>What an older version stored for who it was when no member of staff has that name (migration ActorsById).</summary>
    public string? UserNameText { get; init; }
    public PersonalDataAccessKind Kind { get; init; }
    public Guid? CustomerId { get; init; }
    public int RowCount { get; init; }
    public string? Reason { get; init; }
}

public enum PersonalDataAccessKind
{
    View,
    List,
    Reveal,
    Export,
}

public sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> builder)
    {
        builder.ToTable("PersonalDataAccesses");
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.UserNameText).HasMaxLength(Domain.Common.Actor.MaxTextLength);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.CustomerId, a.At });
    }
}

/// <summary>Writes the access log: one row per unmasked view, list page, reveal or export.</summary>
public sealed class PersonalDataLog(GuanxiDbContext db, CurrentUser current, TimeProvider time)
{
    public async Task RecordAsync(PersonalDataAccessKind kind, Guid? customerId, int rowCount, string? reason, CancellationToken cancellationToken)
    {
        db.Add(new PersonalDataAccess
        {
            At = time.GetUtcNow(), UserId = Domain.Common.Actor.Staff(current.Id).Id, Kind = kind,
            CustomerId = customerId, RowCount = rowCount, Reason = reason,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
