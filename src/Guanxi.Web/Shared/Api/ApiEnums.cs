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
        new JsonStringEnumConverter<CustomerType>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<CustomerStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<PhoneKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Gender>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<ImportStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<ImportMode>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Orders.OrderKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Grading.Tier>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Grading.TierMode>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Features.Jobs.JobStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Lifecycle.LifecycleStage>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Lifecycle.ChurnReason>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Grading.ProspectLevel>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Features.Grading.StructureDimension>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Tasks.CustomerTaskKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Features.Tasks.TaskState>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Credit.BusinessCondition>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Reviews.ReviewCategory>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Reviews.ReviewCause>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<RelationshipStage>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<RelationshipType>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<RelationshipPhase>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.SurveyKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.SurveyOutcome>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.SurveyMethod>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.AttemptResult>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.ExclusionReason>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.QuestionnaireKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.Dimension>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.AnswerScale>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.ChangeStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Features.Surveys.SurveyTaskStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.ReportKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.TargetStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.SurveyProblemKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.EscalationLevel>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.ProgramPopulation>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.ProgramCadence>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Surveys.ProgramMethod>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
        new JsonStringEnumConverter<Domain.Credit.CreditLevel>(namingPolicy: null, allowIntegerValues: false),   // AAA, AA, A, B, C as written
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
