using Guanxi.Domain.Accounts;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Surveys;

/// <summary>SAT-6 and the procedure's duties: who runs surveys, who generates them, who sees the task lists.</summary>
public static class SurveyAccess
{
    /// <summary>The customer-service department: runs the surveys and, until publication, alone sees answers.</summary>
    public static bool RunsSurveys(CurrentUser user) => Roles.All.Any(r => r.IsCustomerService() && user.IsIn(r));

    /// <summary>Generating tasks now, besides the daily job: the customer-service manager and administrators.</summary>
    public static bool Generates(CurrentUser user) => user.IsIn(Role.CustomerServiceManager) || user.IsIn(Role.Administrator);

    /// <summary>The task lists (no answers): customer service, and leadership read-only.</summary>
    public static bool SeesTasks(CurrentUser user) => RunsSurveys(user) || user.IsIn(Role.GeneralManager) || user.IsIn(Role.ExecutiveVp);

    /// <summary>The same rights, for a page's signed-in user.</summary>
    public static bool RunsSurveys(System.Security.Claims.ClaimsPrincipal user) => Roles.All.Any(r => r.IsCustomerService() && user.IsInRole(r.ToString()));

    public static bool SeesTasks(System.Security.Claims.ClaimsPrincipal user) =>
        RunsSurveys(user) || user.IsInRole(nameof(Role.GeneralManager)) || user.IsInRole(nameof(Role.ExecutiveVp));

    /// <summary>
    /// SAT-6, SAT-10: who reads a satisfaction report, and how much of it. Customer service reads all of every report.
    /// Leadership reads the figures at once and the cases (answers, comments) once the month is published. Department
    /// managers read their department's daily and weekly figures, its monthly report once published, and the personal
    /// scores of their staff; administration reads the personal scores (SAT-12); a member of staff reads only their own
    /// personal score, once the month is published. Null: not at all.
    /// </summary>
    public static ReportSight? Sight(CurrentUser user, Domain.Customers.Viewer viewer, Domain.Surveys.ReportKind kind, bool published, string? staffId)
    {
        if (RunsSurveys(user))
            return new ReportSight(null, true);
        if (user.IsIn(Role.GeneralManager) || user.IsIn(Role.ExecutiveVp))
            return new ReportSight(null, published);
        if (kind == Domain.Surveys.ReportKind.Personal)
        {
            if (user.IsIn(Role.Administration))
                return new ReportSight(null, false);
            if (user.IsIn(Role.DepartmentManager))
                return new ReportSight(viewer.DepartmentId, false);
            return published && staffId == viewer.UserId ? new ReportSight(viewer.DepartmentId, false) : null;
        }
        if (user.IsIn(Role.DepartmentManager) && (kind != Domain.Surveys.ReportKind.Monthly || published))
            return new ReportSight(viewer.DepartmentId, published);
        return null;
    }
}

/// <summary>What of a report the caller reads: one department's (or all when null), and whether its cases — answers and comments.</summary>
public sealed record ReportSight(Guid? Department, bool Cases);
