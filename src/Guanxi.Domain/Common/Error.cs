namespace Guanxi.Domain.Common;

/// <summary>What kind of refusal an error is: the caller's input, a record that is not there for them, their right, the state of the record.</summary>
public enum ErrorKind
{
    /// <summary>The input breaks a rule; the field says which part (a 400 per field).</summary>
    Validation,

    /// <summary>The caller is not (or no longer) a signed-in member of staff (a 401).</summary>
    Unauthorized,

    /// <summary>The record does not exist, or is outside the caller's sight (never confirmed to exist).</summary>
    NotFound,

    /// <summary>The caller may not do this (a 403 with the reason).</summary>
    Forbidden,

    /// <summary>The record's state does not allow it, or it would duplicate another (a 409).</summary>
    Conflict,

    /// <summary>The record changed since the caller read it (a 412).</summary>
    PreconditionFailed,

    /// <summary>The caller must say which version they read (a 428).</summary>
    PreconditionRequired,

    /// <summary>Too many tries in too short a time (a 429).</summary>
    TooManyRequests,

    /// <summary>The request or file is bigger than allowed (a 413).</summary>
    TooLarge,
}

/// <summary>A rule that was not met: a stable code, a Chinese and an English message, the field it concerns and its kind.</summary>
public sealed record Error(string Code, string Message, string MessageEn, string? Field = null, ErrorKind Kind = ErrorKind.Validation)
{
    public string MessageFor(bool english) => english ? MessageEn : Message;

    /// <summary>What a client needs beside the reason (a 409's likely duplicates), written into the answer as its own members.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>The same rule about another field (an item of a list: "items[2].name").</summary>
    public Error At(string? field) => this with { Field = field };

    /// <summary>What a refusal is: the kind of its first error that is not about the input, else validation.</summary>
    public static ErrorKind KindOf(IEnumerable<Error> errors) => errors.FirstOrDefault(e => e.Kind != ErrorKind.Validation)?.Kind ?? ErrorKind.Validation;

    /// <summary>The caller has no account (signed out, or the account is gone).</summary>
    public static readonly Error SignedOut = new("auth.signed_out", "请先登录。", "Sign in first.", Kind: ErrorKind.Unauthorized);

    public static Error NotFound(string code, string message, string messageEn) => new(code, message, messageEn, Kind: ErrorKind.NotFound);

    public static Error Forbidden(string code, string message, string messageEn) => new(code, message, messageEn, Kind: ErrorKind.Forbidden);

    public static Error Conflict(string code, string message, string messageEn, string? field = null) => new(code, message, messageEn, field, ErrorKind.Conflict);
}

/// <summary>The outcome of a use case: the value, or the errors that prevented it (the first error not about the input decides the answer).</summary>
public readonly record struct Result<T>
{
    private Result(T? value, IReadOnlyList<Error> errors) => (Value, Errors) = (value, errors);

    public T? Value { get; }
    public IReadOnlyList<Error> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The kind of refusal (<see cref="Error.KindOf"/>).</summary>
    public ErrorKind Kind => Error.KindOf(Errors);

    public static Result<T> Ok(T value) => new(value, []);
    public static Result<T> Fail(params Error[] errors) => new(default, errors);
    public static Result<T> Fail(IEnumerable<Error> errors) => new(default, [.. errors]);

    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(Error error) => Fail(error);
}

/// <summary>Nothing to return but success: <c>Result&lt;Done&gt;</c>.</summary>
public readonly record struct Done
{
    public static readonly Done Value;
}
