using Guanxi.Domain.Common;

namespace Guanxi.Web.Shared.Api;

/// <summary>
/// The one mapping from a use case's <see cref="Result{T}"/> to the HTTP answer: the value (200, or what the endpoint
/// chooses), a 400 with a reason per field, 404, 403 with the reason, 409, 412, 428, 429 or 413 — each a ProblemDetails
/// in the caller's language. Endpoints never decide a status from an error themselves.
/// </summary>
public static class ResultHttp
{
    public static IResult ToHttp<T>(this Result<T> result) => result.ToHttp(value => TypedResults.Ok(value));

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> ok) =>
        result.Succeeded ? ok(result.Value!) : Problem(result.Errors);

    public static async Task<IResult> ToHttp<T>(this Result<T> result, Func<T, Task<IResult>> ok) =>
        result.Succeeded ? await ok(result.Value!) : Problem(result.Errors);

    /// <summary>The refusal's answer; its status is the kind of the first error that is not about the input.</summary>
    public static IResult Problem(IReadOnlyList<Error> errors)
    {
        var kind = Error.KindOf(errors);
        if (kind == ErrorKind.Validation)
            return Problems.Validation(errors);
        var english = Cultures.IsEnglish;
        var first = errors.First(e => e.Kind == kind);
        var fields = errors.Where(e => e.Field is not null).GroupBy(e => e.Field!).ToDictionary(g => g.Key, g => (object?)g.Select(e => e.MessageFor(english)).ToArray());
        var extensions = new Dictionary<string, object?> { ["code"] = first.Code, ["errors"] = fields };
        foreach (var (key, value) in first.Extensions ?? new Dictionary<string, object?>())
            extensions[key] = value;
        return TypedResults.Problem(statusCode: StatusOf(kind), title: first.MessageFor(english), extensions: extensions);
    }

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };
}
