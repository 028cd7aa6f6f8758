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
}
