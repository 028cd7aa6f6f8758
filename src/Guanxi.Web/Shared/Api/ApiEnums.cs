using System.Text.Json;
using System.Text.Json.Serialization;
using Guanxi.Domain.Customers;
using Guanxi.Web.Features.Imports;

namespace Guanxi.Web.Shared.Api;

/// <summary>
/// Enum values in the API. The customer and import contracts write theirs in lower camel case ("person", "mobile",
/// "archived", "dryRun", "succeeded"); other enums keep their names, which are also ids (roles). All read in any case.
/// </summary>
public static class ApiEnums
{
    public static readonly IReadOnlyList<JsonConverter> CamelCase =
    [
        new JsonStringEnumConverter<CustomerType>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<CustomerStatus>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<PhoneKind>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Gender>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<ImportStatus>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<ImportMode>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Orders.OrderKind>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Grading.Tier>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Grading.TierMode>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Features.Jobs.JobStatus>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Lifecycle.LifecycleStage>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Lifecycle.ChurnReason>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Grading.ProspectLevel>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Features.Grading.StructureDimension>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Tasks.CustomerTaskKind>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Features.Tasks.TaskState>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Credit.BusinessCondition>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Reviews.ReviewCategory>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Reviews.ReviewCause>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<RelationshipStage>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<RelationshipType>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<RelationshipPhase>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.SurveyKind>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.SurveyOutcome>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.SurveyMethod>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.AttemptResult>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.ExclusionReason>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.QuestionnaireKind>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.Dimension>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.AnswerScale>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.ChangeStatus>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Features.Surveys.SurveyTaskStatus>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.ReportKind>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.TargetStatus>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.SurveyProblemKind>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.EscalationLevel>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.ProgramPopulation>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.ProgramCadence>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Surveys.ProgramMethod>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Domain.Credit.CreditLevel>(),   // AAA, AA, A, B, C as written
    ];

    /// <summary>A query or form value by its name in any case; blank is no value; numbers and unknown names are refused.</summary>
    public static bool TryParse<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!Enum.TryParse<T>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || text.Any(char.IsAsciiDigit))
            return false;
        value = parsed;
        return true;
    }
}
