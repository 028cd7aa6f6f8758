using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Guanxi.Web.Shared.Auth;
using Microsoft.Extensions.Localization;

namespace Guanxi.Web.Features.Audit;

/// <summary>
/// A history row as a person reads it, in the viewer's language (issue 22): the entity and the field by their display names
/// (<c>Entity.&lt;Entity&gt;</c>, <c>Field.&lt;Entity&gt;.&lt;Field&gt;</c> or <c>Field.&lt;Field&gt;</c>), the record by its name (a case by its
/// title), and the old and new values as text: enum values by their display names, yes/no, dates, money in yuan, ids as the
/// names of what they point to (a case's linked customers too), JSON lists as a line of text. The one place that decides it, for the customer's history and the audit log; the raw
/// values stay as written beside it. Masked values stay ****.
/// </summary>
public sealed partial class AuditText(GuanxiDbContext db, IStringLocalizer<SharedResource> l, Formatter formatter)
{
    /// <summary>The fields recorded on an owner's history by a link row or a bulk writer, which are no property of the owner.</summary>
    public static IReadOnlyList<string> RecordedFields { get; } = [History.Imported, History.Created];

    /// <summary>The resource keys that name a field, the entity's own first.</summary>
    public static IEnumerable<string> FieldKeys(string entity, string field) => [$"Field.{entity}.{field}", $"Field.{field}"];

    /// <summary>The resource key of an enum value: <c>&lt;Enum&gt;.&lt;Value&gt;</c>, with the names the app already used for some.</summary>
    public static string EnumKey(Type type, string value) => $"{EnumPrefixes.GetValueOrDefault(type, type.Name)}.{value}";

    public static string EntityKey(string entity) => $"Entity.{entity}";

    private static readonly Dictionary<Type, string> EnumPrefixes = new()
    {
        [typeof(LifecycleStage)] = "Stage",
        [typeof(Domain.Grading.ProspectLevel)] = "Prospect",
    };

    private const string Masked = "****";

    public async Task<IReadOnlyList<AuditRow>> Describe(IReadOnlyList<AuditRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
            return rows;
        var names = await Names(rows, cancellationToken);
        return [.. rows.Select(r => r with
        {
            UserName = Who(r, names),
            EntityName = ModelText(EntityKey(r.Entity)) ?? r.Entity,
            RecordName = Record(r, names),
            FieldName = ModelText([.. FieldKeys(r.Entity, r.Field)]) ?? r.Field,
            OldText = Value(r.Entity, r.Field, r.OldValue, names),
            NewText = Value(r.Entity, r.Field, r.NewValue, names),
        })];
    }

    /// <summary>Who made the change, named as today in the viewer's language; an older row without an id: the name it was written with.</summary>
    private static string Who(AuditRow row, Dictionary<string, string> names) =>
        row.UserId is { } id
            ? id == Domain.Common.Actor.SystemId ? Domain.Common.Actor.SystemName(Cultures.IsEnglish) : names.GetValueOrDefault(id, id)
            : row.UserName ?? Domain.Common.Actor.SystemName(Cultures.IsEnglish);

    private string? Localized(IEnumerable<string> keys) =>
        keys.Select(k => l[k]).FirstOrDefault(s => !s.ResourceNotFound)?.Value;

    /// <summary>
    /// <see cref="Localized"/> for the names the model gives (entities, fields, enum values, roles): a finite set, kept per
    /// language once looked up — a page of history asks for the same few, and a missing key walks every fallback culture.
    /// </summary>
    private string? ModelText(params string[] keys)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        foreach (var key in keys)
        {
            if (ModelTexts.GetOrAdd((culture, key), k => l[k.Key] is { ResourceNotFound: false } found ? found.Value : null) is { } text)
                return text;
        }
        return null;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Culture, string Key), string?> ModelTexts = new();

    /// <summary>The type of an entity's property, once per entity and field (null for a link row's or a bulk writer's field).</summary>
    private Type? TypeOf(string entity, string field) =>
        PropertyTypes.GetOrAdd((entity, field), k => db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == k.Entity)?.FindProperty(k.Field)?.ClrType);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Entity, string Field), Type?> PropertyTypes = new();

    private string Record(AuditRow row, Dictionary<string, string> names) => row.Entity switch
    {
        "Setting" => Localized([$"Setting.{row.Key}"]) ?? row.Key,
        _ => names.GetValueOrDefault(row.Key, row.Key),
    };

    private string? Value(string entity, string field, string? value, Dictionary<string, string> names)
    {
        if (value is null or Masked)
            return value;
        if (field == "Role")
            return ModelText($"Role.{value}") ?? value;
        if (RecordedFields.Contains(field))   // where a bulk-written record came from: a file's row, the API
            return Localized([$"Audit.Source.{value.Replace(" ", "", StringComparison.Ordinal)}"]) ?? value;
        if (IsReference(field))
            return names.GetValueOrDefault(value, value);
        if (IsReferenceList(field))
            return ReferenceList(value, names);
        var type = TypeOf(entity, field);
        if (type is null)   // a link row's or a bulk writer's text, such as the merged customers: "王五 (id)" reads "王五"
            return IdInBrackets().Replace(value, "");
        try
        {
            return ElementOf(type) is { } element ? List(element, JsonDocument.Parse(value).RootElement) : Scalar(type, field, value);
        }
        catch (JsonException)
        {
            return value;   // a value cut at the history's length limit stays as it was written
        }
    }

    /// <summary>The id of another record: an owner, a department, a customer, a group.</summary>
    private static bool IsReference(string field) => field.EndsWith("Id", StringComparison.Ordinal) || field == "Groups";

    /// <summary>A JSON list of the ids of records of a known kind (a case's linked customers).</summary>
    private static bool IsReferenceList(string field) => field.EndsWith("Ids", StringComparison.Ordinal) && OfField(field) is not null;

    /// <summary>The ids of a JSON list (none when it is no list of ids, e.g. cut at the history's length limit).</summary>
    private static IEnumerable<string> IdsIn(string? value)
    {
        if (value is null or Masked)
            return [];
        try
        {
            using var json = JsonDocument.Parse(value);
            return json.RootElement.ValueKind == JsonValueKind.Array
                ? [.. json.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The names of a list's ids, as a line of text; a value that is no list of ids stays as written.</summary>
    private static string ReferenceList(string value, Dictionary<string, string> names) =>
        IdsIn(value).ToList() is { Count: > 0 } ids ? string.Join(Cultures.IsEnglish ? "; " : "；", ids.Select(id => names.GetValueOrDefault(id, id)))
        : value.Trim() == "[]" ? "" : value;

    private static Type? ElementOf(Type type) =>
        type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } list
            ? list.GetGenericArguments()[0] : null;

    private string List(Type element, JsonElement json) =>
        json.ValueKind != JsonValueKind.Array ? json.ToString()
        : string.Join(Cultures.IsEnglish ? "; " : "；", json.EnumerateArray().Select(item => Item(element, item)).Where(s => s.Length > 0));

    private string Item(Type type, JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.Object => string.Join(" ", item.EnumerateObject().Select(p => Member(type, p)).Where(s => !string.IsNullOrEmpty(s))),
        JsonValueKind.Array => List(ElementOf(type) ?? typeof(string), item),
        JsonValueKind.Null => "",
        _ => Scalar(type, "", item.ToString()),
    };

    private string? Member(Type owner, JsonProperty member)
    {
        var property = owner.GetProperty(member.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null || member.Value.ValueKind == JsonValueKind.Null)
            return null;
        if ((Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(Guid))   // an item's own id (a checklist item's) says nothing to a reader
            return null;
        if (member.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            return Item(ElementOf(property.PropertyType) ?? property.PropertyType, member.Value);
        if (property.PropertyType == typeof(bool))   // a mark inside an item reads as its name: 未核实
            return member.Value.ValueKind == JsonValueKind.True ? ModelText($"Field.{property.Name}") ?? property.Name : null;
        var text = Scalar(property.PropertyType, property.Name, member.Value.ToString());
        return (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(DateOnly)   // which day it is: 应付日期 2026年11月1日
            ? $"{ModelText($"Field.{property.Name}") ?? property.Name} {text}" : text;
    }

    private string Scalar(Type type, string field, string value)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var invariant = CultureInfo.InvariantCulture;
        if (type.IsEnum)
            return ModelText(EnumKey(type, value)) ?? value;
        if (type == typeof(bool))
            return value switch { "true" or "True" => l["Common.Yes"], "false" or "False" => l["Common.No"], _ => value };
        if (type == typeof(DateOnly) && DateOnly.TryParseExact(value, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
            return formatter.Date(day);
        if ((type == typeof(DateTimeOffset) || type == typeof(DateTime)) && DateTimeOffset.TryParse(value, invariant, DateTimeStyles.None, out var at))
            return formatter.DateTime(at);
        if (type == typeof(decimal) && field != nameof(OrderItem.Quantity) && decimal.TryParse(value, NumberStyles.Number, invariant, out var money))
            return Formatter.Money(money);
        if (type == typeof(string) && field == nameof(CustomerPhone.Number))
            return Formatter.Phone(value);
        if (type == typeof(string) && field == nameof(StaffUser.PreferredCulture))
            return value == Cultures.English ? "English" : value == Cultures.Default ? "中文" : value;
        return value;
    }

    /// <summary>What an id names, by the entity a row is about or the field that holds it; null: not known, asked everywhere.</summary>
    private enum Named { Staff, Department, Customer, Order, Group, Case, InspectionPlan, StockCount }

    private static Named? OfKey(string entity) => entity switch
    {
        nameof(Customer) => Named.Customer,
        nameof(StaffUser) => Named.Staff,
        nameof(Order) => Named.Order,
        nameof(Department) => Named.Department,
        nameof(CustomerGroup) => Named.Group,
        nameof(ServiceCase) => Named.Case,
        nameof(Domain.Inspections.InspectionPlan) => Named.InspectionPlan,
        nameof(Domain.Stock.StockCount) => Named.StockCount,
        _ => null,
    };

    private static Named? OfField(string field) => field switch
    {
        "OwnerId" or "StaffId" or "UserId" or "AssigneeId" or "CreatedById" or "AuthorId" or "PublishedById" => Named.Staff,
        "DepartmentId" or "ParentId" => Named.Department,
        "CustomerId" or "MergedIntoId" or "ReferrerId" or "CustomerIds" => Named.Customer,
        "OrderId" => Named.Order,
        "GroupId" or "Groups" => Named.Group,
        _ => null,
    };

    /// <summary>
    /// The names of the records the rows are about and point to, for the whole page, and who made the changes: one query per kind of record the
    /// page names (a customer's history: its customers, owners and departments), none for a kind it does not.
    /// </summary>
    private async Task<Dictionary<string, string>> Names(IReadOnlyList<AuditRow> rows, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<Named, HashSet<string>>();
        void Want(Named? kind, string? id)
        {
            if (id is null or Masked)
                return;
            foreach (var k in kind is { } known ? [known] : Enum.GetValues<Named>())
                (wanted.TryGetValue(k, out var set) ? set : wanted[k] = []).Add(id);
        }
        foreach (var r in rows)
        {
            if (r.UserId is { } user && user != Domain.Common.Actor.SystemId)   // who made the change, in the same query as the staff the rows name
                Want(Named.Staff, user);
            if (OfKey(r.Entity) is { } kind)
                Want(kind, r.Key);
            if (IsReference(r.Field))
            {
                Want(OfField(r.Field), r.OldValue);
                Want(OfField(r.Field), r.NewValue);
            }
            else if (IsReferenceList(r.Field))
            {
                foreach (var id in IdsIn(r.OldValue).Concat(IdsIn(r.NewValue)))
                    Want(OfField(r.Field), id);
            }
        }
        List<string> Ids(Named kind) => wanted.TryGetValue(kind, out var set) ? [.. set] : [];
        List<Guid> Guids(Named kind) => [.. Ids(kind).Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty)];
        var names = new Dictionary<string, string>();
        if (Ids(Named.Staff) is { Count: > 0 } staff)
            foreach (var u in await db.Users.Where(u => staff.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
                names[u.Id] = u.DisplayName;
        if (Guids(Named.Department) is { Count: > 0 } departments)
            foreach (var d in await db.Set<Department>().Where(d => departments.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
                names[d.Id.ToString()] = d.Name;
        if (Guids(Named.Customer) is { Count: > 0 } customers)
            foreach (var c in await db.Set<Customer>().Where(c => customers.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
                names[c.Id.ToString()] = c.Name;
        if (Guids(Named.Order) is { Count: > 0 } orders)
            foreach (var o in await db.Set<Order>().Where(o => orders.Contains(o.Id)).Select(o => new { o.Id, o.ExternalNo }).ToListAsync(cancellationToken))
                names[o.Id.ToString()] = o.ExternalNo;
        if (Guids(Named.Case) is { Count: > 0 } cases)
            foreach (var c in await db.Set<ServiceCase>().Where(c => cases.Contains(c.Id)).Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken))
                names[c.Id.ToString()] = c.Title;
        if (Guids(Named.InspectionPlan) is { Count: > 0 } plans)   // a plan by its department and post (销售部·销售顾问)
            foreach (var p in await (from plan in db.Set<Domain.Inspections.InspectionPlan>()
                                     join d in db.Set<Department>() on plan.DepartmentId equals d.Id
                                     where plans.Contains(plan.Id)
                                     select new { plan.Id, Department = d.Name, plan.Post }).ToListAsync(cancellationToken))
                names[p.Id.ToString()] = $"{p.Department}·{p.Post}";
        if (Guids(Named.StockCount) is { Count: > 0 } counts)   // a distributor's stock count by the distributor and the product (华东汽贸·机油)
            foreach (var c in await (from count in db.Set<Domain.Stock.StockCount>()
                                     join customer in db.Set<Customer>() on count.CustomerId equals customer.Id
                                     where counts.Contains(count.Id)
                                     select new { count.Id, customer.Name, count.Product }).ToListAsync(cancellationToken))
                names[c.Id.ToString()] = $"{c.Name}·{c.Product}";
        if (Guids(Named.Group) is { Count: > 0 } groups)   // a group by its name; a deleted group's name from its own history
        {
            var keys = groups.ConvertAll(g => g.ToString());
            foreach (var g in (await db.Set<AuditEntry>().Where(e => e.Entity == nameof(CustomerGroup) && keys.Contains(e.Key) && e.Field == nameof(CustomerGroup.Name))
                         .OrderBy(e => e.Id).Select(e => new { e.Key, e.NewValue }).ToListAsync(cancellationToken)).Where(e => e.NewValue is not null))
                names[g.Key] = g.NewValue!;
        }
        return names;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" ?\([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\)")]
    private static partial System.Text.RegularExpressions.Regex IdInBrackets();
}
