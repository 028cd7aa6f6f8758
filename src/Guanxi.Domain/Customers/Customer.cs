using System.Text.Json.Serialization;
using Guanxi.Domain.Common;

namespace Guanxi.Domain.Customers;

public enum CustomerType
{
    Person,
    Organization,
}

public enum CustomerStatus
{
    Active,

    /// <summary>Soft-deleted (SEC-1): out of the lists, restorable.</summary>
    Archived,

    /// <summary>A tombstone of a merge (ARC-2): it points to the survivor through <see cref="Customer.MergedIntoId"/>.</summary>
    Merged,

    /// <summary>Personal fields anonymised for good on the customer's request (PIPL, SEC-1).</summary>
    Erased,
}

public enum Gender
{
    Unknown,
    Male,
    Female,
}

public enum PhoneKind
{
    Mobile,
    Office,
    Home,
}

/// <summary>
/// A phone of a customer, normalised to E.164 (+8613812341234) by the caller — or, when an import could not verify it as
/// a number of China or of the row's country, kept as written (905-555-1234) and marked <paramref name="Unverified"/>
/// (decided when written, not on every read).
/// </summary>
public sealed record CustomerPhone(PhoneKind Kind, string Number, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Unverified = false);

/// <summary>An address with China's official divisions plus the street.</summary>
public sealed record CustomerAddress(string? Province, string? City, string? District, string? Street);

/// <summary>A contact person of an organisation (ARC-1): name, title, phones (E.164), birthday.</summary>
public sealed record CustomerContact(string Name, string? Title, IReadOnlyList<CustomerPhone> Phones, DateOnly? Birthday)
{
    public bool Equals(CustomerContact? other) =>
        other is not null && Name == other.Name && Title == other.Title && Birthday == other.Birthday && Phones.SequenceEqual(other.Phones);

    public override int GetHashCode() => HashCode.Combine(Name, Title, Birthday, Phones.Count);
}

/// <summary>Everything a user enters about a customer (ARC-1), validated by <see cref="Customer"/>.</summary>
public sealed record CustomerDetails(
    CustomerType Type,
    string? Name,
    string? Organization,
    IReadOnlyList<CustomerPhone> Phones,
    IReadOnlyList<string> Emails,
    string? WeChat,
    IReadOnlyList<CustomerAddress> Addresses,
    DateOnly? Birthday,
    bool LunarBirthday,
    Gender Gender,
    string? Industry,
    string? Size,
    string? Source,
    string OwnerId,
    Guid DepartmentId,
    string? Background,
    string? Preferences,
    string? Needs,
    IReadOnlyList<CustomerContact>? Contacts = null,
    bool TradeCustomer = false);

/// <summary>
/// One living record per customer (ARC-1): a person or an organisation with phones, e-mails, WeChat, addresses, key
/// dates, owner and department, notes. (Consent to messages is the ledger's, per channel: Messaging.) Every change lands in the history (ARC-3) through the audit
/// interceptor; every change a person makes gets a new <see cref="Version"/>, the concurrency token behind ETag/If-Match.
/// Derived state — the tier, the stage, the credit the rules give, the review's filing — never does: the night writes it
/// for a million customers, and an edit form left open overnight must still save.
/// </summary>
public sealed class Customer
{
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 2000;
    public const int MaxPhones = 10;
    public const int MaxContacts = 50;
    public const int MaxExternalNoLength = 64;
    public const string ErasedName = "已删除客户";

    private List<CustomerPhone> phones = [];
    private List<string> emails = [];
    private List<CustomerAddress> addresses = [];
    private List<CustomerContact> contacts = [];
    private List<Credit.BusinessCondition> businessConditions = [];

#pragma warning disable CS8618 // set by EF Core when loading, by Apply when created
    private Customer()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public CustomerType Type { get; private set; }
    public string Name { get; private set; }
    public string? Organization { get; private set; }
    public IReadOnlyList<CustomerPhone> Phones => phones;
    public IReadOnlyList<string> Emails => emails;
    public string? WeChat { get; private set; }
    public IReadOnlyList<CustomerAddress> Addresses => addresses;
    public IReadOnlyList<CustomerContact> Contacts => contacts;
    public DateOnly? Birthday { get; private set; }
    public bool LunarBirthday { get; private set; }
    public Gender Gender { get; private set; }
    public string? Industry { get; private set; }
    public string? Size { get; private set; }
    public string? Source { get; private set; }
    public string OwnerId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string? Background { get; private set; }
    public string? Preferences { get; private set; }
    public string? Needs { get; private set; }
    /// <summary>A dealer or reseller buying for trade (经销商客户): not surveyed (SAT-3).</summary>
    public bool TradeCustomer { get; private set; }

    /// <summary>The customer's number in the firm's other systems (客户编号), by which their orders are imported.</summary>
    public string? ExternalNo { get; private set; }

    /// <summary>GRD-1 potential (industry position, prospects): 0–100 as assessed by the owner, with the reason.</summary>
    public int? Potential { get; private set; }
    public string? PotentialReason { get; private set; }

    /// <summary>GRD-2 tier, kept by the grading recompute; each change is in the tier history with its reason.</summary>
    public Grading.Tier Tier { get; private set; }

    /// <summary>LIF-1 stage and since when, kept by the lifecycle update; each change is in the stage history.</summary>
    public Lifecycle.LifecycleStage Stage { get; private set; }
    public DateOnly? StageSince { get; private set; }

    /// <summary>The first purchase (returns aside), for the cohorts of LIF-3.</summary>
    public DateOnly? FirstOrderOn { get; private set; }

    /// <summary>
    /// ARC-5: the credit level in force, the level the rules gave last, and whether the one in force was set by hand. A new
    /// customer is not rated (null) until there is a payment history to rate, or a manager sets a level by hand.
    /// </summary>
    public Credit.CreditLevel? Credit { get; private set; }
    public Credit.CreditLevel? CreditComputed { get; private set; }
    public bool CreditManual { get; private set; }

    /// <summary>ARC-5/7: business-condition flags the owner records (poor condition, debts, restructuring, bankruptcy).</summary>
    public IReadOnlyList<Credit.BusinessCondition> BusinessConditions => businessConditions;

    /// <summary>GRD-7: a prospect's level, set by the owner.</summary>
    public Grading.ProspectLevel? ProspectLevel { get; private set; }

    /// <summary>ARC-6: how the last periodic review filed the archive (重要、特殊、一般), and when.</summary>
    public Reviews.ReviewCategory? ArchiveCategory { get; private set; }
    public DateOnly? ReviewedOn { get; private set; }

    /// <summary>LIF-4: the relationship with a key account, as the owner records it.</summary>
    public RelationshipStage? RelationshipStage { get; private set; }
    public RelationshipType? RelationshipType { get; private set; }
    public RelationshipPhase? RelationshipPhase { get; private set; }
    public string? RelationshipNote { get; private set; }

    public KeyAccountRelationship Relationship => new(RelationshipStage, RelationshipType, RelationshipPhase, RelationshipNote);

    /// <summary>
    /// SVC-1/SVC-4: when the customer was last contacted (null: never), kept by the contacts as they are recorded. Derived
    /// state: it leaves the <see cref="Version"/> alone.
    /// </summary>
    public DateTimeOffset? LastContactAt { get; private set; }

    public CustomerStatus Status { get; private set; }
    public Guid? MergedIntoId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid Version { get; private set; }

    public static Result<Customer> Create(CustomerDetails details, DateTimeOffset now, DateOnly today)
    {
        var customer = new Customer { Id = Guid.CreateVersion7(), CreatedAt = now, Status = CustomerStatus.Active };
        return customer.Apply(details, now, today);
    }

    public Result<Customer> Update(CustomerDetails details, DateTimeOffset now, DateOnly today) =>
        Status is CustomerStatus.Active or CustomerStatus.Archived ? Apply(details, now, today) : CustomerErrors.NotEditable(Status);

    /// <summary>The details as they stand, for a change of a few fields or a merge.</summary>
    public CustomerDetails Details => new(
        Type, Name, Organization, phones, emails, WeChat, addresses, Birthday, LunarBirthday, Gender, Industry, Size, Source,
        OwnerId, DepartmentId, Background, Preferences, Needs, contacts, TradeCustomer);

    public Result<Customer> AssessPotential(int score, string? reason)
    {
        if (Status != CustomerStatus.Active)
            return CustomerErrors.NotEditable(Status);
        var errors = new List<Error>();
        if (score is < 0 or > 100)
            errors.Add(Grading.GradingErrors.PotentialRange);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
            errors.Add(Grading.GradingErrors.PotentialReason);
        if (errors.Count > 0)
            return Result<Customer>.Fail([.. errors]);
        (Potential, PotentialReason, Version) = (score, reason!.Trim(), Guid.NewGuid());
        return this;
    }

    /// <summary>ARC-5: a manual level with its reason; it stands until the rules give a different level than they did. Returns the level before (null: not rated).</summary>
    public Result<Credit.CreditLevel?> AdjustCredit(Credit.CreditLevel? level, string? reason)
    {
        if (Status != CustomerStatus.Active)
            return CustomerErrors.NotEditable(Status);
        var errors = new List<Error>();
        if (level is not { } l || !Enum.IsDefined(l))
            errors.Add(Guanxi.Domain.Credit.CreditErrors.LevelRequired);
        else if (l == Credit)
            errors.Add(Guanxi.Domain.Credit.CreditErrors.Unchanged);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
            errors.Add(Guanxi.Domain.Credit.CreditErrors.ReasonRequired);
        if (errors.Count > 0)
            return Result<Credit.CreditLevel?>.Fail([.. errors]);
        var from = Credit;
        (Credit, CreditManual, Version) = (level!.Value, true, Guid.NewGuid());
        return Result<Credit.CreditLevel?>.Ok(from);
    }

    public Credit.CreditStanding CreditStanding => new(Credit, CreditComputed, CreditManual);

    /// <summary>
    /// ARC-5: the level the rules give now (null: not rated), by <see cref="Guanxi.Domain.Credit.CreditRating.Rate"/>.
    /// Returns whether the level in force changed. Derived state: the <see cref="Version"/> that guards a person's edit
    /// stays, so a form left open over a rating is not refused.
    /// </summary>
    public bool Rate(Credit.CreditLevel? computed)
    {
        if (Guanxi.Domain.Credit.CreditRating.Rate(CreditStanding, computed) is not { } next)
            return false;
        var from = Credit;
        (Credit, CreditComputed, CreditManual) = (next.Level, next.Computed, next.Manual);
        return from != Credit;
    }

    public Result<Customer> RecordBusinessConditions(IReadOnlyCollection<Credit.BusinessCondition> conditions)
    {
        if (Status != CustomerStatus.Active)
            return CustomerErrors.NotEditable(Status);
        if (conditions.Any(c => !Enum.IsDefined(c)))
            return Guanxi.Domain.Credit.CreditErrors.Flag;
        var sorted = conditions.Distinct().Order().ToList();
        if (!sorted.SequenceEqual(businessConditions))
            (businessConditions, Version) = (sorted, Guid.NewGuid());
        return this;
    }

    public Result<Customer> Classify(Grading.ProspectLevel? level)
    {
        if (Status != CustomerStatus.Active)
            return CustomerErrors.NotEditable(Status);
        if (level is { } l && !Enum.IsDefined(l))
            return Grading.GradingErrors.ProspectLevel;
        (ProspectLevel, Version) = (level, Guid.NewGuid());
        return this;
    }

    /// <summary>
    /// ARC-6: a finished review files the archive; the next review may file it otherwise. The filing follows from the
    /// review, not from an edit of the customer: the <see cref="Version"/> stays.
    /// </summary>
    public Result<Customer> File(Reviews.ReviewCategory category, DateOnly on)
    {
        if (Status != CustomerStatus.Active)
            return CustomerErrors.NotEditable(Status);
        (ArchiveCategory, ReviewedOn) = (category, on);
        return this;
    }

    public Result<Customer> RecordRelationship(KeyAccountRelationship relationship)
    {
        if (Status != CustomerStatus.Active)
            return CustomerErrors.NotEditable(Status);
        var errors = new List<Error>();
        if (relationship.Stage is { } s && !Enum.IsDefined(s) || relationship.Type is { } t && !Enum.IsDefined(t) || relationship.Phase is { } p && !Enum.IsDefined(p))
            errors.Add(CustomerErrors.RelationshipInvalid);
        if (relationship.Note?.Trim().Length > KeyAccountRelationship.MaxNoteLength)
            errors.Add(CustomerErrors.RelationshipNoteTooLong);
        if (errors.Count > 0)
            return Result<Customer>.Fail([.. errors]);
        var note = string.IsNullOrWhiteSpace(relationship.Note) ? null : relationship.Note.Trim();
        (RelationshipStage, RelationshipType, RelationshipPhase, RelationshipNote, Version) = (relationship.Stage, relationship.Type, relationship.Phase, note, Guid.NewGuid());
        return this;
    }

    /// <summary>Sets the number of an imported customer (客户编号); a number once given stays.</summary>
    public Result<Customer> Numbered(string externalNo)
    {
        if (string.IsNullOrWhiteSpace(externalNo) || externalNo.Trim().Length > MaxExternalNoLength)
            return CustomerErrors.ExternalNoInvalid;
        if (ExternalNo is not null && ExternalNo != externalNo.Trim())
            return CustomerErrors.ExternalNoFixed;
        (ExternalNo, Version) = (externalNo.Trim(), Guid.NewGuid());
        return this;
    }

    /// <summary>SEC-1: archived customers leave the lists and can be restored.</summary>
    public Result<Customer> Archive() => Move(CustomerStatus.Active, CustomerStatus.Archived);

    public Result<Customer> Restore() => Move(CustomerStatus.Archived, CustomerStatus.Active);

    /// <summary>ARC-2: a merged record stays as a tombstone pointing to the survivor.</summary>
    public Result<Customer> MergeInto(Customer survivor)
    {
        if (survivor.Id == Id || survivor.Status != CustomerStatus.Active || Status is CustomerStatus.Merged or CustomerStatus.Erased)
            return CustomerErrors.NotMergeable;
        (Status, MergedIntoId, Version) = (CustomerStatus.Merged, survivor.Id, Guid.NewGuid());
        return this;
    }

    /// <summary>
    /// PIPL erasure (SEC-1): every personal field is blanked for good and the name replaced; what the firm must keep
    /// (type, owner, department, dates of business) stays so that orders and statistics still add up.
    /// </summary>
    public Result<Customer> Erase()
    {
        if (Status is CustomerStatus.Erased)
            return CustomerErrors.NotEditable(Status);
        (Name, Organization, WeChat, Birthday, LunarBirthday, Gender) = (ErasedName, null, null, null, false, Gender.Unknown);
        (phones, emails, addresses, contacts) = ([], [], [], []);
        (Background, Preferences, Needs) = (null, null, null);
        (Status, Version) = (CustomerStatus.Erased, Guid.NewGuid());
        return this;
    }

    private Result<Customer> Move(CustomerStatus from, CustomerStatus to)
    {
        if (Status != from)
            return CustomerErrors.NotEditable(Status);
        (Status, Version) = (to, Guid.NewGuid());
        return this;
    }

    private Result<Customer> Apply(CustomerDetails d, DateTimeOffset now, DateOnly today)
    {
        var errors = Validate(d, today);
        if (errors.Count > 0)
            return Result<Customer>.Fail([.. errors]);
        (Type, Name, Organization, WeChat) = (d.Type, d.Name!.Trim(), Blank(d.Organization), Blank(d.WeChat));
        if (!phones.SequenceEqual(d.Phones))
            phones = [.. d.Phones.Distinct()];
        var cleanEmails = d.Emails.Select(e => e.Trim().ToLowerInvariant()).Distinct().ToList();
        if (!emails.SequenceEqual(cleanEmails))
            emails = cleanEmails;
        if (!addresses.SequenceEqual(d.Addresses))
            addresses = [.. d.Addresses];
        if (!contacts.SequenceEqual(d.Contacts ?? []))
            contacts = [.. d.Contacts ?? []];
        (Birthday, LunarBirthday, Gender, TradeCustomer) = (d.Birthday, d.LunarBirthday, d.Gender, d.TradeCustomer);
        (Industry, Size, Source) = (Blank(d.Industry), Blank(d.Size), Blank(d.Source));
        (OwnerId, DepartmentId) = (d.OwnerId, d.DepartmentId);
        (Background, Preferences, Needs) = (Blank(d.Background), Blank(d.Preferences), Blank(d.Needs));
        Version = Guid.NewGuid();
        return this;
    }

    /// <summary>Why these details cannot be a customer's (none when they can).</summary>
    public static List<Error> Validate(CustomerDetails d, DateOnly today)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(d.Name))
            errors.Add(CustomerErrors.NameRequired);
        else if (d.Name.Trim().Length > MaxNameLength)
            errors.Add(CustomerErrors.NameTooLong);
        if (!Enum.IsDefined(d.Type))
            errors.Add(CustomerErrors.UnknownType);
        if (d.Phones.Count > MaxPhones)
            errors.Add(CustomerErrors.TooManyPhones);
        if (d.Contacts?.Count > MaxContacts)
            errors.Add(CustomerErrors.TooManyContacts);
        foreach (var (contact, i) in (d.Contacts ?? []).Select((c, i) => (c, i)))
        {
            if (string.IsNullOrWhiteSpace(contact.Name) || contact.Name.Length > MaxNameLength)
                errors.Add(CustomerErrors.ContactNameRequired(i));
        }
        if (d.Emails.FirstOrDefault(e => !EmailAddress.IsValid(e)) is { } bad)
            errors.Add(CustomerErrors.EmailInvalid(bad));
        if (d.Birthday is { } birthday && (birthday > today || birthday.Year < 1900))
            errors.Add(CustomerErrors.BirthdayImpossible);
        if (string.IsNullOrEmpty(d.OwnerId))
            errors.Add(CustomerErrors.OwnerRequired);
        foreach (var (text, field) in new[] { (d.Background, "notes.background"), (d.Preferences, "notes.preferences"), (d.Needs, "notes.needs") })
        {
            if (text?.Length > MaxTextLength)
                errors.Add(CustomerErrors.TextTooLong(field));
        }
        return errors;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
