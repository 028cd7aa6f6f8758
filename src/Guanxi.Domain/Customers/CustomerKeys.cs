namespace Guanxi.Domain.Customers;

/// <summary>
/// The indexed keys that find a customer and its likely duplicates. Trigram indexes (SQLite FTS5, PostgreSQL pg_trgm)
/// answer queries of 3+ characters over <see cref="Text"/>; most Chinese names have 2–3 characters, so there is a short
/// path. On PostgreSQL it is keys: every 1- and 2-character piece of the name and organisation ("g:"), and their
/// beginnings ("p:"), so that exact and prefix matches, which rank first, come straight from the index in rank order.
/// On SQLite it is a second FTS5 index over <see cref="Words"/>, which costs an import a fraction of those ~20 key rows
/// per customer. Phones are keyed by their digits reversed
/// ("t:"), so that a whole number or its last 4+ digits is an index range. Duplicates (ARC-2) share a mobile ("m:"),
/// an e-mail ("e:") or name + organisation ("n:").
/// </summary>
public static class CustomerKeys
{
    public const string Gram = "g:";
    public const string Prefix = "p:";
    public const string PhoneTail = "t:";
    public const string Mobile = "m:";
    public const string Email = "e:";
    public const string NameAndOrganization = "n:";

    /// <summary>Separates the fields of <see cref="Text"/> so that no match spans two of them; nobody types it.</summary>
    public const char Separator = '\u0001';

    public const int MinPhoneDigits = 4;

    /// <summary>Names and organisations are keyed by their beginnings of 3 up to this many characters.</summary>
    public const int MaxPrefix = 32;

    /// <summary>The customer's keys; name pieces ("g:", "p:") only where no word index holds them (<paramref name="namePieces"/>).</summary>
    public static IReadOnlySet<string> Of(Customer c, bool namePieces = true)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (!Searchable(c))
            return keys;
        foreach (var text in namePieces ? new[] { Fold(c.Name), Fold(c.Organization) } : [])
        {
            for (var i = 0; i < text.Length; i++)
            {
                keys.Add(Gram + text[i]);
                if (i + 1 < text.Length)
                    keys.Add(string.Concat(Gram, text.AsSpan(i, 2)));
                if (i >= 2 && i < MaxPrefix)
                    keys.Add(string.Concat(Prefix, text.AsSpan(0, i + 1)));
            }
        }
        foreach (var phone in c.Phones)
            keys.Add(PhoneTail + Reverse(Digits(phone.Number)));
        keys.UnionWith(DuplicateKeys(c.Details));
        return keys;
    }

    /// <summary>
    /// How well a folded query matches a customer's folded name or organisation, for ranking: 2 exact, 1 prefix,
    /// 0 anything else (inside the name, an e-mail, a phone).
    /// </summary>
    public static int Weight(string query, string name, string organization) =>
        name == query || organization == query ? 2
        : name.StartsWith(query, StringComparison.Ordinal) || organization.StartsWith(query, StringComparison.Ordinal) ? 1 : 0;

    /// <summary>The <see cref="Weight"/> of a key of <see cref="Of"/> for its customer: a name piece's own, otherwise 0.</summary>
    public static int WeightOf(string key, Customer c) => WeightOf(key, Fold(c.Name), Fold(c.Organization));

    /// <summary>The same, for a name and organisation already folded (a customer's many keys fold them once).</summary>
    public static int WeightOf(string key, string name, string organization) =>
        key.StartsWith(Gram, StringComparison.Ordinal) || key.StartsWith(Prefix, StringComparison.Ordinal)
            ? Weight(key[2..], name, organization) : 0;

    /// <summary>The duplicate key of a mobile number (E.164): how a customer is found by their mobile.</summary>
    public static string MobileKey(string e164) => Mobile + e164;

    /// <summary>ARC-2: the same mobile, the same e-mail, or the same name in the same organisation.</summary>
    public static IReadOnlySet<string> DuplicateKeys(CustomerDetails d)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        keys.UnionWith(d.Phones.Where(p => p.Kind == PhoneKind.Mobile).Select(p => MobileKey(p.Number)));
        keys.UnionWith(d.Emails.Select(e => Email + Fold(e)));
        if (!string.IsNullOrWhiteSpace(d.Organization) && !string.IsNullOrWhiteSpace(d.Name))
            keys.Add(NameAndOrganization + Fold(d.Name) + Separator + Fold(d.Organization));
        return keys;
    }

    /// <summary>What a duplicate key matched on, for the user: "mobile", "email" or "nameAndOrganization".</summary>
    public static string MatchedOn(string key) =>
        key.StartsWith(Mobile, StringComparison.Ordinal) ? "mobile" : key.StartsWith(Email, StringComparison.Ordinal) ? "email" : "nameAndOrganization";

    /// <summary>What the trigram index holds: name, organisation and e-mails, case-folded.</summary>
    public static string? Text(Customer c) =>
        Searchable(c) ? string.Join(Separator, new[] { Fold(c.Name), Fold(c.Organization) }.Concat(c.Emails.Select(Fold))) : null;

    /// <summary>
    /// What SQLite's word index holds (an FTS5 table whose ascii tokenizer counts every printable ASCII character as part
    /// of a word, so it splits at spaces only): every character of the name, then of the organisation, as a word of its own ("张 小 明 || 琥 珀 光 学";
    /// "||" keeps a phrase from spanning both), each beginning of up to <see cref="MaxPrefix"/> characters ("^张 ^张小
    /// ^张小明") and the whole ("=张小明"). So an exact match is the word "=q", a prefix "^q", a piece the phrase of q's
    /// characters; each reads its matches newest first from the index. A character is one word, every other word is
    /// longer, and its first character says what it is, so no two kinds of word can meet. Whitespace inside a name is "␣".
    /// </summary>
    public static string Words(Customer c)
    {
        var texts = new[] { Word(Fold(c.Name)), Word(Fold(c.Organization)) }.Where(t => t.Length > 0).Select(t => (Text: t, Characters: Characters(t))).ToList();
        var words = new List<string>();
        foreach (var (_, characters) in texts)
        {
            if (words.Count > 0)
                words.Add("||");
            words.AddRange(characters);
        }
        foreach (var (text, characters) in texts)
        {
            for (var i = 1; i <= Math.Min(characters.Count, MaxPrefix); i++)
                words.Add("^" + string.Concat(characters.Take(i)));
            if (characters.Count <= MaxPrefix)
                words.Add("=" + text);
        }
        return string.Join(' ', words);
    }

    /// <summary>A folded text as the word index spells it: whitespace and control characters become "␣".</summary>
    public static string Word(string folded) =>
        string.Create(folded.Length, folded, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
                span[i] = char.IsWhiteSpace(text[i]) || char.IsControl(text[i]) ? '␣' : text[i];
        });

    /// <summary>The characters of a text (a character beyond the BMP is one, not two halves).</summary>
    public static List<string> Characters(string text)
    {
        var characters = new List<string>(text.Length);
        foreach (var rune in text.EnumerateRunes())
            characters.Add(rune.ToString());
        return characters;
    }

    /// <summary>Merged tombstones and erased records are found by nobody.</summary>
    public static bool Searchable(Customer c) => c.Status is CustomerStatus.Active or CustomerStatus.Archived;

    public static string Fold(string? text) => (text ?? "").Trim().ToLowerInvariant();

    /// <summary>A query that is a phone number or its tail: 4+ digits once spaces, dashes, brackets and + are gone.</summary>
    public static string? PhoneQuery(string query)
    {
        var stripped = new string(query.Where(ch => ch is not (' ' or '-' or '(' or ')' or '+')).ToArray());
        return stripped.Length >= MinPhoneDigits && stripped.All(char.IsAsciiDigit) ? Reverse(stripped) : null;
    }

    /// <summary>The first key after every key that starts with <paramref name="prefix"/>, for an index range.</summary>
    public static string After(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static string Digits(string number) => new(number.Where(char.IsAsciiDigit).ToArray());

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
