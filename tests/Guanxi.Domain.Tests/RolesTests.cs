using Guanxi.Domain.Accounts;

namespace Guanxi.Domain.Tests;

/// <summary>SPEC "Users and roles".</summary>
public sealed class RolesTests
{
    [Fact]
    public void Every_role_of_the_spec_exists()
    {
        string[] spec =
        [
            "Administrator", "GeneralManager", "ExecutiveVp", "CustomerServiceManager", "DutyManager",
            "CallbackSpecialist", "DepartmentManager", "SalesConsultant", "ServiceAdvisor", "Administration",
        ];
        Assert.Equal(spec.Order(), Roles.All.Select(r => r.Name()).Order());
    }

    [Fact]
    public void Leadership_is_the_general_manager_and_the_executive_VP()
    {
        Assert.Equal([Role.GeneralManager, Role.ExecutiveVp], Roles.All.Where(r => r.IsLeadership()));
        Assert.Equal([Role.CustomerServiceManager, Role.DutyManager, Role.CallbackSpecialist], Roles.All.Where(r => r.IsCustomerService()));
    }

    [Theory]
    [InlineData("Administrator", true)]
    [InlineData("administrator", false)]
    [InlineData("42", false)]
    [InlineData("1", false)]
    [InlineData("Administrator,GeneralManager", false)]
    [InlineData(" Administrator", false)]
    [InlineData("", false)]
    public void Role_names_parse_exactly(string name, bool known) => Assert.Equal(known, Roles.TryParse(name, out _));
}
