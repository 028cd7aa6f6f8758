using Guanxi.Domain.Common;

namespace Guanxi.Domain.Accounts;

/// <summary>
/// A unit of the enterprise. Departments are data, not code (SPEC "Users and roles"): the enterprise defines its
/// own tree of company → branch → department.
/// </summary>
public sealed class Department
{
    public const int MaxNameLength = 50;

    private Department(Guid id, string name, DepartmentKind kind, Guid? parentId)
    {
        Id = id;
        Name = name;
        Kind = kind;
        ParentId = parentId;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public DepartmentKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }

    public static Result<Department> Create(string? name, DepartmentKind kind, Department? parent)
    {
        var errors = new List<Error>();
        if (CheckName(name) is { } nameError)
            errors.Add(nameError);
        if (CheckParent(kind, parent) is { } parentError)
            errors.Add(parentError);
        return errors.Count > 0
            ? Result<Department>.Fail([.. errors])
            : new Department(Guid.CreateVersion7(), name!.Trim(), kind, parent?.Id);
    }

    public Result<Department> Rename(string? name)
    {
        if (CheckName(name) is { } error)
            return error;
        Name = name!.Trim();
        return this;
    }

    public Result<Department> MoveTo(Department? parent)
    {
        if (CheckParent(Kind, parent) is { } error)
            return error;
        ParentId = parent?.Id;
        return this;
    }

    /// <summary>A department can be removed only when nobody works in it and nothing hangs below it.</summary>
    public Error? CheckCanDelete(int staffCount, int childCount) =>
        staffCount > 0 ? DepartmentErrors.HasStaff(Name, staffCount)
        : childCount > 0 ? DepartmentErrors.HasChildren(Name, childCount)
        : null;

    private static Error? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? DepartmentErrors.NameRequired
        : name.Trim().Length > MaxNameLength ? DepartmentErrors.NameTooLong
        : null;

    private static Error? CheckParent(DepartmentKind kind, Department? parent) => kind switch
    {
        DepartmentKind.Company when parent is not null => DepartmentErrors.CompanyHasNoParent,
        DepartmentKind.Branch when parent?.Kind != DepartmentKind.Company => DepartmentErrors.BranchUnderCompany,
        DepartmentKind.Department when parent is null || parent.Kind == DepartmentKind.Department => DepartmentErrors.DepartmentUnderCompanyOrBranch,
        _ when !Enum.IsDefined(kind) => DepartmentErrors.UnknownKind,
        _ => null,
    };
}

public static class DepartmentErrors
{
    public static readonly Error NameRequired = new("department.name_required", "请填写部门名称。", "Enter the department's name.", "name");
    public static readonly Error NameTooLong = new("department.name_too_long", $"部门名称不能超过 {Department.MaxNameLength} 个字。", $"The name can have at most {Department.MaxNameLength} characters.", "name");
    public static readonly Error CompanyHasNoParent = new("department.company_has_no_parent", "公司是最上级单位，不能有上级。", "A company is the top unit and has no parent.", "parentId");
    public static readonly Error BranchUnderCompany = new("department.branch_under_company", "分公司必须隶属于公司。", "A branch must belong to a company.", "parentId");
    public static readonly Error DepartmentUnderCompanyOrBranch = new("department.under_company_or_branch", "部门必须隶属于公司或分公司。", "A department must belong to a company or a branch.", "parentId");
    public static readonly Error UnknownKind = new("department.unknown_kind", "单位类型只能是公司、分公司或部门。", "The kind must be company, branch or department.", "kind");
    public static readonly Error NotFound = new("department.not_found", "找不到该部门。", "The department does not exist.", "departmentId");

    /// <summary>The department a path names does not exist (a 404, not a field to correct).</summary>
    public static readonly Error Missing = NotFound with { Field = null, Kind = ErrorKind.NotFound };

    public static Error HasStaff(string name, int count) =>
        new("department.has_staff", $"“{name}”还有 {count} 名员工，请先调走他们。", $"{count} staff still belong to \"{name}\"; move them first.");

    public static Error HasChildren(string name, int count) =>
        new("department.has_children", $"“{name}”下还有 {count} 个下级单位，请先删除或移走它们。", $"\"{name}\" still has {count} units below it; remove or move them first.");
}
