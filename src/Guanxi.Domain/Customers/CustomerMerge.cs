namespace Guanxi.Domain.Customers;

/// <summary>
/// ARC-2 merge: the survivor keeps, field by field, the value of the record the user picked — by default its own, or
/// the first merged record's where its own is empty — and gains every phone, e-mail, address and contact of all of them.
/// </summary>
public static class CustomerMerge
{
    /// <summary>The fields a user picks a value for; lists (phones, e-mails, addresses, contacts) are always united.</summary>
    public static readonly IReadOnlyList<string> PickableFields =
    [
        "name", "organization", "wechat", "birthday", "gender", "industry", "size", "source", "owner",
        "background", "preferences", "needs",
    ];

    public static CustomerDetails Compose(Customer survivor, IReadOnlyList<Customer> merged, IReadOnlyDictionary<string, Guid>? picks = null)
    {
        var all = new List<Customer> { survivor };
        all.AddRange(merged);
        T Pick<T>(string field, Func<Customer, T> value)
        {
            if (picks?.GetValueOrDefault(field) is { } id && all.FirstOrDefault(c => c.Id == id) is { } chosen)
                return value(chosen);
            return all.Select(value).FirstOrDefault(v => v is not null && !(v is string s && s.Length == 0)) ?? value(survivor);
        }

        var owner = Pick("owner", c => c);
        var birthday = Pick("birthday", c => c.Birthday is null ? null : c);
        return new CustomerDetails(
            survivor.Type,
            Pick("name", c => c.Name),
            Pick("organization", c => c.Organization),
            [.. all.SelectMany(c => c.Phones).Distinct().Take(Customer.MaxPhones)],
            [.. all.SelectMany(c => c.Emails).Distinct()],
            Pick("wechat", c => c.WeChat),
            [.. all.SelectMany(c => c.Addresses).Distinct()],
            birthday?.Birthday, birthday?.LunarBirthday ?? survivor.LunarBirthday,
            Pick("gender", c => c.Gender == Gender.Unknown ? (Gender?)null : c.Gender) ?? Gender.Unknown,
            Pick("industry", c => c.Industry),
            Pick("size", c => c.Size),
            Pick("source", c => c.Source),
            owner.OwnerId, owner.DepartmentId,
            Pick("background", c => c.Background),
            Pick("preferences", c => c.Preferences),
            Pick("needs", c => c.Needs),
            [.. all.SelectMany(c => c.Contacts).Distinct().Take(Customer.MaxContacts)],
            all.Any(c => c.TradeCustomer));
    }
}
