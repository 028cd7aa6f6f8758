using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guanxi.Web.Tests.Infrastructure;

namespace Guanxi.Web.Tests;

/// <summary>A demo database of its own: the walk archives, approves and generates what it is allowed to.</summary>
public sealed class WalkApp : SqliteApp;

[CollectionDefinition(Name)]
public sealed class WalkCollection : ICollectionFixture<WalkApp>
{
    public const string Name = "API walk";
}

/// <summary>
/// Every operation of /openapi/v1.json, tried as every demo role and as anonymous, with ids from the demo: nothing answers
/// 5xx; no role reads or changes a customer or an order of another branch (ARC-9); and each operation with a body answers
/// every malformed shape (broken JSON, wrong types, nulls in lists, huge strings, deep nesting …) with a 4xx and a reason.
/// </summary>
[Collection(WalkCollection.Name)]
public sealed class ApiWalkTests(WalkApp app)
{
    private static readonly string[] Roles =
    [
        "admin", "gm", "vp", "cs.manager", "duty", "callback", "sales.manager", "service.manager", "sales", "sales2", "advisor", "hr",
    ];

    /// <summary>Roles of the main company's departments, for whom the branch's customers and orders are out of sight.</summary>
    private static readonly string[] MainDepartmentRoles = ["sales.manager", "service.manager", "sales", "advisor", "hr"];

    private static readonly string[] Anonymous = ["/api/auth/login", "/api/public/surveys/{token}"];

    private sealed record Operation(string Method, string Path, JsonObject Spec)
    {
        public JsonNode? BodySchema => Spec["requestBody"]?["content"]?["application/json"]?["schema"];

        public override string ToString() => $"{Method} {Path}";
    }

    private JsonObject document = null!;

    private async Task<List<Operation>> Operations()
    {
        document = (await app.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        return [.. document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => new Operation(m.Key.ToUpperInvariant(), p.Key, m.Value!.AsObject())))];
    }

    /// <summary>Ids of records by the list they come from ("/api/customers" → its items' ids), read by the roles who see most.</summary>
    private static async Task<Dictionary<string, List<string>>> Pools(IEnumerable<Operation> operations, params HttpClient[] readers)
    {
        var pools = new Dictionary<string, List<string>>();
        foreach (var list in operations.Where(o => o.Method == "GET" && !o.Path.Contains('{')))
        {
            foreach (var reader in readers)
            {
                var response = await reader.GetAsync(list.Path);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
                    continue;
                var json = await response.Content.ReadFromJsonAsync<JsonNode>();
                var items = json is JsonArray array ? array : json?["items"] as JsonArray;
                foreach (var id in items?.Select(i => i is JsonObject o && o["id"] is JsonValue v ? v.ToString() : null).OfType<string>() ?? [])
                {
                    var pool = pools.TryGetValue(list.Path, out var p) ? p : pools[list.Path] = [];
                    if (!pool.Contains(id) && pool.Count < 3)
                        pool.Add(id);
                }
            }
        }
        return pools;
    }

    /// <summary>The path with each {parameter} filled from the pool of the list just before it ("/api/customers/{id}" from "/api/customers").</summary>
    private static string Fill(string path, Dictionary<string, List<string>> pools, int pick = 0)
    {
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (!parts[i].StartsWith('{'))
                continue;
            var prefix = string.Join('/', parts[..i]);
            parts[i] = pools.TryGetValue(prefix, out var ids) && ids.Count > 0 ? ids[pick % ids.Count]
                : parts[i] == "{token}" ? "not-a-token" : Guid.NewGuid().ToString();
        }
        return string.Join('/', parts);
    }

    private static HttpRequestMessage Request(Operation operation, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path) { Content = content };
        if (operation.Spec["parameters"] is JsonArray parameters && parameters.Any(p => p?["name"]?.ToString() == "If-Match"))
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{Guid.NewGuid()}\"");
        return request;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Every_operation_as_every_role_and_anonymous_answers_without_5xx_and_never_shows_another_branchs_record()
    {
        app.EnsureAvailable();
        var operations = await Operations();
        Assert.True(operations.Count > 100, $"only {operations.Count} operations in the document");
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles)
            clients[role] = await app.SignedInAs($"{role}@demo.guanxi.cn");
        var pools = await Pools(operations, clients["cs.manager"], clients["admin"], clients["gm"]);
        Assert.True(pools.Count >= 10, "ids from only " + string.Join(", ", pools.Keys));
        var branch = await Pools(operations.Where(o => o.Path is "/api/customers" or "/api/orders"), clients["sales2"]);
        Assert.True(branch.GetValueOrDefault("/api/customers")?.Count > 0 && branch.GetValueOrDefault("/api/orders")?.Count > 0, "the branch has no customers or orders to test sight with");
        var failures = new List<string>();

        // Reads and writes with a plausible body, as everyone: no 5xx. Writes that would archive or erase run last, once.
        var anonymous = app.CreateClient();
        foreach (var operation in operations.OrderBy(o => o.Method == "GET" ? 0 : 1))
        {
            foreach (var (role, client) in clients.Append(new("anonymous", anonymous)))
            {
                var path = Fill(operation.Path, pools);
                var body = operation.BodySchema is { } schema ? Json(Plausible(schema, 0)?.ToJsonString() ?? "{}") : null;
                var response = await client.SendAsync(Request(operation, path, body));
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{role}: {operation.Method} {path} → {(int)response.StatusCode}");
                if (role == "anonymous" && !Anonymous.Contains(operation.Path) && operation.Path.StartsWith("/api/", StringComparison.Ordinal)
                    && response.StatusCode != HttpStatusCode.Unauthorized)
                    failures.Add($"anonymous: {operation.Method} {path} → {(int)response.StatusCode}, not 401");
            }
        }

        // ARC-9: a customer or an order of the branch, by id, to the main company's departments: never a success.
        foreach (var operation in operations.Where(o => o.Path.StartsWith("/api/customers/{", StringComparison.Ordinal) || o.Path.StartsWith("/api/orders/{", StringComparison.Ordinal)))
        {
            foreach (var role in MainDepartmentRoles)
            {
                for (var pick = 0; pick < 2; pick++)
                {
                    var path = Fill(operation.Path, branch, pick);
                    var body = operation.BodySchema is { } schema ? Json(Plausible(schema, 0)?.ToJsonString() ?? "{}") : null;
                    var response = await clients[role].SendAsync(Request(operation, path, body));
                    if (response.IsSuccessStatusCode)
                        failures.Add($"{role}: {operation.Method} {path} (the branch's) → {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Prepend($"{failures.Count} failures:")));
    }

    [Fact]
    public async Task Every_operation_with_a_body_answers_malformed_bodies_with_a_4xx_and_a_reason()
    {
        app.EnsureAvailable();
        var operations = await Operations();
        var callers = new[] { "admin", "cs.manager", "sales" };
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in callers)
            clients[role] = await app.SignedInAs($"{role}@demo.guanxi.cn");
        var pools = await Pools(operations, clients["cs.manager"], clients["admin"]);
        var failures = new List<string>();
        var tried = 0;
        foreach (var operation in operations.Where(o => o.BodySchema is not null && !Anonymous.Contains(o.Path) || o.Path == "/api/public/surveys/{token}" && o.Method == "POST"))
        {
            var schema = operation.BodySchema!;
            foreach (var (name, content) in Malformed(schema))
            {
                foreach (var (role, client) in clients)
                {
                    tried++;
                    var path = Fill(operation.Path, pools);
                    var response = await client.SendAsync(Request(operation, path, content()));
                    var status = (int)response.StatusCode;
                    var text = await response.Content.ReadAsStringAsync();
                    if (status is < 400 or >= 500)
                        failures.Add($"{role}: {operation} with {name} → {status} {Cut(text)}");
                    else if (!HasReason(text))
                        failures.Add($"{role}: {operation} with {name} → {status} without a reason: {Cut(text)}");
                }
            }
        }
        Assert.True(tried > 1000, $"only {tried} malformed requests");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(80).Prepend($"{failures.Count} of {tried} malformed requests:")));
    }

    private static string Cut(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private static bool HasReason(string text)
    {
        try
        {
            var json = JsonNode.Parse(text);
            return json?["title"] is JsonValue title && title.ToString().Length > 0 || json?["errors"] is JsonObject { Count: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private JsonNode Resolve(JsonNode schema)
    {
        while (schema["$ref"] is JsonValue reference)
            schema = document["components"]!["schemas"]![reference.ToString().Split('/')[^1]]!;
        if (schema["oneOf"] is JsonArray oneOf && oneOf.FirstOrDefault(s => s?["type"]?.ToString() != "null") is { } some)
            return Resolve(some);
        return schema;
    }

    private static IEnumerable<string> TypesOf(JsonNode schema) =>
        schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.ToString()),
            JsonValue type => [type.ToString()],
            _ => schema["format"]?.ToString() is "date" or "date-time" or "uuid" ? ["string"] : schema["enum"] is not null ? ["string"] : [],
        };

    private static string KindOf(JsonNode schema)
    {
        var types = TypesOf(schema).Where(t => t != "null").ToList();
        return schema["enum"] is not null ? "enum"
            : types.Contains("array") ? "array"
            : types.Contains("object") || schema["properties"] is not null ? "object"
            : types.Contains("boolean") ? "boolean"
            : types.Contains("integer") ? "integer"
            : types.Contains("number") ? "number"
            : schema["format"]?.ToString() is { } format and ("date" or "date-time" or "uuid") ? format
            : types.Contains("string") ? "string"
            : "any";
    }

    /// <summary>A value of the schema's shape, with plain values (the first enum value, 1, "测试", today).</summary>
    private JsonNode? Plausible(JsonNode schema, int depth)
    {
        schema = Resolve(schema);
        return KindOf(schema) switch
        {
            "enum" => JsonValue.Create(schema["enum"]![0]!.ToString()),
            "array" => depth > 4 ? new JsonArray() : new JsonArray(Plausible(schema["items"] ?? new JsonObject(), depth + 1)),
            "object" => depth > 4 ? new JsonObject() : new JsonObject((schema["properties"]?.AsObject() ?? []).Select(p => KeyValuePair.Create(p.Key, Plausible(p.Value!, depth + 1)))),
            "boolean" => JsonValue.Create(false),
            "integer" or "number" => JsonValue.Create(1),
            "date" => JsonValue.Create("2026-11-01"),
            "date-time" => JsonValue.Create("2026-11-01T10:00:00+08:00"),
            "uuid" => JsonValue.Create(Guid.NewGuid()),
            "string" => JsonValue.Create("测试"),
            _ => null,
        };
    }

    /// <summary>Each leaf of the plausible body with its path, schema kind and the value that breaks it.</summary>
    private IEnumerable<(string Path, JsonNode? Wrong)> Leaves(JsonNode schema, string path, int depth)
    {
        schema = Resolve(schema);
        var kind = KindOf(schema);
        JsonNode? wrong = kind switch
        {
            "enum" => "no-such-value",
            "array" => "not a list",
            "object" => JsonValue.Create(12345),
            "boolean" => "yes",
            "integer" => JsonValue.Create(1.5),
            "number" => "abc",
            "date" => "2026-13-45",
            "date-time" => "yesterday",
            "uuid" => "not-a-guid",
            "string" => JsonValue.Create(12345),
            _ => null,
        };
        if (wrong is not null && path.Length > 0)
            yield return (path, wrong);
        if (kind == "array" && depth < 4)
        {
            yield return (path + "[0]", null);   // a null item
            foreach (var leaf in Leaves(schema["items"] ?? new JsonObject(), path + "[0]", depth + 1))
                yield return leaf;
        }
        if (kind == "object" && depth < 4)
        {
            foreach (var property in schema["properties"]?.AsObject() ?? [])
            {
                foreach (var leaf in Leaves(property.Value!, path.Length == 0 ? property.Key : $"{path}.{property.Key}", depth + 1))
                    yield return leaf;
            }
        }
    }

    private static JsonNode? Set(JsonNode? root, string path, JsonNode? value)
    {
        var copy = root?.DeepClone();
        var steps = System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value).ToList();
        JsonNode? node = copy;
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            var step = steps[i];
            if (step.StartsWith('['))
            {
                if (node is not JsonArray array || array.Count == 0)
                    return null;
                if (last)
                    array[0] = value;
                else
                    node = array[0];
            }
            else
            {
                if (node is not JsonObject obj)
                    return null;
                if (last)
                    obj[step] = value;
                else
                    node = obj[step];
            }
        }
        return copy;
    }

    /// <summary>About thirty bodies that no operation may accept: the same for all, then one wrong value per leaf of this schema.</summary>
    private IEnumerable<(string Name, Func<HttpContent?> Content)> Malformed(JsonNode schema)
    {
        var plausible = Plausible(schema, 0);
        var isArray = plausible is JsonArray;
        yield return ("broken JSON", () => Json("{\"a\":"));
        yield return ("not JSON", () => Json("not json"));
        yield return ("no body", () => Json(""));
        yield return ("null", () => Json("null"));
        yield return ("the wrong root", () => Json(isArray ? "{}" : "[]"));
        yield return ("a string root", () => Json("\"text\""));
        yield return ("a number root", () => Json("123"));
        yield return ("deep nesting", () => Json(string.Concat(Enumerable.Repeat(isArray ? "[" : "{\"a\":", 200)) + "1" + new string(isArray ? ']' : '}', 200)));
        yield return ("invalid UTF-8", () => new ByteArrayContent([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(plausible?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "{}");
        if (!System.Text.Unicode.Utf8.IsValid(gbk))
            yield return ("GBK instead of UTF-8", () => new ByteArrayContent(gbk) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        yield return ("text/plain", () => new StringContent(plausible?.ToJsonString() ?? "{}", Encoding.UTF8, "text/plain"));
        var huge = new string('长', 200_000);
        var strings = Leaves(schema, "", 0).Where(l => l.Wrong is JsonValue v && v.TryGetValue<int>(out var n) && n == 12345 && !l.Path.EndsWith(']')).ToList();
        if (strings.Count > 0)
        {
            var all = strings.Aggregate(plausible, (body, leaf) => Set(body, leaf.Path, huge) ?? body);
            yield return ("huge strings", () => Json(all?.ToJsonString() ?? "{}"));
        }
        var shapes = 0;
        foreach (var (path, wrong) in Leaves(schema, "", 0))
        {
            if (Set(plausible, path, wrong) is not { } body || shapes++ >= 24)
                continue;
            var text = body.ToJsonString();
            yield return ($"{path} = {wrong?.ToJsonString() ?? "null"}", () => Json(text));
        }
    }
}
