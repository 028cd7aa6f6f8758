using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Guanxi.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace Guanxi.Web.Shared.Api;

/// <summary>
/// A request the endpoint could not even bind — malformed JSON, a wrong type, an unknown enum value, a null where none
/// may be, a query value that is not a number, a body too large — answers 400 (or 413, 415) naming the field and the
/// reason in the caller's language, in every environment (binding throws instead of answering a bare 400:
/// <see cref="Microsoft.AspNetCore.Routing.RouteHandlerOptions.ThrowOnBadRequest"/>).
/// </summary>
public sealed partial class BadRequests(IOptions<JsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        // The handler runs outside the localization middleware, whose culture did not flow back: take the request's again.
        if (httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture.Culture, culture.UICulture);
        var error = Describe(bad);
        var result = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ResultHttp.Problem([JsonInputErrors.TooLarge(null)]),
            StatusCodes.Status415UnsupportedMediaType => TypedResults.Problem(statusCode: bad.StatusCode,
                title: Cultures.IsEnglish ? "Send the body as application/json." : "请以 application/json 格式发送请求内容。"),
            _ => ResultHttp.Problem([error]),
        };
        await result.ExecuteAsync(httpContext);
        return true;
    }

    private Error Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException body)
            return Describe(body);
        var parameter = ParameterPattern().Match(bad.Message);
        var name = parameter.Success ? parameter.Groups["name"].Value : "";
        if (bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) || bad.Message.StartsWith("Implicit body", StringComparison.Ordinal))
            return (name == "body" || bad.Message.Contains("from body", StringComparison.Ordinal) ? JsonInputErrors.Missing : JsonInputErrors.Required).At(name == "body" ? "" : name);
        var type = parameter.Success ? Resolve(parameter.Groups["type"].Value.TrimEnd('?')) : null;
        return (type is null ? JsonInputErrors.Value : JsonInput.Expected(type, json.Value.SerializerOptions)).At(name);
    }

    private Error Describe(JsonException exception)
    {
        var path = exception.Path;
        JsonInputException? ours = null;
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException { Path: { } p } && path is null)
                path = p;
            ours ??= e as JsonInputException;
        }
        var field = FieldOf(path, ours?.Below);
        if (ours is not null)
            return ours.Reason.At(field);
        var message = exception.Message;
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            return JsonInputErrors.TooDeep.At(field);
        if (message.Contains("doesn't allow setting null", StringComparison.Ordinal) || message.Contains("Null value not allowed", StringComparison.Ordinal))
            return JsonInputErrors.Required.At(field);
        var converted = ConvertedPattern().Match(message);
        if (converted.Success)
            return (Resolve(converted.Groups["type"].Value) is { } type ? JsonInput.Expected(ValueType(type, path), json.Value.SerializerOptions) : JsonInputErrors.Value).At(field);
        return JsonInputErrors.Syntax.At(field);
    }

    /// <summary>
    /// The type of the value that failed: the serializer names the record being built ("could not be converted to
    /// OrderBody", path "$.kind") when a constructor argument fails, so the path's last member is looked up on it (an
    /// item of a list: its element type); otherwise the type named is the value's own.
    /// </summary>
    private static Type ValueType(Type named, string? path)
    {
        var last = path?.Split('.')[^1];
        if (string.IsNullOrEmpty(last) || last == "$")
            return named;
        var indexed = last.EndsWith(']');
        var member = last.Split('[')[0];
        var property = named.GetProperties().FirstOrDefault(p => string.Equals(p.Name, member, StringComparison.OrdinalIgnoreCase));
        if (property is null)
            return named;
        var type = property.PropertyType;
        if (indexed && type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } list)
            return list.GetGenericArguments()[0];
        return type;
    }

    /// <summary>"$.items[0].name" → "items[0].name"; the root is the empty field (the body as a whole).</summary>
    private static string FieldOf(string? path, string? below)
    {
        var full = (path ?? "$") + below;
        return full.TrimStart('$').TrimStart('.');
    }

    /// <summary>The type a message names ("System.Nullable`1[System.DateOnly]", "Guanxi.Domain.Orders.OrderKind").</summary>
    private static Type? Resolve(string name)
    {
        name = name.Trim();
        if (Type.GetType(name) is { } system)
            return system;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name?.StartsWith("Guanxi", StringComparison.Ordinal) == true))
        {
            if (assembly.GetType(name) is { } ours)
                return ours;
        }
        return name.EndsWith("[]", StringComparison.Ordinal) || name.StartsWith("System.Collections", StringComparison.Ordinal) ? typeof(IEnumerable<object>)
            : name.StartsWith("Guanxi", StringComparison.Ordinal) ? typeof(object) : null;
    }

    [GeneratedRegex("parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\"")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex("could not be converted to (?<type>.+?)\\. (Path|LineNumber|$)")]
    private static partial Regex ConvertedPattern();
}
