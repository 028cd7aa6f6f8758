using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

public sealed record SurveyProblemView(Guid Id, SurveyProblemKind Kind, string KindText, EscalationLevel Level, string LevelText, Guid TaskId, string Customer,
    string? Department, string? QuestionId, int Count, string Description, DateOnly RaisedOn);

/// <summary>SAT-11: the problems escalated from surveys, newest first, for customer service and leadership.</summary>
public sealed class ListSurveyProblems(GuanxiDbContext db, Customers.CustomerViewers viewers, EnterpriseClock clock)
{
    /// <summary>The problems raised between <paramref name="first"/> and <paramref name="last"/> (default the last 30 days).</summary>
    public async Task<Result<IReadOnlyList<SurveyProblemView>>> Handle(DateOnly? first = null, DateOnly? last = null, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.SeesTasks(viewer))
            return SurveyErrors.NotCustomerService;
        var (since, until) = (first ?? clock.Today.AddDays(-30), last ?? clock.Today);
        var english = Cultures.IsEnglish;
        var rows = await (from p in db.Set<SurveyProblem>().AsNoTracking()
                          join t in db.Set<SurveyTask>() on p.TaskId equals t.Id
                          join c in db.Set<Customer>() on t.CustomerId equals c.Id
                          where p.RaisedOn >= since && p.RaisedOn <= until
                          orderby p.RaisedAt descending
                          select new { p, Customer = c.Name }).Take(500).ToListAsync(cancellationToken);
        var departments = await DepartmentNames.All(db, cancellationToken);
        return Result<IReadOnlyList<SurveyProblemView>>.Ok([.. rows.Select(x => new SurveyProblemView(x.p.Id, x.p.Kind, SurveyTexts.Problem(x.p.Kind, english), x.p.Level,
            SurveyTexts.Level(x.p.Level, english), x.p.TaskId, x.Customer, departments.GetValueOrDefault(x.p.DepartmentId), x.p.QuestionId, x.p.Count, x.p.Description, x.p.RaisedOn))]);
    }
}
