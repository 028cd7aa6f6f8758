using Guanxi.Domain.Common;
using Guanxi.Domain.Accounts;
using Guanxi.Web.Shared.Auth;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Accounts;

public sealed record SignInQuery(string? Email = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int? Page = null, int? PageSize = null);

public sealed record SignInRow(long Id, DateTimeOffset At, string Email, string? UserId, SignInOutcome Outcome, SignInChannel Channel, string? IpAddress);

/// <summary>The sign-in log, newest first.</summary>
public sealed class ListSignIns(GuanxiDbContext db, CurrentUser current)
{
    public async Task<Result<Page<SignInRow>>> Handle(SignInQuery query, CancellationToken cancellationToken = default)
    {
        if (!current.Holds(AccountAccess.ReadsAudit))
            return StaffErrors.AuditNotAllowed;
        var rows = db.Set<SignInEvent>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Email))
            rows = rows.Where(e => e.Email.Contains(query.Email.Trim()));
        // PostgreSQL compares timestamptz with UTC instants only; a client may send +08:00.
        if (query.From?.ToUniversalTime() is { } from)
            rows = rows.Where(e => e.At >= from);
        if (query.To?.ToUniversalTime() is { } to)
            rows = rows.Where(e => e.At < to);
        return await rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new SignInRow(e.Id, e.At, e.Email, e.UserId, e.Outcome, e.Channel, e.IpAddress))
            .ToPageAsync(query.Page, query.PageSize, cancellationToken);
    }
}
