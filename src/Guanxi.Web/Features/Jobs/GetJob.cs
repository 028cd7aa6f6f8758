using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;

namespace Guanxi.Web.Features.Jobs;

/// <summary>A background job's progress, for the member of staff who started it and administrators; not found for anyone else.</summary>
public sealed class GetJob(JobRuns runs, CurrentUser user)
{
    public static readonly Error NotFound = Error.NotFound("job.not_found", "后台任务不存在。", "No such background job.");

    public async Task<Result<JobView>> Handle(Guid id, CancellationToken cancellationToken = default) =>
        await runs.Get(id, cancellationToken) is { } run && (run.UserId == user.Id || user.IsIn(Domain.Accounts.Role.Administrator)) ? run : NotFound;
}
