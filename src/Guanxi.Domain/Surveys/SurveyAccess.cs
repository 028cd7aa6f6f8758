using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;

namespace Guanxi.Domain.Surveys;

/// <summary>
/// SAT-6 and the procedure's duties, each stated once: who runs the surveys, who generates them, who sees the task lists,
/// the call sheets and their answers, who changes questionnaires and programs, and how much of a report each reads. The
/// handlers ask it for every record they read or write; a page asks it only to hide what the handler would refuse.
/// </summary>
public static class SurveyAccess
{
    /// <summary>The customer-service department: runs the surveys and, until publication, alone reads the answers.</summary>
    public static bool RunsSurveys(Viewer viewer) => viewer.IsCustomerService;

    /// <summary>Generating tasks and drawing programs now (besides the daily job), and defining programs: the customer-service manager and administrators.</summary>
    public static bool Generates(Viewer viewer) => viewer.Is(Role.CustomerServiceManager) || viewer.Is(Role.Administrator);

    /// <summary>The task lists, the escalated problems and the programs (no answers): customer service, and leadership read-only.</summary>
    public static bool SeesTasks(Viewer viewer) => RunsSurveys(viewer) || viewer.IsLeadership;

    /// <summary>
    /// The satisfaction reports, as a menu offers them: customer service, leadership, department managers and
    /// administration read reports; those who serve customers read their own score (<see cref="Sight"/> decides how much).
    /// </summary>
    public static bool ReadsReports(Viewer viewer) =>
        RunsSurveys(viewer) || viewer.IsLeadership || viewer.Is(Role.DepartmentManager) || viewer.Is(Role.Administration)
        || viewer.Is(Role.SalesConsultant) || viewer.Is(Role.ServiceAdvisor);

    /// <summary>SAT-2: a callback specialist works their own queue; the customer-service manager, the duty manager and leadership watch everyone's.</summary>
    public static bool WatchesEveryQueue(Viewer viewer) => viewer.Is(Role.CustomerServiceManager) || viewer.Is(Role.DutyManager) || viewer.IsLeadership;

    /// <summary>Whether the caller opens call sheets at all: those who see the lists, and department managers (their department's).</summary>
    public static bool OpensCallSheets(Viewer viewer) => SeesTasks(viewer) || viewer.Is(Role.DepartmentManager);

    /// <summary>A task's call sheet: those who see the lists, and the manager of the task's department; to others it is not there.</summary>
    public static bool OpensCallSheet(Viewer viewer, Guid taskDepartmentId) =>
        SeesTasks(viewer) || viewer.Is(Role.DepartmentManager) && viewer.DepartmentId == taskDepartmentId;

    /// <summary>SAT-6: the answers on a call sheet the caller opens: customer service always, the others once the answer's month is published.</summary>
    public static bool ReadsAnswers(Viewer viewer, bool published) => RunsSurveys(viewer) || published;

    /// <summary>SAT-6: a month's results are published by the customer-service manager.</summary>
    public static bool Publishes(Viewer viewer) => viewer.Is(Role.CustomerServiceManager);

    /// <summary>SAT-8: a change of a questionnaire is requested, for the caller's department, by its manager or the customer-service manager.</summary>
    public static bool RequestsChanges(Viewer viewer) => viewer.Is(Role.DepartmentManager) || viewer.Is(Role.CustomerServiceManager);

    /// <summary>SAT-8: the parties the caller agrees for: the requesting department's manager, the customer-service manager, the executive VP.</summary>
    public static IReadOnlyList<ChangeParty> PartiesOf(Viewer viewer, Guid changeDepartmentId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var parties = new List<ChangeParty>();
        if (RequestsChanges(viewer) && viewer.DepartmentId == changeDepartmentId)
            parties.Add(ChangeParty.Department);
        if (viewer.Is(Role.CustomerServiceManager))
            parties.Add(ChangeParty.CustomerService);
        if (viewer.Is(Role.ExecutiveVp))
            parties.Add(ChangeParty.ExecutiveVp);
        return parties;
    }

    /// <summary>
    /// SAT-6, SAT-10: who reads a satisfaction report, and how much of it. Customer service reads all of every report.
    /// Leadership reads the figures at once and the cases (answers, comments) once the month is published. Department
    /// managers read their department's daily and weekly figures, its monthly report once published, and the personal
    /// scores of their staff; administration reads the personal scores (SAT-12); a member of staff reads only their own
    /// personal score, once the month is published. Null: not at all.
    /// </summary>
    public static ReportSight? Sight(Viewer viewer, ReportKind kind, bool published, string? staffId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (RunsSurveys(viewer))
            return new ReportSight(null, true);
        if (viewer.IsLeadership)
            return new ReportSight(null, published);
        if (kind == ReportKind.Personal)
        {
            if (viewer.Is(Role.Administration))
                return new ReportSight(null, false);
            if (viewer.Is(Role.DepartmentManager))
                return new ReportSight(viewer.DepartmentId, false);
            return published && staffId == viewer.UserId ? new ReportSight(viewer.DepartmentId, false) : null;
        }
        if (viewer.Is(Role.DepartmentManager) && (kind != ReportKind.Monthly || published))
            return new ReportSight(viewer.DepartmentId, published);
        return null;
    }
}

/// <summary>What of a report the caller reads: one department's (or all when null), and whether its cases — answers and comments.</summary>
public sealed record ReportSight(Guid? Department, bool Cases);
