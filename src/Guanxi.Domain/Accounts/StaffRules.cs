using Guanxi.Domain.Common;

namespace Guanxi.Domain.Accounts;

/// <summary>What a staff account needs: a name, a valid e-mail (the sign-in name), one department and at least one role.</summary>
public static class StaffRules
{
    public const int MaxDisplayNameLength = 50;

    public static List<Error> Check(string? displayName, string? email, IReadOnlyCollection<string>? roles)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(displayName))
            errors.Add(StaffErrors.NameRequired);
        else if (displayName.Trim().Length > MaxDisplayNameLength)
            errors.Add(StaffErrors.NameTooLong);
        if (!IsEmail(email))
            errors.Add(StaffErrors.EmailInvalid);
        if (roles is null || roles.Count == 0)
            errors.Add(StaffErrors.RoleRequired);
        else if (roles.FirstOrDefault(r => !Roles.TryParse(r, out _)) is { } unknown)
            errors.Add(StaffErrors.UnknownRole(unknown));
        return errors;
    }

    public static bool IsEmail(string? email) => EmailAddress.IsValid(email);
}

public static class StaffErrors
{
    public static readonly Error NameRequired = new("staff.name_required", "请填写姓名。", "Enter the name.", "displayName");
    public static readonly Error NameTooLong = new("staff.name_too_long", $"姓名不能超过 {StaffRules.MaxDisplayNameLength} 个字。", $"The name can have at most {StaffRules.MaxDisplayNameLength} characters.", "displayName");
    public static readonly Error EmailInvalid = new("staff.email_invalid", "请填写有效的邮箱地址，例如 zhang.wei@example.cn。", "Enter a valid e-mail address, e.g. zhang.wei@example.cn.", "email");
    public static readonly Error RoleRequired = new("staff.role_required", "请至少选择一个角色。", "Choose at least one role.", "roles");
    public static readonly Error NotFound = new("staff.not_found", "找不到该员工账号。", "The staff account does not exist.", "id");

    /// <summary>The account a path names does not exist (a 404, not a field to correct).</summary>
    public static readonly Error Missing = NotFound with { Field = null, Kind = ErrorKind.NotFound };

    /// <summary><see cref="AccountAccess.ManagesAccounts"/> refused.</summary>
    public static readonly Error NotAllowed = Error.Forbidden("staff.not_allowed", "只有系统管理员可以管理员工账号、角色和部门。", "Only administrators manage staff accounts, roles and departments.");

    /// <summary><see cref="AccountAccess.ReadsAudit"/> refused.</summary>
    public static readonly Error AuditNotAllowed = Error.Forbidden("audit.not_allowed", "只有系统管理员可以查看审计日志。", "Only administrators read the audit log.");
    public static readonly Error VersionRequired = new("staff.version_required", "请带上读取时的版本（If-Match 或 version），以免覆盖他人的修改。",
        "Send the version you read (If-Match or version) so that nobody's change is overwritten.", "version", ErrorKind.PreconditionRequired);
    public static readonly Error Changed = new("staff.changed", "该账号刚被其他人修改过，请刷新后重试。", "Someone else changed this account just now; reload and try again.", "version", ErrorKind.PreconditionFailed);
    public static readonly Error CannotDeactivateSelf = new("staff.cannot_deactivate_self", "不能停用自己的账号。", "You cannot deactivate your own account.", "isActive");
    public static readonly Error CannotDropOwnAdministrator = new("staff.cannot_drop_own_admin", "不能取消自己的系统管理员角色。", "You cannot remove your own administrator role.", "roles");

    public static Error UnknownRole(string role) =>
        new("staff.unknown_role", $"没有“{role}”这个角色。", $"There is no role '{role}'.", "roles");
}
