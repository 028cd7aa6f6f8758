using Guanxi.Domain.Accounts;

namespace Guanxi.Domain.Tests;

/// <summary>Departments are data, in a tree: company → branch → department (SPEC "Users and roles").</summary>
public sealed class DepartmentTests
{
    private static Department Company() => Department.Create("常州恒通汽车", DepartmentKind.Company, null).Value!;

    [Fact]
    public void A_company_is_the_root_and_has_no_parent()
    {
        var company = Company();
        Assert.Null(company.ParentId);
        var nested = Department.Create("子公司", DepartmentKind.Company, company);
        Assert.Equal([DepartmentErrors.CompanyHasNoParent], nested.Errors);
    }

    [Fact]
    public void A_branch_belongs_to_a_company()
    {
        var company = Company();
        var branch = Department.Create("金坛分公司", DepartmentKind.Branch, company).Value!;
        Assert.Equal(company.Id, branch.ParentId);
        Assert.Equal([DepartmentErrors.BranchUnderCompany], Department.Create("分公司", DepartmentKind.Branch, null).Errors);
        Assert.Equal([DepartmentErrors.BranchUnderCompany], Department.Create("分公司", DepartmentKind.Branch, branch).Errors);
    }

    [Fact]
    public void A_department_belongs_to_a_company_or_a_branch_never_to_a_department()
    {
        var company = Company();
        var branch = Department.Create("金坛分公司", DepartmentKind.Branch, company).Value!;
        var sales = Department.Create("销售部", DepartmentKind.Department, company).Value!;
        Assert.True(Department.Create("销售部", DepartmentKind.Department, branch).Succeeded);
        Assert.Equal([DepartmentErrors.DepartmentUnderCompanyOrBranch], Department.Create("展厅组", DepartmentKind.Department, sales).Errors);
        Assert.Equal([DepartmentErrors.DepartmentUnderCompanyOrBranch], Department.Create("销售部", DepartmentKind.Department, null).Errors);
    }

    [Fact]
    public void A_unit_has_one_of_the_three_kinds() =>
        Assert.Equal([DepartmentErrors.UnknownKind], Department.Create("第七类", (DepartmentKind)7, Company()).Errors);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_unit_needs_a_name(string? name) =>
        Assert.Contains(DepartmentErrors.NameRequired, Department.Create(name, DepartmentKind.Company, null).Errors);

    [Fact]
    public void Names_are_trimmed_and_limited()
    {
        Assert.Equal("销售部", Department.Create("  销售部 ", DepartmentKind.Department, Company()).Value!.Name);
        var tooLong = new string('部', Department.MaxNameLength + 1);
        Assert.Equal([DepartmentErrors.NameTooLong], Department.Create(tooLong, DepartmentKind.Company, null).Errors);
    }

    [Fact]
    public void A_failed_rename_or_move_changes_nothing()
    {
        var company = Company();
        var sales = Department.Create("销售部", DepartmentKind.Department, company).Value!;
        Assert.False(sales.Rename("").Succeeded);
        Assert.False(sales.MoveTo(null).Succeeded);
        Assert.Equal(("销售部", company.Id), (sales.Name, sales.ParentId));
    }

    [Fact]
    public void A_unit_with_staff_or_units_below_cannot_be_deleted()
    {
        var sales = Department.Create("销售部", DepartmentKind.Department, Company()).Value!;
        Assert.Equal("department.has_staff", sales.CheckCanDelete(staffCount: 3, childCount: 0)?.Code);
        Assert.Equal("department.has_children", sales.CheckCanDelete(staffCount: 0, childCount: 1)?.Code);
        Assert.Null(sales.CheckCanDelete(0, 0));
    }
}
