using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// A kind of import that another feature brings to the pipeline (kind=surveys): who may start it, how its mapping is
/// checked, how a file of it runs. The feature registers it in DI; <see cref="StartImport"/> and <see cref="ImportWorker"/>
/// find it by <see cref="Kind"/> and know nothing else of it.
/// </summary>
public interface IImportKind
{
    string Kind { get; }

    /// <summary>Whether the caller may import files of this kind.</summary>
    bool Allows(Viewer viewer);

    /// <summary>The mapping as the job keeps it (null for none), or why it is not one of this kind.</summary>
    Result<string?> Mapping(string? mapping);

    /// <summary>Runs the job as the user who started it; the rows refused, with their reasons.</summary>
    Task<IReadOnlyList<ImportError>> Run(ImportJob job, CancellationToken cancellationToken);
}
