namespace Guanxi.Domain.Common;

/// <summary>
/// Optimistic concurrency, stated once: a person's change of a versioned record names the version they read (If-Match);
/// none is refused where the contract requires it, an older one too — nobody's change silently overwrites another's.
/// </summary>
public static class Versions
{
    public static readonly Error Required = new("version.required", "请带上读取时的版本（If-Match），以免覆盖他人的修改。",
        "Send the version you read (If-Match) so that nobody's change is overwritten.", "version", ErrorKind.PreconditionRequired);

    public static readonly Error Stale = new("version.stale", "该记录刚被其他人修改过，请刷新后重试。",
        "Someone else changed this record just now; reload and try again.", "version", ErrorKind.PreconditionFailed);

    /// <summary>Two people acted on the same record at once and the other was first (the save found a newer version).</summary>
    public static readonly Error Raced = Error.Conflict("version.raced", "该记录刚被其他人处理，请刷新后查看。",
        "Someone else acted on this record at the same moment; reload to see it.", "version");

    /// <param name="read">The version the caller read, or null when it sent none.</param>
    /// <param name="current">The version on record.</param>
    /// <param name="required">Whether the contract requires one (every PUT of a versioned record); an action may send one.</param>
    public static Error? Check(Guid? read, Guid current, bool required) =>
        read is null ? required ? Required : null
        : read != current ? Stale
        : null;
}
