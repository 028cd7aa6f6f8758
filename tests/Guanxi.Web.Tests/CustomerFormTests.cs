using Guanxi.Domain.Customers;
using Guanxi.Web.Features.Customers;

namespace Guanxi.Web.Tests;

/// <summary>The customer form (ARC-1): what it shows, and what it carries through without showing, comes back on save.</summary>
public sealed class CustomerFormTests
{
    [Fact]
    public void ARC_1_saving_the_form_keeps_contacts_size_and_every_address()
    {
        CustomerContact[] contacts =
        [
            new("李娜", "采购经理", [new(PhoneKind.Mobile, "+8613812341234"), new(PhoneKind.Office, "+8651988888888")], new DateOnly(1985, 3, 8)),
            new("赵强", null, [], null),
        ];
        CustomerAddress[] addresses = [new("江苏省", "常州市", "天宁区", "延陵西路 1 号"), new("江苏省", "南京市", "玄武区", "中山路 2 号")];
        var customer = Customer.Create(new CustomerDetails(
            CustomerType.Organization, "常州琥珀光学", "常州琥珀光学有限公司", [], [], null, addresses, null, false, Gender.Unknown, "制造业", "50–200 人", null,
            "owner", Guid.NewGuid(), null, null, null, contacts), DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 23)).Value!;
        var view = CustomerView.Of(customer, "王经理", "销售部", [], CustomerSight.Full, editable: true, revealable: false);

        var form = CustomerForm.From(view);
        form.Contacts[1].Title = "财务";
        form.Contacts.Add(new CustomerForm.ContactLine { Name = "周敏", Phone = "139 0000 1111" });
        var body = form.ToBody();

        Assert.Equal("50–200 人", body.Size);
        Assert.Equal(addresses.Select(a => new AddressView(a.Province, a.City, a.District, a.Street)), body.Addresses);
        Assert.Equal(["李娜", "赵强", "周敏"], body.Contacts!.Select(c => c.Name));
        Assert.Equal(["采购经理", "财务", null], body.Contacts!.Select(c => c.Title));
        Assert.Equal(["+8613812341234", "+8651988888888"], body.Contacts![0].Phones!.Select(p => CustomerInput.ToE164(p.Number)));
        Assert.Equal([PhoneKind.Mobile, PhoneKind.Office], body.Contacts![0].Phones!.Select(p => p.Kind));
        Assert.Equal(new DateOnly(1985, 3, 8), body.Contacts![0].Birthday);
        Assert.Empty(body.Contacts![1].Phones!);
        Assert.Equal(["+8613900001111"], body.Contacts![2].Phones!.Select(p => CustomerInput.ToE164(p.Number)));
    }
}
