using Guanxi.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

    /// <summary>
    /// <c>POST /{id}/{name}</c>: an action on a versioned record with a JSON body and an optional If-Match, answered with the
    /// record and its new ETag. A missing or null body is a 400 here (a generic body's nullability is unknown to the binder).
    /// </summary>
    public static RouteHandlerBuilder MapVersionedAction<TBody, TView>(this RouteGroupBuilder api, string name, Func<TView, Guid> versionOf,
        Func<Guid, TBody, Guid?, IServiceProvider, CancellationToken, Task<Result<TView>>> act)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.MapPost($"/{{id:guid}}/{name}", async (Guid id, TBody body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext context, CancellationToken ct) =>
                body is null
                    ? ResultHttp.Problem([JsonInputErrors.Missing.At("")])
                    : (await act(id, body, Version(ifMatch), context.RequestServices, ct)).ToHttp(view => Tagged(context.Response, versionOf(view), view)))
            .Produces<TView>();
    }
}
