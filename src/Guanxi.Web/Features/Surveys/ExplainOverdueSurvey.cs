using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

public sealed record OverdueReasonBody(string? Reason);

/// <summary>SAT-3: a case that cannot be surveyed in its window needs a reason; the monthly report states each one.</summary>
public sealed class ExplainOverdueSurvey(GuanxiDbContext db, CurrentUser user)
{
    /// <returns>Null when there is no such task.</returns>
    public async Task<Result<SurveyTask>?> Handle(Guid taskId, string? reason, CancellationToken cancellationToken = default)
    {
        if (await db.Set<SurveyTask>().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) is not { } task)
            return null;
        if (!SurveyAccess.RunsSurveys(user))
            return SurveyFeature.NotCustomerService;
        var explained = task.ExplainOverdue(reason);
        if (explained.Succeeded)
            await db.SaveChangesAsync(cancellationToken);
        return explained;
    }
}
