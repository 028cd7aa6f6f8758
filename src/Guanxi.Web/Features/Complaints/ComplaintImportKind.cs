using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Web.Features.Imports;

namespace Guanxi.Web.Features.Complaints;

/// <summary>Complaints as a kind of import (kind=complaints): started by those who record complaints, run by <see cref="RunComplaintImport"/>.</summary>
public sealed class ComplaintImportKind(RunComplaintImport run) : IImportKind
{
    public static readonly Error InvalidMapping = new("import.complaint_mapping",
        $"投诉文件的列对应关系无效：每列应为 {string.Join("、", ComplaintRowReader.Fields)} 之一。",
        $"A complaint file's mapping is, per column, one of {string.Join(", ", ComplaintRowReader.Fields)}.", "mapping");

    public string Kind => RunComplaintImport.Kind;

    public bool Allows(Viewer viewer) => ComplaintAccess.Records(viewer);

    /// <summary>Per column a field: customer, mobile, receivedAt, channel, category, severity, touchpoint, summary, details, orderNo or ignore.</summary>
    public Result<string?> Mapping(string? mapping)
    {
        if (string.IsNullOrWhiteSpace(mapping))
            return Result<string?>.Ok(null);
        try
        {
            var fields = JsonSerializer.Deserialize<string[]>(mapping) ?? [];
            if (!fields.All(f => ComplaintRowReader.Fields.Contains(f)))
                return InvalidMapping;
            return Result<string?>.Ok(fields.Length == 0 ? null : JsonSerializer.Serialize(fields));
        }
        catch (JsonException)
        {
            return InvalidMapping;
        }
    }

    public Task<IReadOnlyList<ImportError>> Run(ImportJob job, CancellationToken cancellationToken) => run.Handle(job, cancellationToken);
}
