using System.Text.Json;
using System.Text.Json.Serialization;

namespace Guanxi.Web.Tests.Infrastructure;

/// <summary>The API's JSON: web defaults, enums as their names.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
