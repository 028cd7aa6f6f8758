using Microsoft.AspNetCore.Identity;

namespace Guanxi.Web.Shared.Auth;

/// <summary>
/// A member of staff who signs in. Belongs to one department and has one or more roles. Shared: the identity store
/// (GuanxiDbContext) and every feature that records or shows who did something know it; the Accounts feature manages it.
/// </summary>
public sealed class StaffUser : IdentityUser
{
    public const int MaxDisplayNameLength = 50;

    public required string DisplayName { get; set; }
    public Guid DepartmentId { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>zh-CN (default) or en; remembered per user and applied at sign-in.</summary>
    public string PreferredCulture { get; set; } = Cultures.Default;
    public DateTimeOffset CreatedAt { get; set; }
}
