using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Data;
using Guanxi.Web.Shared.Api;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Improvement;

/// <summary>
/// CAPA-1, CAPA-2: customer service (or leadership) reports a problem to the executive VP as an improvement measure — from
/// an escalated survey result, a complaint marked as needing a measure, a crisis warning, an inspection finding, or by
/// hand. One measure per problem; the problem's figure becomes the figure to watch; the VPs are told at once.
/// </summary>
public sealed class RaiseMeasure(GuanxiDbContext db, MeasureDesk desk, MeasureSources sources, TimeProvider time)
{
    public async Task<Result<MeasureView>> Handle(RaiseMeasureBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!MeasureAccess.CanRaise(viewer))
            return MeasureErrors.NotRaiser;
        var errors = new List<Error>();
        if (!ApiEnums.TryParse<MeasureSourceKind>(body.Source?.Kind, out var kind) || kind is null)
            errors.Add(MeasureErrors.SourceUnknown);
        MeasureSource? source = null;
        if (kind is { } k && k != MeasureSourceKind.Manual && body.Source?.Id is { } sourceId)
        {
            source = await sources.Find(viewer, k, sourceId, cancellationToken);
            if (source is null)
                errors.Add(MeasureErrors.SourceNotFound);
            else if (await db.Set<Measure>().Where(m => m.SourceKind == k && m.SourceId == sourceId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken) is { } taken)
                return MeasureErrors.SourceTaken with { Extensions = new Dictionary<string, object?> { ["measureId"] = taken } };
        }
        var departmentId = body.DepartmentId ?? source?.DepartmentId;
        if (departmentId is not { } department || !await desk.DepartmentExists(department, cancellationToken))
            errors.Add(MeasureErrors.DepartmentNotFound);
        var now = time.GetUtcNow();
        var raised = Measure.Raise(await Number(cancellationToken), kind ?? MeasureSourceKind.Manual, kind is null ? null : body.Source?.Id, body.Title, body.Description, departmentId ?? Guid.Empty,
            source?.Metric, Actor.Staff(viewer.UserId), now, desk.DayOf(time.GetUtcNow()));
        errors.AddRange(raised.Errors.Where(e => !errors.Any(x => x.Field == e.Field)));
        if (errors.Count > 0)
            return Result<MeasureView>.Fail(errors);
        var measure = raised.Value!;
        db.Add(measure);
        await desk.ToVp(measure, ("新的改进措施待填写意见", "A new improvement measure awaits your opinion"), (measure.Description, measure.Description), cancellationToken);
        if (await db.SaveOrRacedAsync(MeasureErrors.SourceTaken, cancellationToken) is { } raced)
            return raced;
        return await desk.View(new MeasureAtHand(viewer, measure), cancellationToken);
    }

    /// <summary>
    /// What the form starts from when a measure is raised from a problem: its department and its words (for the reporter to
    /// keep or rewrite), and whether it already has a measure.
    /// </summary>
    public async Task<Result<MeasureDraft>> Draft(MeasureSourceKind kind, Guid sourceId, CancellationToken cancellationToken = default)
    {
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!MeasureAccess.CanRaise(viewer))
            return MeasureErrors.NotRaiser;
        if (kind == MeasureSourceKind.Manual || await sources.Find(viewer, kind, sourceId, cancellationToken) is not { } source)
            return MeasureErrors.SourceNotFound with { Kind = ErrorKind.NotFound };
        var taken = await db.Set<Measure>().Where(m => m.SourceKind == kind && m.SourceId == sourceId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        return new MeasureDraft(kind, sourceId, source.DepartmentId, source.Anonymous, taken);
    }

    /// <summary>The next number of the year, GJ20260001 (改进, the year, the count) (a number taken by someone at the same moment loses the race: a 409 to try again).</summary>
    private async Task<string> Number(CancellationToken cancellationToken)
    {
        var prefix = $"GJ{desk.DayOf(time.GetUtcNow()).Year}";
        var count = await db.Set<Measure>().CountAsync(m => m.Number.StartsWith(prefix), cancellationToken);
        return $"{prefix}{count + 1:0000}";
    }
}
