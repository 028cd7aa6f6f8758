using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Features.Complaints;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>What a run of the crisis detector did: the series it checked and the warnings it raised.</summary>
public sealed record CrisisRun(DateTimeOffset End, int Series, int Fired, int Raised);

/// <summary>
/// SVC-3: the crisis detector. One grouped query counts the complaints of the last nine weeks per category, department and
/// slot (the last day or the rest of each week: <see cref="SpikeWindows.Thresholds"/>) — nothing but the groups leaves the
/// database. Every category's and department's last day and last week are then checked against the same windows of the
/// weeks before (<see cref="ComplaintSpikes"/>, the Przyborowski–Wilenski test), and a series that rose gets a warning
/// unless it has an open one for that window, or a closed one whose window overlaps this one: the customer-service managers and the executive VPs are told with the
/// figures in words, and the warning is recorded as a problem for improvement (issue 23 item 8).
/// </summary>
public sealed class RaiseCrisisWarnings(GuanxiDbContext db, ComplaintDesk desk, EnterpriseSettings settings, Notifier notifier, EnterpriseClock clock, TimeProvider time,
    ILogger<RaiseCrisisWarnings> logger)
{
    /// <summary>The detector's settings (<see cref="SpikePolicy"/>): baseline weeks, false-alarm rate, minimum counts; set through <see cref="SpikeSettings"/>.</summary>
    public const string SettingsKey = SpikePolicy.SettingsKey;

    public async Task<CrisisRun> Handle(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        var policy = await settings.Get(SettingsKey, new SpikePolicy(), cancellationToken);
        if (policy.Validate().Count > 0)
            policy = new SpikePolicy();
        var end = SpikeWindows.End(now);
        var series = SpikeWindows.Series(await Count(end, policy.BaselineWeeks, cancellationToken), policy.BaselineWeeks);
        var fired = series.Select(s => (Series: s, Check: ComplaintSpikes.Check(s.Window, s.Observed, s.Earlier, policy))).Where(x => x.Check.Fires).ToList();
        if (fired.Count == 0)
            return new(end, series.Count, 0, 0);

        // A series has at most one warning per window at a time: none while one is open, nor for a window overlapping the
        // one a closed warning counted (the same complaints are not warned of twice).
        var weekAgo = end.AddDays(-7);
        var recent = (await db.Set<CrisisWarning>().AsNoTracking().Where(w => w.Status == CrisisStatus.Open || w.WindowEnd > weekAgo)
            .Select(w => new { w.Kind, w.SeriesKey, w.Window, w.Status, w.WindowEnd }).ToListAsync(cancellationToken))
            .Where(w => w.Status == CrisisStatus.Open || w.WindowEnd > SpikeWindows.Bounds(end, w.Window, 0).From)
            .Select(w => (w.Kind, w.SeriesKey, w.Window)).ToHashSet();
        var raise = fired.Where(f => !recent.Contains((f.Series.Kind, f.Series.Key, f.Series.Window))).ToList();
        if (raise.Count == 0)
            return new(end, series.Count, fired.Count, 0);

        var categories = await desk.Categories(cancellationToken);
        var departments = await DepartmentNames.All(db, cancellationToken);
        var today = clock.Today;
        foreach (var (s, check) in raise)
        {
            var name = s.Kind == CrisisSeriesKind.Category ? ComplaintDesk.CategoryName(categories, s.Key) : departments.GetValueOrDefault(s.Department) ?? s.Key;
            var warning = CrisisWarning.Raise(s, check, name, end, now);
            db.Add(warning);
            db.Add(ServiceProblem.Raise(ServiceProblemKind.CrisisWarning, warning.Id, warning.DepartmentId, null,
                $"【危机预警】{CrisisTexts.Figures(warning, name, english: false)}", today, now));
            await notifier.ToRoles(CrisisAccess.Notified, (CrisisTexts.Title(s.Kind, name, false), CrisisTexts.Title(s.Kind, name, true)),
                ($"{CrisisTexts.Figures(warning, name, false)}请制定应对方案，并记录与客户、员工和媒体的沟通。",
                 $"{CrisisTexts.Figures(warning, name, true)} Write the response plan and record what is communicated to whom."),
                $"/alerts/complaints/{warning.Id}", cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run raised one of them meanwhile (the filtered unique index): the next run finds them open.
            logger.LogInformation("Crisis warnings: another run raised a warning meanwhile; nothing raised now");
            db.ChangeTracker.Clear();
            return new(end, series.Count, fired.Count, 0);
        }
        logger.LogInformation("Crisis warnings: {Raised} raised ({Fired} series above their usual level)", raise.Count, fired.Count);
        return new(end, series.Count, fired.Count, raise.Count);
    }

    /// <summary>
    /// The complaints of the nine weeks to <paramref name="end"/> per category, department and slot, in one grouped query:
    /// the slot is the first threshold (newest first) the complaint is not before.
    /// </summary>
    private async Task<List<SpikeCount>> Count(DateTimeOffset end, int weeks, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        object At(DateTimeOffset instant) => sqlite ? instant.UtcTicks : instant.ToUniversalTime();   // as the model stores instants
        var thresholds = SpikeWindows.Thresholds(end, weeks);
        var slot = string.Join(" ", thresholds.Select((_, i) => $"WHEN c.\"ReceivedAt\" >= @t{i} THEN {i}"));
        var counts = new List<SpikeCount>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"""
                SELECT c."Category", c."DepartmentId", CASE {slot} END, COUNT(*) FROM "Complaints" c
                WHERE c."ReceivedAt" >= @start AND c."ReceivedAt" < @end
                GROUP BY 1, 2, 3
                """;
            for (var i = 0; i < thresholds.Count; i++)
                SqlValues.Parameter(command, $"@t{i}", At(thresholds[i]));
            SqlValues.Parameter(command, "@start", At(SpikeWindows.Start(end, weeks)));
            SqlValues.Parameter(command, "@end", At(end));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (weeksBack, inDay) = SpikeWindows.Slot(Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
                counts.Add(new SpikeCount(reader.GetString(0), reader.GetGuid(1), weeksBack, inDay, Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return counts;
    }
}
