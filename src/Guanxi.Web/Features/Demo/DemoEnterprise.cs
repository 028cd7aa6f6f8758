using Guanxi.Domain.Accounts;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// The demo car dealership, made by a deterministic generator (fixed seed): the same departments, staff and names
/// on every machine. Later features add their own parts (customers, orders, surveys …) from the same Random, and
/// bench/ uses it at scale.
/// </summary>
public sealed class DemoEnterprise
{
    public const int Seed = 20261122;
    public const string Password = "Guanxi#2026";
    public const string Domain = "demo.guanxi.cn";
    public const string CompanyName = "常州恒通汽车销售服务有限公司";
    public const string BranchName = "金坛分公司";

    public sealed record Unit(string Key, string Name, DepartmentKind Kind, string? ParentKey);

    public sealed record Staff(string Email, string Name, string UnitKey, IReadOnlyList<Role> Roles, bool IsDemoAccount);

    /// <summary>The fixed demo accounts, one per role, that anyone can script against (README).</summary>
    public static readonly IReadOnlyList<(string Email, string UnitKey, Role Role)> Accounts =
    [
        ($"admin@{Domain}", "crm", Role.Administrator),
        ($"gm@{Domain}", "company", Role.GeneralManager),
        ($"vp@{Domain}", "company", Role.ExecutiveVp),
        ($"cs.manager@{Domain}", "cs", Role.CustomerServiceManager),
        ($"duty@{Domain}", "cs", Role.DutyManager),
        ($"callback@{Domain}", "cs", Role.CallbackSpecialist),
        ($"sales.manager@{Domain}", "sales", Role.DepartmentManager),
        ($"service.manager@{Domain}", "service", Role.DepartmentManager),
        ($"sales@{Domain}", "sales", Role.SalesConsultant),
        ($"sales2@{Domain}", "branch.sales", Role.SalesConsultant),
        ($"advisor@{Domain}", "service", Role.ServiceAdvisor),
        ($"hr@{Domain}", "admin", Role.Administration),
    ];

    public static readonly IReadOnlyList<Unit> Units =
    [
        new("company", CompanyName, DepartmentKind.Company, null),
        new("sales", "销售部", DepartmentKind.Department, "company"),
        new("service", "售后服务部", DepartmentKind.Department, "company"),
        new("cs", "客服部", DepartmentKind.Department, "company"),
        new("admin", "行政部", DepartmentKind.Department, "company"),
        new("crm", "客户关系管理部", DepartmentKind.Department, "company"),
        new("branch", BranchName, DepartmentKind.Branch, "company"),
        new("branch.sales", "销售部", DepartmentKind.Department, "branch"),
        new("branch.service", "售后服务部", DepartmentKind.Department, "branch"),
    ];

    // Further staff beyond the demo accounts: (unit, role, count) — about 40 people in all.
    private static readonly (string Unit, Role Role, int Count)[] MoreStaff =
    [
        ("sales", Role.SalesConsultant, 6), ("service", Role.ServiceAdvisor, 5), ("cs", Role.CallbackSpecialist, 3),
        ("branch.sales", Role.DepartmentManager, 1), ("branch.sales", Role.SalesConsultant, 3),
        ("branch.service", Role.DepartmentManager, 1), ("branch.service", Role.ServiceAdvisor, 3),
        ("admin", Role.Administration, 2), ("crm", Role.CallbackSpecialist, 2),
    ];

    public DemoEnterprise(ChineseNames names, int seed = Seed)
    {
        Random = new Random(seed);
        var staff = Accounts.Select(a => new Staff(a.Email, names.FullName(Random), a.UnitKey, [a.Role], true)).ToList();
        var number = 0;
        foreach (var (unit, role, count) in MoreStaff)
        {
            for (var i = 0; i < count; i++)
                staff.Add(new Staff($"staff{++number:D2}@{Domain}", names.FullName(Random), unit, [role], false));
        }
        StaffMembers = staff;
    }

    /// <summary>The generator's random source; later parts of the demo continue from it so that the whole demo stays deterministic.</summary>
    public Random Random { get; }

    public IReadOnlyList<Staff> StaffMembers { get; }
}
