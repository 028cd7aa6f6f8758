using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// The customer form's state: what the page binds to, turned into a <see cref="CustomerBody"/> on save. What the form
/// does not show — addresses after the first, a contact's phones after the first — is carried through unchanged, so
/// saving the form never loses what an import or the API recorded.
/// </summary>
public sealed class CustomerForm
{
    public CustomerType Type { get; set; }
    public string? Name { get; set; }
    public string? Organization { get; set; }
    public List<PhoneLine> Phones { get; set; } = [];
    public string? Emails { get; set; }
    public string? WeChat { get; set; }
    public string? Province { get; set; }
    public string? City { get; set; }
    public string? District { get; set; }
    public string? Street { get; set; }
    public DateTime? Birthday { get; set; }
    public bool LunarBirthday { get; set; }
    public Gender Gender { get; set; }
    public string? Industry { get; set; }
    public string? Size { get; set; }
    public string? Source { get; set; }
    /// <summary>Consent to marketing by SMS, e-mail and phone, as the customer gave it (the ledger's: <see cref="MarketingConsentView"/>).</summary>
    public bool ConsentSms { get; set; }
    public bool ConsentEmail { get; set; }
    public bool ConsentPhone { get; set; }
    public bool TradeCustomer { get; set; }
    public string? Background { get; set; }
    public string? Preferences { get; set; }
    public string? Needs { get; set; }
    public string? OwnerId { get; set; }
    public Guid? DepartmentId { get; set; }
    public List<ContactLine> Contacts { get; set; } = [];
    private IReadOnlyList<AddressView> otherAddresses = [];

    public sealed class PhoneLine
    {
        public PhoneKind Kind { get; set; }
        public string? Number { get; set; }
    }

    /// <summary>A contact person of an organisation: name, title, one phone on the form, birthday.</summary>
    public sealed class ContactLine
    {
        public string? Name { get; set; }
        public string? Title { get; set; }
        public PhoneKind PhoneKind { get; set; }
        public string? Phone { get; set; }
        public DateTime? Birthday { get; set; }
        internal IReadOnlyList<PhoneView> OtherPhones { get; init; } = [];

        public ContactBody ToBody() => new(Name, Title,
            [.. (string.IsNullOrWhiteSpace(Phone) ? [] : new[] { new PhoneBody(PhoneKind, Phone) }).Concat(OtherPhones.Select(p => new PhoneBody(p.Kind, p.Number)))],
            Birthday is { } b ? DateOnly.FromDateTime(b) : null);
    }

    public static CustomerForm From(CustomerView v)
    {
        var address = v.Addresses.Count > 0 ? v.Addresses[0] : null;
        return new CustomerForm
        {
            Type = v.Type, Name = v.Name, Organization = v.Organization,
            Phones = [.. v.Phones.Select(p => new PhoneLine { Kind = p.Kind, Number = p.Number })],
            Emails = string.Join(", ", v.Emails), WeChat = v.WeChat,
            Province = address?.Province, City = address?.City, District = address?.District, Street = address?.Street,
            Birthday = Date(v.Birthday),
            LunarBirthday = v.LunarBirthday, Gender = v.Gender, Industry = v.Industry, Size = v.Size, Source = v.Source,
            ConsentSms = Named(v, Channel.Sms), ConsentEmail = Named(v, Channel.Email), ConsentPhone = Named(v, Channel.Phone), TradeCustomer = v.TradeCustomer,
            Background = v.Notes.Background, Preferences = v.Notes.Preferences, Needs = v.Notes.Needs,
            OwnerId = v.OwnerId, DepartmentId = v.DepartmentId,
            Contacts = [.. v.Contacts.Select(k => new ContactLine
            {
                Name = k.Name, Title = k.Title, PhoneKind = k.Phones is [var first, ..] ? first.Kind : PhoneKind.Mobile, Phone = k.Phones is [var one, ..] ? one.Number : null,
                Birthday = Date(k.Birthday), OtherPhones = [.. k.Phones.Skip(1)],
            })],
            otherAddresses = [.. v.Addresses.Skip(1)],
        };
    }

    private static bool Named(CustomerView v, Channel channel) => v.MarketingConsent && ConsentPolicy.ChannelsNamed(v.ConsentChannel).Contains(channel);

    private IReadOnlyList<Channel> ConsentChannels =>
        [.. new[] { (ConsentSms, Channel.Sms), (ConsentEmail, Channel.Email), (ConsentPhone, Channel.Phone) }.Where(c => c.Item1).Select(c => c.Item2)];

    private static DateTime? Date(string? text) =>
        DateOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var date) ? date.ToDateTime(TimeOnly.MinValue) : null;

    public CustomerBody ToBody()
    {
        var hasAddress = new[] { Province, City, District, Street }.Any(s => !string.IsNullOrWhiteSpace(s));
        return new CustomerBody(
            Type, Name, Organization,
            [.. Phones.Where(p => !string.IsNullOrWhiteSpace(p.Number)).Select(p => new PhoneBody(p.Kind, p.Number))],
            [.. (Emails ?? "").Split([',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            WeChat, hasAddress ? [new AddressView(Province, City, District, Street), .. otherAddresses] : otherAddresses,
            Birthday is { } b ? DateOnly.FromDateTime(b) : null, LunarBirthday, Gender, Industry, Size, Source, OwnerId, DepartmentId,
            new NotesView(Background, Preferences, Needs), ConsentChannels.Count > 0, ConsentChannels.Count > 0 ? ConsentPolicy.ChannelsText(ConsentChannels) : null,
            [.. Contacts.Select(c => c.ToBody())],   // every line, even a blank one, so that an error names the line the user sees
            TradeCustomer: TradeCustomer);
    }
}
