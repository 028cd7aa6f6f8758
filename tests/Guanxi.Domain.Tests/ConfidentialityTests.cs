using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Tests;

/// <summary>ARC-9: access by role, department and ownership; personal fields masked for those without the right.</summary>
public sealed class ConfidentialityTests
{
    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly Guid Service = Guid.NewGuid();
    private static readonly Guid CustomerService = Guid.NewGuid();

    private static Viewer As(Role role, Guid department, string id = "viewer") => new(id, department, new HashSet<Role> { role });

    [Theory]
    [InlineData(Role.GeneralManager, CustomerSight.Full)]
    [InlineData(Role.ExecutiveVp, CustomerSight.Full)]
    [InlineData(Role.CustomerServiceManager, CustomerSight.Full)]
    [InlineData(Role.DutyManager, CustomerSight.Full)]
    [InlineData(Role.CallbackSpecialist, CustomerSight.Full)]
    [InlineData(Role.Administrator, CustomerSight.Masked)]
    [InlineData(Role.DepartmentManager, CustomerSight.None)]
    [InlineData(Role.SalesConsultant, CustomerSight.None)]
    [InlineData(Role.ServiceAdvisor, CustomerSight.None)]
    [InlineData(Role.Administration, CustomerSight.None)]
    public void ARC_9_a_customer_of_another_department_by_role(Role role, CustomerSight expected) =>
        Assert.Equal(expected, CustomerAccess.SightOf(As(role, CustomerService), ownerId: "owner", Sales));

    [Fact]
    public void ARC_9_the_owner_and_the_departments_manager_see_personal_fields_colleagues_see_them_masked()
    {
        Assert.Equal(CustomerSight.Full, CustomerAccess.SightOf(As(Role.SalesConsultant, Sales, "owner"), "owner", Sales));
        Assert.Equal(CustomerSight.Full, CustomerAccess.SightOf(As(Role.DepartmentManager, Sales), "owner", Sales));
        Assert.Equal(CustomerSight.Masked, CustomerAccess.SightOf(As(Role.SalesConsultant, Sales, "colleague"), "owner", Sales));
        Assert.Equal(CustomerSight.Masked, CustomerAccess.SightOf(As(Role.ServiceAdvisor, Sales), "owner", Sales));
        Assert.Equal(CustomerSight.None, CustomerAccess.SightOf(As(Role.DepartmentManager, Service), "owner", Sales));
    }

    [Fact]
    public void ARC_9_lists_keep_to_the_viewers_department_unless_their_role_sees_every_one()
    {
        Assert.Null(CustomerAccess.ListedDepartment(As(Role.GeneralManager, CustomerService)));
        Assert.Null(CustomerAccess.ListedDepartment(As(Role.Administrator, CustomerService)));
        Assert.Equal(Sales, CustomerAccess.ListedDepartment(As(Role.SalesConsultant, Sales)));
        Assert.Equal(Sales, CustomerAccess.ListedDepartment(As(Role.DepartmentManager, Sales)));
        Assert.Equal(Guid.Empty, CustomerAccess.ListedDepartment(As(Role.Administration, Sales)));   // sees no customers at all
    }

    [Fact]
    public void ARC_9_an_owner_moved_to_another_department_no_longer_sees_the_old_departments_customers() =>
        Assert.Equal(CustomerSight.None, CustomerAccess.SightOf(As(Role.SalesConsultant, Service, "owner"), "owner", Sales));

    [Fact]
    public void ARC_9_the_owner_the_departments_manager_and_the_customer_service_manager_keep_a_record_up_to_date()
    {
        Assert.True(CustomerAccess.CanEdit(As(Role.SalesConsultant, Sales, "owner"), "owner", Sales));
        Assert.True(CustomerAccess.CanEdit(As(Role.DepartmentManager, Sales), "owner", Sales));
        Assert.True(CustomerAccess.CanEdit(As(Role.CustomerServiceManager, CustomerService), "owner", Sales));
        Assert.False(CustomerAccess.CanEdit(As(Role.SalesConsultant, Sales, "colleague"), "owner", Sales));
        Assert.False(CustomerAccess.CanEdit(As(Role.GeneralManager, CustomerService), "owner", Sales));
        Assert.False(CustomerAccess.CanEdit(As(Role.Administrator, CustomerService), "owner", Sales));
        Assert.False(CustomerAccess.CanEdit(As(Role.SalesConsultant, Service, "owner"), "owner", Sales));
    }

    [Fact]
    public void ARC_9_department_colleagues_may_reveal_with_a_reason_administrators_and_other_departments_may_not()
    {
        Assert.True(CustomerAccess.CanReveal(As(Role.SalesConsultant, Sales, "colleague"), Sales));
        Assert.True(CustomerAccess.CanReveal(As(Role.ServiceAdvisor, Sales), Sales));
        Assert.False(CustomerAccess.CanReveal(As(Role.Administrator, CustomerService), Sales));
        Assert.False(CustomerAccess.CanReveal(As(Role.SalesConsultant, Service), Sales));
        Assert.False(CustomerAccess.CanReveal(As(Role.Administration, Sales), Sales));
    }

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("+86 138 1234 1234", "138****1234")]
    [InlineData("0519-88886666", "051****6666")]
    [InlineData("95588", "9****")]
    [InlineData("", "****")]
    [InlineData(null, "****")]
    public void ARC_9_phone_numbers_are_masked(string? number, string masked) => Assert.Equal(masked, PersonalDataMask.Phone(number));

    [Fact]
    public void ARC_9_addresses_e_mails_wechat_and_birthdays_are_masked()
    {
        Assert.Equal("江苏省常州市****", PersonalDataMask.Address("江苏省", "常州市"));
        Assert.Equal("z****@example.cn", PersonalDataMask.Email("zhang.wei@example.cn"));
        Assert.Equal("****", PersonalDataMask.Email("not-an-email"));
        Assert.Equal("wx****", PersonalDataMask.WeChat("wxid_8812"));
        Assert.Equal("****-**-**", PersonalDataMask.Birthday(new DateOnly(1990, 5, 1)));
        Assert.Equal("", PersonalDataMask.Birthday(null));
    }
}
