using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Tests;

/// <summary>ARC-1: one record per customer, person or organisation, validated on entry.</summary>
public sealed class CustomerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid Sales = Guid.NewGuid();

    private static CustomerDetails Details(string? name = "张小明", DateOnly? birthday = null, params string[] emails) => new(
        CustomerType.Person, name, "常州天宁区某公司", [new CustomerPhone(PhoneKind.Mobile, "+8613812341234")], emails, "wxid_8812",
        [new CustomerAddress("江苏省", "常州市", "天宁区", "延陵西路 1 号")], birthday, LunarBirthday: false, Gender.Male,
        "制造业", null, "展厅来访", "owner-1", Sales, "老客户介绍", "喜欢周末试驾", "家用 SUV");

    [Fact]
    public void ARC_1_a_customer_is_created_with_its_details_and_a_version()
    {
        var customer = Customer.Create(Details(emails: ["Zhang.XM@Example.cn"]), Now, Today).Value!;
        Assert.Equal("张小明", customer.Name);
        Assert.Equal(CustomerType.Person, customer.Type);
        Assert.Equal(["zhang.xm@example.cn"], customer.Emails);
        Assert.Equal("+8613812341234", Assert.Single(customer.Phones).Number);
        Assert.Equal(("owner-1", Sales), (customer.OwnerId, customer.DepartmentId));
        Assert.Equal(CustomerStatus.Active, customer.Status);
        Assert.NotEqual(Guid.Empty, customer.Version);
    }

    [Fact]
    public void ARC_1_bad_input_is_reported_per_field_and_changes_nothing()
    {
        var customer = Customer.Create(Details(), Now, Today).Value!;
        var version = customer.Version;
        var result = customer.Update(Details(name: " ", birthday: Today.AddDays(1), emails: ["not-an-email"]), Now, Today);
        Assert.Equal(["name", "emails", "birthday"], result.Errors.Select(e => e.Field));
        Assert.Equal(("张小明", version), (customer.Name, customer.Version));
    }

    [Fact]
    public void Every_change_gets_a_new_version_for_optimistic_concurrency()
    {
        var customer = Customer.Create(Details(), Now, Today).Value!;
        var before = customer.Version;
        Assert.True(customer.Update(Details(name: "张晓明"), Now, Today).Succeeded);
        Assert.NotEqual(before, customer.Version);
    }
}
