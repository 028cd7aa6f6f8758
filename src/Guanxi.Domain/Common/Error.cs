namespace Guanxi.Domain.Common;

/// <summary>A rule that was not met: a stable code, a Chinese and an English message, and the field it concerns.</summary>
public sealed record Error(string Code, string Message, string MessageEn, string? Field = null)
{
    public string MessageFor(bool english) => english ? MessageEn : Message;
}

/// <summary>The outcome of a guarded state change: the value, or the errors that prevented it.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, IReadOnlyList<Error> errors) => (Value, Errors) = (value, errors);

    public T? Value { get; }
    public IReadOnlyList<Error> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static Result<T> Ok(T value) => new(value, []);
    public static Result<T> Fail(params Error[] errors) => new(default, errors);

    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(Error error) => Fail(error);
}
