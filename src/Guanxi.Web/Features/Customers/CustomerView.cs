using System.Globalization;
using Guanxi.Domain.Customers;

namespace Guanxi.Web.Features.Customers;

public sealed record PhoneView(PhoneKind Kind, string Number);

public sealed record AddressView(string? Province, string? City, string? District, string? Street);

public sealed record NotesView(string? Background, string? Preferences, string? Needs);

/// <summary>A customer as the caller may see it: personal fields masked unless the caller may see them (ARC-9).</summary>
public sealed record CustomerView(
    Guid Id, CustomerType Type, string Name, string? Organization, IReadOnlyList<PhoneView> Phones, IReadOnlyList<string> Emails,
    string? WeChat, IReadOnlyList<AddressView> Addresses, string? Birthday, bool LunarBirthday, Gender Gender, string? Industry,
    string? Size, string? Source, string OwnerId, string OwnerName, Guid DepartmentId, string DepartmentName, NotesView Notes,
    bool MarketingConsent, DateTimeOffset? ConsentAt, string? ConsentChannel, CustomerStatus Status, bool Masked, bool Editable, bool Revealable, Guid Version)
{
    public static CustomerView Of(Customer c, string ownerName, string departmentName, CustomerSight sight, bool editable, bool revealable)
    {
        var masked = sight != CustomerSight.Full;
        return new CustomerView(
            c.Id, c.Type, c.Name, c.Organization,
            [.. c.Phones.Select(p => new PhoneView(p.Kind, masked ? PersonalDataMask.Phone(p.Number) : p.Number))],
            [.. c.Emails.Select(e => masked ? PersonalDataMask.Email(e) : e)],
            c.WeChat is null ? null : masked ? PersonalDataMask.WeChat(c.WeChat) : c.WeChat,
            [.. c.Addresses.Select(a => masked
                ? new AddressView(a.Province, a.City, null, PersonalDataMask.Hidden)
                : new AddressView(a.Province, a.City, a.District, a.Street))],
            masked ? PersonalDataMask.Birthday(c.Birthday) : c.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            c.LunarBirthday, c.Gender, c.Industry, c.Size, c.Source, c.OwnerId, ownerName, c.DepartmentId, departmentName,
            new NotesView(c.Background, c.Preferences, c.Needs), c.MarketingConsent, c.ConsentAt, c.ConsentChannel, c.Status, masked, editable, revealable, c.Version);
    }
}
