using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;
using PhoneNumbers;

namespace Guanxi.Web.Features.Customers;

public sealed record PhoneBody(PhoneKind Kind, string? Number);

/// <summary>
/// The customer body of POST and PUT /api/customers (and of the pages' forms). <c>marketingConsent</c> and <c>consentChannel</c>
/// are a word for the consent ledger (<see cref="MarketingConsentView.WordFrom"/>); left out, the consents stay as they are.
/// </summary>
public sealed record CustomerBody(
    CustomerType Type, string? Name, string? Organization, IReadOnlyList<PhoneBody>? Phones, IReadOnlyList<string>? Emails,
    string? WeChat, IReadOnlyList<AddressView>? Addresses, DateOnly? Birthday, bool LunarBirthday, Gender Gender,
    string? Industry, string? Size, string? Source, string? OwnerId, Guid? DepartmentId, NotesView? Notes,
    bool? MarketingConsent, string? ConsentChannel, IReadOnlyList<ContactBody>? Contacts = null, bool AllowDuplicate = false, bool TradeCustomer = false);

public sealed record ContactBody(string? Name, string? Title, IReadOnlyList<PhoneBody>? Phones, DateOnly? Birthday);

/// <summary>Turns a body into <see cref="CustomerDetails"/>: phones to E.164 (CN by default), owner and department checked.</summary>
public sealed class CustomerInput(GuanxiDbContext db, EnterpriseClock clock)
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// <paramref name="onRecord"/>: the numbers the customer already has. One an import kept as written (unverified, not
    /// E.164) stays as it is when the form sends it back unchanged, so that editing another field does not fail on it.
    /// </summary>
    public async Task<Result<CustomerDetails>> Read(CustomerBody body, Viewer viewer, IReadOnlySet<string>? onRecord, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var phones = new List<CustomerPhone>();
        CustomerPhone? Phone(PhoneBody phone) =>
            !Enum.IsDefined(phone.Kind) ? null
            : ToE164(phone.Number) is { } e164 ? new CustomerPhone(phone.Kind, e164)
            : phone.Number is { } written && onRecord?.Contains(written) == true ? new CustomerPhone(phone.Kind, written, Unverified: true)
            : null;
        foreach (var (phone, index) in (body.Phones ?? []).Select((p, i) => (p, i)))
        {
            if (Phone(phone) is { } read)
                phones.Add(read);
            else
                errors.Add(CustomerWebErrors.PhoneInvalid(phone.Number, index));
        }
        var contacts = new List<CustomerContact>();
        foreach (var (contact, index) in (body.Contacts ?? []).Select((c, i) => (c, i)))
        {
            var contactPhones = new List<CustomerPhone>();
            foreach (var (phone, p) in (contact.Phones ?? []).Select((x, i) => (x, i)))
            {
                if (Phone(phone) is { } read)
                    contactPhones.Add(read);
                else
                    errors.Add(CustomerWebErrors.PhoneInvalid(phone.Number, p) with { Field = $"contacts[{index}].phones[{p}].number" });
            }
            contacts.Add(new CustomerContact(contact.Name?.Trim() ?? "", string.IsNullOrWhiteSpace(contact.Title) ? null : contact.Title.Trim(), contactPhones, contact.Birthday));
        }
        var ownerId = string.IsNullOrWhiteSpace(body.OwnerId) ? viewer.UserId : body.OwnerId;
        if (!await db.Users.AnyAsync(u => u.Id == ownerId && u.IsActive, cancellationToken))
            errors.Add(CustomerWebErrors.OwnerUnknown);
        var departmentId = body.DepartmentId ?? viewer.DepartmentId;
        if (!await db.Set<Guanxi.Domain.Accounts.Department>().AnyAsync(d => d.Id == departmentId, cancellationToken))
            errors.Add(Guanxi.Domain.Accounts.DepartmentErrors.NotFound);
        var notes = body.Notes ?? new NotesView(null, null, null);
        var details = new CustomerDetails(
            body.Type, body.Name, body.Organization, phones, body.Emails ?? [], body.WeChat,
            [.. (body.Addresses ?? []).Select(a => new CustomerAddress(a.Province, a.City, a.District, a.Street))],
            body.Birthday, body.LunarBirthday, body.Gender, body.Industry, body.Size, body.Source, ownerId, departmentId,
            notes.Background, notes.Preferences, notes.Needs, contacts, body.TradeCustomer);
        if (errors.Count == 0)
            return details;
        errors.AddRange(Customer.Validate(details, clock.Today));   // every reason at once, not the domain's after the phones'
        return Result<CustomerDetails>.Fail(errors);
    }

    /// <summary>The number in E.164 when it is valid, read as written in <paramref name="region"/> unless it starts with +.</summary>
    public static string? ToE164(string? raw, string region = "CN")
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 40)
            return null;
        try
        {
            var number = Phones.Parse(raw, region);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
