using Guanxi.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Guanxi.Web.Shared.Api;

/// <summary>Errors become ProblemDetails in one place: a 400 with a reason per field, in the caller's language.</summary>
public static class Problems
{
    public static ValidationProblem Validation(IEnumerable<Error> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field ?? "")
                .ToDictionary(g => g.Key, g => g.Select(e => e.MessageFor(Cultures.IsEnglish)).ToArray()),
            title: Cultures.IsEnglish ? "Some fields need attention." : "请检查填写的内容。");

    public static ValidationProblem Validation(params Error[] errors) => Validation(errors.AsEnumerable());

    /// <summary>Identity's errors, each put on the field it concerns.</summary>
    public static IEnumerable<Error> FromIdentity(IdentityResult result) =>
        result.Errors.Select(e => e.Code == "ConcurrencyFailure" ? Domain.Accounts.StaffErrors.Changed : new Error(e.Code, e.Description, e.Description, FieldOf(e.Code)));

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) || code.StartsWith("password", StringComparison.Ordinal) ? "password"
        : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? "email"
        : "";
}
