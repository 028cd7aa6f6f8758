using System.Text.Json;
using System.Text.Json.Serialization;
using Guanxi.Domain.Customers;

namespace Guanxi.Web.Features.Customers;

/// <summary>The customer API writes its enum values in lower camel case: "person", "organization", "mobile", "archived".</summary>
public static class CustomerJson
{
    public static readonly IReadOnlyList<JsonConverter> Converters =
    [
        new JsonStringEnumConverter<CustomerType>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<CustomerStatus>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<PhoneKind>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Gender>(JsonNamingPolicy.CamelCase),
    ];
}
