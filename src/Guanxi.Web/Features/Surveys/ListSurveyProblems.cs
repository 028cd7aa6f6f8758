using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

public sealed record SurveyProblemView(Guid Id, SurveyProblemKind Kind, string KindText, EscalationLevel Level, string LevelText, Guid TaskId, string Customer,
    string? Department, string? QuestionId, int Count, string Description, DateOnly RaisedOn);

/// <summary>SAT-11: the problems escalated from surveys, newest first, for customer service and leadership.</summary>
public sealed class ListSurveyProblems(GuanxiDbContext db)
{
    public async Task<IReadOnlyList<SurveyProblemView>> Handle(DateOnly first, DateOnly last, bool english, CancellationToken cancellationToken = default)
    {
        var rows = await (from p in db.Set<SurveyProblem>().AsNoTracking()
                          join t in db.Set<SurveyTask>() on p.TaskId equals t.Id
                          join c in db.Set<Customer>() on t.CustomerId equals c.Id
                          where p.RaisedOn >= first && p.RaisedOn <= last
                          orderby p.RaisedAt descending
                          select new { p, Customer = c.Name }).Take(500).ToListAsync(cancellationToken);
        var departments = await DepartmentNames.All(db, cancellationToken);
        return [.. rows.Select(x => new SurveyProblemView(x.p.Id, x.p.Kind, SurveyTexts.Problem(x.p.Kind, english), x.p.Level, SurveyTexts.Level(x.p.Level, english), x.p.TaskId,
            x.Customer, departments.GetValueOrDefault(x.p.DepartmentId), x.p.QuestionId, x.p.Count, x.p.Description, x.p.RaisedOn))];
    }
}
