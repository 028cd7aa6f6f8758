using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Features.Imports;

namespace Guanxi.Web.Features.Surveys;

/// <summary>Survey results as a kind of import (kind=surveys): started by those who run surveys, run by <see cref="RunSurveyImport"/>.</summary>
public sealed class SurveyImportKind(RunSurveyImport run) : IImportKind
{
    public static readonly Error InvalidMapping = new("import.survey_mapping", "调查结果的列对应关系无效：每列应为 orderNo、surveyedOn、method、comment、invalid、note、ignore 之一，或“q:问题编号”。",
        "A survey file's mapping is, per column, orderNo, surveyedOn, method, comment, invalid, note, ignore or \"q:<question id>\".", "mapping");

    public string Kind => RunSurveyImport.Kind;

    public bool Allows(Viewer viewer) => SurveyAccess.RunsSurveys(viewer);

    /// <summary>Per column a field (orderNo, surveyedOn, method, comment, invalid, note, ignore) or a question ("q:overall").</summary>
    public Result<string?> Mapping(string? mapping)
    {
        if (string.IsNullOrWhiteSpace(mapping))
            return Result<string?>.Ok(null);
        try
        {
            var roles = JsonSerializer.Deserialize<string[]>(mapping) ?? [];
            if (!roles.All(r => RunSurveyImport.Fields.Contains(r) || r.StartsWith(RunSurveyImport.QuestionPrefix, StringComparison.Ordinal) && r.Length is > 2 and <= 42))
                return InvalidMapping;
            return Result<string?>.Ok(roles.Length == 0 ? null : JsonSerializer.Serialize(roles));
        }
        catch (JsonException)
        {
            return InvalidMapping;
        }
    }

    public Task<IReadOnlyList<ImportError>> Run(ImportJob job, CancellationToken cancellationToken) => run.Handle(job, cancellationToken);
}
