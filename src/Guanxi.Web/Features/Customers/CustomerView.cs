using System.Globalization;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;

namespace Guanxi.Web.Features.Customers;

/// <summary><paramref name="Verified"/>: false for a number an import kept as written (not E.164), to be checked with the customer.</summary>
public sealed record PhoneView(PhoneKind Kind, string Number, bool Verified = true);

public sealed record AddressView(string? Province, string? City, string? District, string? Street);

public sealed record NotesView(string? Background, string? Preferences, string? Needs);

public sealed record ContactView(string Name, string? Title, IReadOnlyList<PhoneView> Phones, string? Birthday);

/// <summary>A customer as the caller may see it: personal fields masked unless the caller may see them (ARC-9).</summary>
public sealed record CustomerView(
    Guid Id, CustomerType Type, string Name, string? Organization, IReadOnlyList<PhoneView> Phones, IReadOnlyList<string> Emails,
    string? WeChat, IReadOnlyList<AddressView> Addresses, string? Birthday, bool LunarBirthday, Gender Gender, string? Industry,
    string? Size, string? Source, string OwnerId, string OwnerName, Guid DepartmentId, string DepartmentName, NotesView Notes,
    bool MarketingConsent, DateTimeOffset? ConsentAt, string? ConsentChannel, CustomerStatus Status, bool Masked, bool Editable, bool Revealable, Guid Version,
    IReadOnlyList<ContactView> Contacts, IReadOnlyList<GroupRef> Groups, Guid? MergedIntoId, bool TradeCustomer, string? ExternalNo,
    Guanxi.Domain.Grading.Tier Tier, Guanxi.Domain.Lifecycle.LifecycleStage Stage, Guanxi.Domain.Credit.CreditLevel? Credit, bool CreditManual,
    bool Erasable = false, DateTimeOffset? LastContactAt = null)
{
    public static CustomerView Of(Customer c, string ownerName, string departmentName, IReadOnlyList<GroupRef> groups, CustomerSight sight, bool editable, bool revealable, bool erasable = false,
        MarketingConsentView? consent = null)
    {
        consent ??= MarketingConsentView.None;
        var masked = sight != CustomerSight.Full;
        IReadOnlyList<PhoneView> Phones(IEnumerable<CustomerPhone> phones) =>
            [.. phones.Select(p => new PhoneView(p.Kind, masked ? PersonalDataMask.Phone(p.Number) : p.Number, !p.Unverified))];
        string? Birthday(DateOnly? birthday) => masked ? PersonalDataMask.Birthday(birthday) : birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new CustomerView(
            c.Id, c.Type, c.Name, c.Organization,
            Phones(c.Phones),
            [.. c.Emails.Select(e => masked ? PersonalDataMask.Email(e) : e)],
            c.WeChat is null ? null : masked ? PersonalDataMask.WeChat(c.WeChat) : c.WeChat,
            [.. c.Addresses.Select(a => masked
                ? new AddressView(a.Province, a.City, null, PersonalDataMask.Hidden)
                : new AddressView(a.Province, a.City, a.District, a.Street))],
            Birthday(c.Birthday),
            c.LunarBirthday, c.Gender, c.Industry, c.Size, c.Source, c.OwnerId, ownerName, c.DepartmentId, departmentName,
            new NotesView(c.Background, c.Preferences, c.Needs), consent.Granted, consent.At, consent.Granted ? ConsentPolicy.ChannelsText(consent.Channels) : null, c.Status, masked, editable, revealable, c.Version,
            [.. c.Contacts.Select(k => new ContactView(k.Name, k.Title, Phones(k.Phones), Birthday(k.Birthday)))], groups, c.MergedIntoId,
            c.TradeCustomer, c.ExternalNo, c.Tier, c.Stage, c.Credit, c.CreditManual, erasable, c.LastContactAt);
    }
}
