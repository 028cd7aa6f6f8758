using Guanxi.Web.Shared.Auth;
using Guanxi.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Accounts;

/// <summary>One sign-in attempt, successful or not, through a page or the API.</summary>
public sealed class SignInEvent
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Email { get; init; }
    public string? UserId { get; init; }
    public SignInOutcome Outcome { get; init; }
    public SignInChannel Channel { get; init; }
    public string? IpAddress { get; init; }
}

public enum SignInOutcome
{
    Succeeded,
    WrongPassword,
    UnknownUser,
    LockedOut,
    NotAllowed,
    TwoFactorRequired,
    TwoFactorFailed,
}

public enum SignInChannel
{
    Page,
    Api,
}

public sealed class SignInEventConfiguration : IEntityTypeConfiguration<SignInEvent>
{
    public void Configure(EntityTypeBuilder<SignInEvent> builder)
    {
        builder.ToTable("SignInEvents");
        builder.Property(e => e.Email).HasMaxLength(256);
        builder.Property(e => e.UserId).HasMaxLength(64);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Channel).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(e => e.At);
    }
}

/// <summary>Every sign-in success and failure is logged: a structured log line and a row administrators can read.</summary>
public sealed class SignInLog(GuanxiDbContext db, TimeProvider time, IHttpContextAccessor http, ILogger<SignInLog> logger)
{
    public async Task RecordAsync(string email, StaffUser? user, SignInResult result, SignInChannel channel, bool twoFactorStep = false)
    {
        var outcome = result.Succeeded ? SignInOutcome.Succeeded
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : result.IsNotAllowed ? SignInOutcome.NotAllowed
            : result.RequiresTwoFactor ? SignInOutcome.TwoFactorRequired
            : user is null ? SignInOutcome.UnknownUser
            : twoFactorStep ? SignInOutcome.TwoFactorFailed
            : SignInOutcome.WrongPassword;
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        db.ChangeTracker.Clear();   // Identity's own write may have failed (two attempts at once): the log entry must not fail with it
        if (outcome == SignInOutcome.Succeeded)
            logger.LogInformation("Sign-in succeeded for {Email} ({UserId}) via {Channel} from {Ip}", email, user?.Id, channel, ip);
        else
            logger.LogWarning("Sign-in failed for {Email} via {Channel} from {Ip}: {Outcome}", email, channel, ip, outcome);
        db.Add(new SignInEvent
        {
            At = time.GetUtcNow(), Email = Truncate(email), UserId = user?.Id, Outcome = outcome, Channel = channel, IpAddress = ip,
        });
        await db.SaveChangesAsync();
    }

    private static string Truncate(string email) => email.Length > 256 ? email[..256] : email;
}
