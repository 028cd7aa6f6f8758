using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;
using Guanxi.Domain.Surveys;
using Microsoft.AspNetCore.Authorization;

namespace Guanxi.Web.Shared.Auth;

/// <summary>
/// Rights for pages and endpoints that hide or guard a whole area (SEC-3), each granted by the domain's access rule — never
/// by a list of role names here. The handlers check the same rule themselves.
/// </summary>
public static class Policies
{
    /// <summary><see cref="AccountAccess.ManagesAccounts"/>.</summary>
    public const string ManageAccounts = nameof(ManageAccounts);

    /// <summary><see cref="AccountAccess.ReadsAudit"/>.</summary>
    public const string ViewAudit = nameof(ViewAudit);

    /// <summary>ARC-9: exporting customers (<see cref="CustomerAccess.CanExport"/>), for pages that hide the button.</summary>
    public const string ExportCustomers = nameof(ExportCustomers);

    /// <summary>SAT-6: the survey work queue (<see cref="SurveyAccess.SeesTasks"/>).</summary>
    public const string SeeSurveyTasks = nameof(SeeSurveyTasks);

    /// <summary>The survey work itself, customer service's (<see cref="SurveyAccess.RunsSurveys"/>): their menu opens the queue.</summary>
    public const string RunSurveys = nameof(RunSurveys);

    /// <summary>The satisfaction reports or one's own score (<see cref="SurveyAccess.ReadsReports"/>).</summary>
    public const string ReadSurveyReports = nameof(ReadSurveyReports);

    /// <summary>The reports on the customer base and the watch lists (<see cref="CustomerAccess.Oversees"/>): managers, customer service, leadership, administrators.</summary>
    public const string OverseeCustomers = nameof(OverseeCustomers);

    /// <summary>SVC-2: the complaints desk (<see cref="Domain.Complaints.ComplaintAccess.OpensDesk"/>).</summary>
    public const string SeeComplaints = nameof(SeeComplaints);

    /// <summary>SVC-9: the 服务分析 report (<see cref="ServiceReportAccess.Reads"/>).</summary>
    public const string ReadServiceReport = nameof(ReadServiceReport);

    /// <summary>SVC-3: the crisis warnings (<see cref="CrisisAccess.Reads"/>).</summary>
    public const string SeeCrisisWarnings = nameof(SeeCrisisWarnings);

    /// <summary>CAPA: the improvement measures' register (<see cref="Domain.Improvement.MeasureAccess.OpensRegister"/>).</summary>
    public const string SeeMeasures = nameof(SeeMeasures);

    /// <summary>SVC-5: bulk sends (<see cref="Domain.Messaging.MessagingAccess.SendsBulk"/>): the customer-service manager and department managers.</summary>
    public const string SendBulkMessages = nameof(SendBulkMessages);

    /// <summary>SVC-5: the outbox in one's sight (<see cref="Domain.Messaging.MessagingAccess.ReadsOutbox"/>).</summary>
    public const string ReadOutbox = nameof(ReadOutbox);

    public static AuthorizationBuilder AddGuanxiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ManageAccounts, p => Grant(p, AccountAccess.ManagesAccounts))
        .AddPolicy(ViewAudit, p => Grant(p, AccountAccess.ReadsAudit))
        .AddPolicy(ExportCustomers, p => Grant(p, CustomerAccess.CanExport))
        .AddPolicy(SeeSurveyTasks, p => Grant(p, SurveyAccess.SeesTasks))
        .AddPolicy(RunSurveys, p => Grant(p, SurveyAccess.RunsSurveys))
        .AddPolicy(ReadSurveyReports, p => Grant(p, SurveyAccess.ReadsReports))
        .AddPolicy(OverseeCustomers, p => Grant(p, CustomerAccess.Oversees))
        .AddPolicy(SeeComplaints, p => Grant(p, Domain.Complaints.ComplaintAccess.OpensDesk))
        .AddPolicy(ReadServiceReport, p => Grant(p, ServiceReportAccess.Reads))
        .AddPolicy(SeeCrisisWarnings, p => Grant(p, CrisisAccess.Reads))
        .AddPolicy(SeeMeasures, p => Grant(p, Domain.Improvement.MeasureAccess.OpensRegister))
        .AddPolicy(SendBulkMessages, p => Grant(p, Domain.Messaging.MessagingAccess.SendsBulk))
        .AddPolicy(ReadOutbox, p => Grant(p, Domain.Messaging.MessagingAccess.ReadsOutbox));

    /// <summary>A right as a rule over the caller's roles (these rules do not depend on the department).</summary>
    private static void Grant(AuthorizationPolicyBuilder policy, Func<Viewer, bool> rule) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context => CurrentUser.RolesOf(context.User) is { } viewer && rule(viewer));
}
