using System.Xml.Linq;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Tests.Infrastructure;

namespace Guanxi.Web.Tests;

/// <summary>
/// Issue 22: the history speaks the viewer's language. Every audited entity, every audited field (properties, link rows
/// recorded on an owner, bulk writers' fields) and every value of an audited enum field has a display name in Chinese and
/// in English, under the keys <see cref="AuditText"/> reads.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class AuditDisplayNamesTests(SqliteApp app)
{
    [Fact]
    public void Every_audited_field_and_enum_value_has_a_display_name_in_Chinese_and_English()
    {
        app.EnsureAvailable();
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var languages = new[] { ("zh", "SharedResource.resx"), ("en", "SharedResource.en.resx") }
                .Select(l => (Language: l.Item1, Keys: Keys(l.Item2))).ToList();
            var missing = new List<string>();
            void Need(string what, IEnumerable<string> candidates)
            {
                var keys = candidates.ToList();
                foreach (var (language, have) in languages)
                {
                    if (!keys.Any(have.Contains))
                        missing.Add($"{language}: {what} ({string.Join(" or ", keys)})");
                }
            }

            var types = db.Model.GetEntityTypes().ToList();
            var audited = types.Where(t => t.FindAnnotation(AuditModelExtensions.Audited) is not null).ToList();
            Assert.Contains(audited, t => t.ClrType.Name == "Customer");
            foreach (var type in audited)
            {
                var entity = type.ClrType.Name;
                Need($"entity {entity}", [AuditText.EntityKey(entity)]);
                foreach (var property in type.GetProperties().Where(p => !p.IsPrimaryKey() && p.FindAnnotation(AuditModelExtensions.Ignored) is null))
                {
                    Need($"{entity}.{property.Name}", AuditText.FieldKeys(entity, property.Name));
                    var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                    var element = clr.IsGenericType ? clr.GetGenericArguments()[0] : clr;
                    var enumType = clr.IsEnum ? clr : element.IsEnum ? element : null;
                    foreach (var value in enumType is null ? [] : Enum.GetNames(enumType))
                        Need($"{entity}.{property.Name} = {value}", [AuditText.EnumKey(enumType!, value)]);
                }
            }
            foreach (var owner in types.Select(t => AuditOwner.Parse(t.FindAnnotation(AuditModelExtensions.Owner)?.Value as string)).OfType<AuditOwner>())
                Need($"{owner.OwnerEntity}.{owner.Field}", AuditText.FieldKeys(owner.OwnerEntity, owner.Field));
            foreach (var field in AuditText.RecordedFields)
                Need($"bulk field {field}", AuditText.FieldKeys("", field).Skip(1));

            Assert.True(missing.Count == 0, string.Join('\n', missing.Prepend("Audited without a display name:")));
        }
    }

    private static HashSet<string> Keys(string file)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Guanxi.slnx")))
            folder = folder.Parent;
        var path = Path.Combine(folder!.FullName, "src", "Guanxi.Web", "Resources", file);
        return [.. XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];
    }
}
