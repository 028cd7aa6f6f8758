namespace Guanxi.Domain.Accounts;

/// <summary>Departments form a tree: company → branch → department (a department may also sit directly under the company).</summary>
public enum DepartmentKind
{
    Company,
    Branch,
    Department,
}
