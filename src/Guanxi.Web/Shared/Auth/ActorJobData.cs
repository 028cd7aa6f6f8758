using Guanxi.Domain.Common;
using Quartz;

namespace Guanxi.Web.Shared.Auth;

/// <summary>Who started a background job, carried in its Quartz data as the actor's id and cause (never a name).</summary>
public static class ActorJobData
{
    private const string Id = "byId", Cause = "byCause";

    public static JobDataMap For(Actor by)
    {
        var data = new JobDataMap { [Id] = by.Id };
        if (by.Cause is { } cause)
            data[Cause] = cause.ToString();
        return data;
    }

    /// <summary>The actor the job was started for, or <paramref name="otherwise"/> (the system, on schedule).</summary>
    public static Actor ActorOr(this JobDataMap data, Actor otherwise) =>
        data.TryGetString(Id, out var id) && !string.IsNullOrEmpty(id)
            ? new Actor(id, data.TryGetString(Cause, out var cause) && Enum.TryParse<ActorCause>(cause, out var known) ? known : null)
            : otherwise;
}
