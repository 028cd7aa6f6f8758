using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

public sealed record OverdueReasonBody(string? Reason);

/// <summary>
/// SAT-3: a case that cannot be surveyed in its window needs a reason; the monthly report states each one. The version of
/// the task read with it must come back (If-Match).
/// </summary>
public sealed class ExplainOverdueSurvey(GuanxiDbContext db, Customers.CustomerViewers viewers)
{
    public async Task<Result<Done>> Handle(Guid taskId, string? reason, Guid? version, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.RunsSurveys(viewer))
            return SurveyErrors.NotCustomerService;
        if (await db.Set<SurveyTask>().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) is not { } task)
            return SurveyErrors.TaskNotFound;
        if (Versions.Check(version, task.Version, required: true) is { } stale)
            return stale;
        var explained = task.ExplainOverdue(reason);
        if (!explained.Succeeded)
            return Result<Done>.Fail(explained.Errors);
        return await db.SaveOrRacedAsync(Versions.Stale, cancellationToken) is { } raced ? raced : Done.Value;
    }
}
