using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Imports;

public enum ImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

public enum ImportMode
{
    DryRun,
    Commit,
}

/// <summary>
/// An import (ARC-10) as the user left it: the file kept under data/imports until it is done, the mapping, and — once
/// run — the counts and the rejected rows' reasons. A job survives a restart: queued and running jobs run again, up to
/// <see cref="MaxAttempts"/> starts.
/// </summary>
public sealed class ImportJob
{
    public const int MaxStoredErrors = 10_000;

    /// <summary>Starts after which a job interrupted once more is failed, not run again: one restart may be chance, two are the file.</summary>
    public const int MaxAttempts = 2;

    public Guid Id { get; set; }
    public string Kind { get; set; } = "customers";
    public ImportMode Mode { get; set; }
    public bool OnlyValid { get; set; }
    public string FileName { get; set; } = "";
    public string StoredPath { get; set; } = "";
    public string? Mapping { get; set; }

    /// <summary>The encoding the user chose for a text file (a name of <see cref="TextEncodings.Find"/>); null detects it.</summary>
    public string? Encoding { get; set; }
    public ImportStatus Status { get; set; }

    /// <summary>How often the worker has started it (<see cref="MaxAttempts"/>).</summary>
    public int Attempts { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Merged { get; set; }

    /// <summary>An order import's customers that were new (by customer number or mobile) and were created with it.</summary>
    public int CustomersCreated { get; set; }

    public int Rejected { get; set; }
    public string? Errors { get; set; }
    public string? Message { get; set; }
}

public sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("ImportJobs");
        builder.Property(j => j.Kind).HasMaxLength(20);
        builder.Property(j => j.Mode).HasConversion<string>().HasMaxLength(10);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(j => j.FileName).HasMaxLength(260);
        builder.Property(j => j.StoredPath).HasMaxLength(1000);
        builder.Property(j => j.Encoding).HasMaxLength(20);
        builder.Property(j => j.UserId).HasMaxLength(64);
        builder.Property(j => j.Message).HasMaxLength(1000);
        builder.HasIndex(j => new { j.UserId, j.CreatedAt });
        builder.HasIndex(j => j.Status);
    }
}
