using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Guanxi.Domain.Common;

namespace Guanxi.Web.Shared.Api;

/// <summary>
/// How request bodies are read, so that a careless or hostile client learns which field is wrong and why instead of a
/// 500: a business date also taken from an ISO date-time (its day in the enterprise's time zone), enum values only by
/// name, no null where the contract has none (a missing or null required field, a null inside a list), lists, texts and
/// nesting bounded. <see cref="BadRequests"/> turns what fails here into a 400 naming the field.
/// </summary>
public static class JsonInput
{
    /// <summary>No list in a body is longer (the order batch's 10,000 is the longest contract).</summary>
    public const int MaxListItems = 10_000;

    public const int MaxDepth = 32;

    /// <summary>
    /// No text in a body is longer: a safety net under each use case's own limits by field (a name 100, a note 500 …),
    /// so that no handler ever holds a megabyte string.
    /// </summary>
    public const int MaxText = 10_000;

    public static void Configure(JsonSerializerOptions options, TimeZoneInfo zone)
    {
        options.MaxDepth = MaxDepth;
        options.RespectNullableAnnotations = true;
        options.Converters.Insert(0, new BusinessDateConverter(zone));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireValues);
    }

    /// <summary>
    /// After a body object is read: a non-nullable reference (a nested object, a list, a text) that was left out is
    /// refused as required — records bind missing constructor arguments as null, which would reach the handler — and a
    /// list may hold no null and no more than <see cref="MaxListItems"/>.
    /// </summary>
    private static void RequireValues(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace?.StartsWith("Guanxi", StringComparison.Ordinal) != true)
            return;
        var required = info.Properties.Where(p => p.Get is not null && !p.PropertyType.IsValueType && !p.IsSetNullable).ToArray();
        var lists = info.Properties.Where(p => p.Get is not null && p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)).ToArray();
        var texts = info.Properties.Where(p => p.Get is not null && p.PropertyType == typeof(string)).ToArray();
        if (required.Length == 0 && lists.Length == 0 && texts.Length == 0)
            return;
        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var property in required)
            {
                if (property.Get!(value) is null)
                    throw new JsonInputException(JsonInputErrors.Required, "." + property.Name);
            }
            foreach (var property in texts)
            {
                if (property.Get!(value) is string { Length: > MaxText })
                    throw new JsonInputException(JsonInputErrors.TooLong, "." + property.Name);
            }
            foreach (var property in lists)
            {
                if (property.Get!(value) is not IEnumerable items)
                    continue;
                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                        throw new JsonInputException(JsonInputErrors.NullItem, $".{property.Name}[{index}]");
                    if (item is string { Length: > MaxText })
                        throw new JsonInputException(JsonInputErrors.TooLong, $".{property.Name}[{index}]");
                    if (++index > MaxListItems)
                        throw new JsonInputException(JsonInputErrors.TooManyItems, "." + property.Name);
                }
            }
        };
    }

    /// <summary>The error a value of <paramref name="type"/> that could not be read gets.</summary>
    public static Error Expected(Type type, JsonSerializerOptions? options = null)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(DateOnly))
            return JsonInputErrors.Date;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            return JsonInputErrors.DateTime;
        if (type == typeof(Guid))
            return JsonInputErrors.Id;
        if (type == typeof(bool))
            return JsonInputErrors.Boolean;
        if (type == typeof(string))
            return JsonInputErrors.Text;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
            return JsonInputErrors.WholeNumber;
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
            return JsonInputErrors.Number;
        if (type.IsEnum)
            return JsonInputErrors.OneOf(Enum.GetValues(type).Cast<object>().Select(v => NameOf(v, type, options)));
        return typeof(IEnumerable).IsAssignableFrom(type) ? JsonInputErrors.List : JsonInputErrors.Record;
    }

    private static string NameOf(object value, Type type, JsonSerializerOptions? options)
    {
        if (options is null)
            return value.ToString()!;
        try
        {
            return JsonSerializer.Serialize(value, type, options).Trim('"');
        }
        catch (JsonException)
        {
            return value.ToString()!;
        }
    }
}

/// <summary>A value of a body that cannot be read, with the part of its path below where the serializer stood.</summary>
public sealed class JsonInputException(Error reason, string? below = null) : JsonException(reason.MessageEn)
{
    public Error Reason { get; } = reason;

    public string? Below { get; } = below;
}

/// <summary>
/// A business date (an order day, a birthday): yyyy-MM-dd, or an ISO date-time whose day in the enterprise's time zone is
/// taken (a client that only has instants sends them as they are); a date-time without an offset is taken as written.
/// </summary>
public sealed class BusinessDateConverter(TimeZoneInfo zone) : JsonConverter<DateOnly>
{
    private static readonly string[] WithOffset = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK"];

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && Parse(reader.GetString()!) is { } day)
            return day;
        throw new JsonInputException(JsonInputErrors.Date);
    }

    public DateOnly? Parse(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        if (text.Length <= 10 || !DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var written))
            return null;
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > 10;
        if (!DateTimeOffset.TryParseExact(text, WithOffset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return null;
        return hasOffset ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime) : written;
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

public static class JsonInputErrors
{
    public static readonly Error Syntax = new("input.json", "不是有效的 JSON。", "is not valid JSON.");
    public static readonly Error Date = new("input.date", "不是有效的日期 (YYYY-MM-DD)。", "is not a valid date (YYYY-MM-DD).");
    public static readonly Error DateTime = new("input.date_time", "不是有效的时间（ISO 8601，如 2026-01-01T10:00:00+08:00）。", "is not a valid ISO 8601 date-time (2026-01-01T10:00:00+08:00).");
    public static readonly Error Id = new("input.id", "不是有效的编号 (GUID)。", "is not a valid id (GUID).");
    public static readonly Error Boolean = new("input.boolean", "应为 true 或 false。", "must be true or false.");
    public static readonly Error Text = new("input.text", "应为文本。", "must be a string.");
    public static readonly Error WholeNumber = new("input.integer", "应为整数。", "must be a whole number.");
    public static readonly Error Number = new("input.number", "应为数字。", "must be a number.");
    public static readonly Error List = new("input.list", "应为列表 [...]。", "must be a list [...].");
    public static readonly Error Record = new("input.object", "应为对象 {...}。", "must be an object {...}.");
    public static readonly Error Required = new("input.required", "必填，不能为空 (null)。", "is required and cannot be null.");
    public static readonly Error NullItem = new("input.null_item", "列表中不能有空项 (null)。", "a list cannot hold null.");
    public static readonly Error TooManyItems = new("input.too_many_items", $"列表最多 {JsonInput.MaxListItems:N0} 项。", $"a list holds at most {JsonInput.MaxListItems:N0} items.");
    public static readonly Error TooLong = new("input.too_long", $"文字过长（最多 {JsonInput.MaxText:N0} 个字）。", $"is too long (at most {JsonInput.MaxText:N0} characters).");
    public static readonly Error TooDeep = new("input.too_deep", $"嵌套层数过多（最多 {JsonInput.MaxDepth} 层）。", $"is nested too deeply (at most {JsonInput.MaxDepth} levels).");
    public static readonly Error Missing = new("input.missing", "缺少请求内容。", "the request has no body.");
    public static readonly Error Value = new("input.value", "不是有效的值。", "is not a valid value.");

    public static Error OneOf(IEnumerable<string> names)
    {
        var list = names.ToList();
        return new("input.one_of", $"只能是：{string.Join("、", list)}。", $"must be one of: {string.Join(", ", list)}.");
    }

    public static Error TooLarge(long? limit) => new("input.too_large",
        limit is { } l ? $"请求内容过大（最多 {l / 1024d / 1024:0.#} MB）。" : "请求内容过大。",
        limit is { } m ? $"the request is too large (at most {m / 1024d / 1024:0.#} MB)." : "the request is too large.",
        Kind: ErrorKind.TooLarge);
}
