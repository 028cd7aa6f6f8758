using Microsoft.AspNetCore.Http.HttpResults;

namespace Guanxi.Web.Shared.Api;

/// <summary>Versions travel as ETags ("\"{guid}\"") and come back in If-Match.</summary>
public static class ETags
{
    /// <summary>The version an If-Match header names, or null when it names none (a 428 for a versioned resource).</summary>
    public static Guid? Version(string? ifMatch) => Guid.TryParse(ifMatch?.Trim().Trim('"'), out var version) ? version : null;

    /// <summary>A 200 with the record and its version as the ETag, for the next If-Match.</summary>
    public static Ok<T> Tagged<T>(HttpResponse response, Guid version, T value)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = $"\"{version}\"";
        return TypedResults.Ok(value);
    }
}
