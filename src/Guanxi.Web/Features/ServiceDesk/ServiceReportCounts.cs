using System.Data.Common;
using System.Globalization;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.ServiceDesk;

/// <summary>The sums of one group of complaints: what every figure of the report is made of.</summary>
public sealed record ComplaintTally(
    long Complaints = 0, long Responded = 0, long ResponseMet = 0, long ResponseLate = 0, long ResponseSeconds = 0, long Resolved = 0, long ResolutionMet = 0,
    long ResolutionLate = 0, long ResolutionSeconds = 0, long Reopened = 0, long Satisfied = 0, long Dissatisfied = 0, long NotReached = 0)
{
    /// <summary>Not resolved (or reopened and not resolved again).</summary>
    public long Open => Complaints - Resolved;

    public static ComplaintTally operator +(ComplaintTally a, ComplaintTally b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Complaints + b.Complaints, a.Responded + b.Responded, a.ResponseMet + b.ResponseMet, a.ResponseLate + b.ResponseLate, a.ResponseSeconds + b.ResponseSeconds,
            a.Resolved + b.Resolved, a.ResolutionMet + b.ResolutionMet, a.ResolutionLate + b.ResolutionLate, a.ResolutionSeconds + b.ResolutionSeconds, a.Reopened + b.Reopened,
            a.Satisfied + b.Satisfied, a.Dissatisfied + b.Dissatisfied, a.NotReached + b.NotReached);
    }

    public long ResponseDecided => Responded + ResponseLate;

    public long ResolutionDecided => Resolved + ResolutionLate;
}

/// <summary>The period's complaints grouped every way the report needs, and the two histograms of working time.</summary>
public sealed class ComplaintGroups
{
    public ComplaintTally Total { get; set; } = new();
    public Dictionary<string, ComplaintTally> Category { get; } = [];
    public Dictionary<string, ComplaintTally> Severity { get; } = [];
    public Dictionary<string, ComplaintTally> Touchpoint { get; } = [];
    public Dictionary<string, ComplaintTally> Channel { get; } = [];
    public Dictionary<string, ComplaintTally> Tier { get; } = [];
    public Dictionary<Guid, ComplaintTally> Department { get; } = [];

    /// <summary>By month (its first day) in the enterprise's zone.</summary>
    public Dictionary<DateOnly, ComplaintTally> Month { get; } = [];

    /// <summary>Answered complaints per 6-minute bucket of working time (<see cref="WorkingTimeHistogram"/>).</summary>
    public List<(long Bucket, long Count)> ResponseHours { get; } = [];
    public List<(long Bucket, long Count)> ResolutionHours { get; } = [];
}

/// <summary>
/// SVC-2, SVC-8, SVC-11 at scale (the bench: a year's report over 2,000,000 complaints in a second): the period's complaints
/// are read once, in the database, and leave it as a few hundred groups. On PostgreSQL one statement groups them by
/// <c>GROUPING SETS</c> — category, severity, touchpoint, channel, tier, department, month, and the response and resolution
/// histograms — in a single scan of the period: the index on <c>ReceivedAt</c> carries every column read
/// (<see cref="ServiceReportIndexes"/>), so the scan reads the index alone. SQLite, which has no grouping sets and sorts for each
/// GROUP BY, reads the period's rows once from that index and adds each to its groups in the app. Each row contributes its flags (answered, within the time, still
/// waiting and already late, reopened, the customer's check) and its working seconds (summed as integers, not numerics);
/// the totals are the severities' sums (every complaint has one). The month is the enterprise's: on PostgreSQL the bucket
/// of the month starts (<c>width_bucket</c> over their instants, exact in any zone), on SQLite the date in the zone's
/// standard offset. p90 is read from the histograms: each answered complaint counts in the bucket of its working time
/// rounded up to 6 minutes, and the bucket holding the ⌈0.9·n⌉-th is the p90 (<see cref="WorkingTimeHistogram.Percentile"/>).
/// </summary>
public static class ServiceReportCounts
{
    private static readonly string[] Sums = ["responded", "rmet", "rlate", "rsec", "resolved", "smet", "slate", "ssec", "reopened", "sat", "dis", "unreached"];
    private const int Keys = 9;   // category, severity, touchpoint, channel, tier, department, month, response bucket, resolution bucket
    private const int All = (1 << Keys) - 1;

    /// <summary>
    /// PostgreSQL cannot estimate how many groups the computed keys (month, buckets) make — it takes them for as many as
    /// the rows — and would sort them instead of hashing. They are a few thousand at most (the tree's categories, the
    /// departments, ≤ 37 months, the 6-minute buckets of the working times seen), so the statement runs with room to hash
    /// every set in one pass; the hash tables hold only the real groups (about 30 MB at two million rows).
    /// </summary>
    private const string HashEverySet = "SET LOCAL work_mem = '2GB'";

    public static async Task<ComplaintGroups> Read(GuanxiDbContext db, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<(DateOnly Month, DateTimeOffset Start)> months,
        Guid? department, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(months);
        var sqlite = db.Database.IsSqlite();
        var values = new SqlValues(sqlite);
        object At(DateTimeOffset instant) => sqlite ? instant.UtcTicks : instant.ToUniversalTime();   // as the model stores instants
        var month = sqlite
            // SQLite keeps instants as UTC ticks: the month in the zone's standard offset (the enterprise's zone, Asia/Shanghai, has no summer time).
            ? "CAST(strftime('%Y%m', (c.\"ReceivedAt\" - 621355968000000000) / 10000000 + @offset, 'unixepoch') AS INTEGER)"
            : "width_bucket(c.\"ReceivedAt\", @months)";
        var bucket = WorkingTimeHistogram.BucketSeconds;
        var rows = $"""
            SELECT c."Category" AS k0, c."Severity" AS k1, c."Touchpoint" AS k2, c."Channel" AS k3, c."Tier" AS k4, c."DepartmentId" AS k5, {month} AS k6,
                CASE WHEN c."RespondedAt" IS NOT NULL THEN (c."ResponseUsed" + {bucket - 1}) / {bucket} END AS k7,
                CASE WHEN c."ResolvedAt" IS NOT NULL THEN (c."ResolutionUsed" + {bucket - 1}) / {bucket} END AS k8,
                CASE WHEN c."RespondedAt" IS NOT NULL THEN 1 ELSE 0 END AS responded,
                CASE WHEN c."RespondedAt" IS NOT NULL AND c."ResponseUsed" <= c."ResponseTarget" THEN 1 ELSE 0 END AS rmet,
                CASE WHEN c."RespondedAt" IS NULL AND c."ResponseDueAt" < COALESCE(c."HeldSince", @now) THEN 1 ELSE 0 END AS rlate,
                CASE WHEN c."RespondedAt" IS NOT NULL THEN CAST(c."ResponseUsed" AS integer) ELSE 0 END AS rsec,
                CASE WHEN c."ResolvedAt" IS NOT NULL THEN 1 ELSE 0 END AS resolved,
                CASE WHEN c."ResolvedAt" IS NOT NULL AND c."ResolutionUsed" <= c."ResolutionTarget" THEN 1 ELSE 0 END AS smet,
                CASE WHEN c."ResolvedAt" IS NULL AND c."ResolutionDueAt" < COALESCE(c."HeldSince", @now) THEN 1 ELSE 0 END AS slate,
                CASE WHEN c."ResolvedAt" IS NOT NULL THEN CAST(c."ResolutionUsed" AS integer) ELSE 0 END AS ssec,
                CASE WHEN c."ReopenCount" > 0 THEN 1 ELSE 0 END AS reopened,
                CASE WHEN c."CustomerSatisfied" THEN 1 ELSE 0 END AS sat,
                CASE WHEN NOT c."CustomerSatisfied" THEN 1 ELSE 0 END AS dis,
                CASE WHEN c."Status" = 'Closed' AND c."CustomerSatisfied" IS NULL THEN 1 ELSE 0 END AS unreached
            FROM "Complaints" c
            WHERE c."ReceivedAt" >= @from AND c."ReceivedAt" < @to{(department is null ? "" : " AND c.\"DepartmentId\" = @department")}
            """;
        var sums = string.Join(", ", Sums.Select(s => $"SUM(x.{s})"));
        var keys = string.Join(", ", Enumerable.Range(0, Keys).Select(k => $"x.k{k}"));
        // SQLite has no grouping sets, and sorts the rows for every GROUP BY (nine sorts of a year's million complaints take
        // minutes): there the period's rows are read once, in the order of the covering index, and folded here (Fold).
        var sql = sqlite
            ? rows
            : $"SELECT GROUPING({keys}), {keys}, COUNT(*), {sums} FROM ({rows}) x GROUP BY GROUPING SETS ({string.Join(", ", Enumerable.Range(0, Keys).Select(k => $"(x.k{k})"))})";

        var groups = new ComplaintGroups();
        var byIndex = months.Select(m => m.Month).ToList();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken);
            if (!sqlite)
            {
                await using var hash = db.Database.GetDbConnection().CreateCommand();
                (hash.Transaction, hash.CommandText) = (transaction, HashEverySet);
                await hash.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var command = db.Database.GetDbConnection().CreateCommand();
            (command.Transaction, command.CommandTimeout, command.CommandText) = (transaction, 0, sql);
            SqlValues.Parameter(command, "@from", At(from));
            SqlValues.Parameter(command, "@to", At(to));
            SqlValues.Parameter(command, "@now", At(now));
            if (department is { } d)
                SqlValues.Parameter(command, "@department", values.Id(d));
            if (sqlite)
                SqlValues.Parameter(command, "@offset", (long)zone.BaseUtcOffset.TotalSeconds);
            else
                SqlValues.Parameter(command, "@months", months.Select(m => m.Start.ToUniversalTime()).Append(to.ToUniversalTime()).ToArray());
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (sqlite)
                    await Fold(groups, reader, cancellationToken);
                else
                {
                    while (await reader.ReadAsync(cancellationToken))
                        Add(groups, reader, k => byIndex[(int)k - 1]);
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        groups.Total = groups.Severity.Values.Aggregate(new ComplaintTally(), (a, b) => a + b);
        return groups;
    }

    /// <summary>The sums of one group as they are folded: the count, then <see cref="Sums"/>.</summary>
    private sealed class Sum
    {
        public readonly long[] Values = new long[1 + 12];

        public void Add(long[] row)
        {
            Values[0]++;
            for (var i = 0; i < row.Length; i++)
                Values[1 + i] += row[i];
        }

        public ComplaintTally Tally() => new(Values[0], Values[1], Values[2], Values[3], Values[4], Values[5], Values[6], Values[7], Values[8], Values[9],
            Values[10], Values[11], Values[12]);
    }

    /// <summary>SQLite: every row of the period (k0 … k8, then the sums) added to the group of each of its keys.</summary>
    private static async Task Fold(ComplaintGroups groups, DbDataReader reader, CancellationToken cancellationToken)
    {
        var texts = Enumerable.Range(0, 6).Select(_ => new Dictionary<string, Sum>(StringComparer.Ordinal)).ToArray();   // category … department
        var numbers = Enumerable.Range(0, 3).Select(_ => new Dictionary<long, Sum>()).ToArray();                          // month, the two buckets
        var row = new long[Sums.Length];
        static Sum Of<TKey>(Dictionary<TKey, Sum> sums, TKey key) where TKey : notnull
        {
            if (!sums.TryGetValue(key, out var sum))
                sums[key] = sum = new Sum();
            return sum;
        }
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.GetInt64(Keys + i);
            for (var k = 0; k < 6; k++)
                Of(texts[k], reader.GetString(k)).Add(row);
            for (var k = 6; k < Keys; k++)
            {
                if (!reader.IsDBNull(k))   // the complaints not yet answered (resolved) are in no bucket
                    Of(numbers[k - 6], reader.GetInt64(k)).Add(row);
            }
        }
        foreach (var (key, sum) in texts[0]) groups.Category[key] = sum.Tally();
        foreach (var (key, sum) in texts[1]) groups.Severity[key] = sum.Tally();
        foreach (var (key, sum) in texts[2]) groups.Touchpoint[key] = sum.Tally();
        foreach (var (key, sum) in texts[3]) groups.Channel[key] = sum.Tally();
        foreach (var (key, sum) in texts[4]) groups.Tier[key] = sum.Tally();
        foreach (var (key, sum) in texts[5]) groups.Department[Guid.Parse(key)] = sum.Tally();
        foreach (var (key, sum) in numbers[0]) groups.Month[new DateOnly((int)(key / 100), (int)(key % 100), 1)] = sum.Tally();
        foreach (var (key, sum) in numbers[1].OrderBy(b => b.Key)) groups.ResponseHours.Add((key, sum.Values[0]));
        foreach (var (key, sum) in numbers[2].OrderBy(b => b.Key)) groups.ResolutionHours.Add((key, sum.Values[0]));
    }

    /// <summary>What <c>GROUPING(k0 … k8)</c> answers for the set of key <paramref name="key"/> alone: a bit set for each key not grouped by.</summary>
    private static int Mask(int key) => All & ~(1 << (Keys - 1 - key));

    private static void Add(ComplaintGroups groups, DbDataReader reader, Func<long, DateOnly> month)
    {
        var mask = (int)Number(reader, 0);
        var at = 1 + Keys;
        long N(int i) => Number(reader, at + i);
        var tally = new ComplaintTally(N(0), N(1), N(2), N(3), N(4), N(5), N(6), N(7), N(8), N(9), N(10), N(11), N(12));
        var key = Enumerable.Range(0, Keys).Single(k => mask == Mask(k));
        if (reader.IsDBNull(1 + key))
            return;   // the complaints not yet answered (resolved) in a histogram's set
        switch (key)
        {
            case 0: groups.Category[reader.GetString(1)] = tally; break;
            case 1: groups.Severity[reader.GetString(2)] = tally; break;
            case 2: groups.Touchpoint[reader.GetString(3)] = tally; break;
            case 3: groups.Channel[reader.GetString(4)] = tally; break;
            case 4: groups.Tier[reader.GetString(5)] = tally; break;
            case 5: groups.Department[reader.GetGuid(6)] = tally; break;
            case 6: groups.Month[month(Number(reader, 7))] = tally; break;
            case 7: groups.ResponseHours.Add((Number(reader, 8), tally.Complaints)); break;
            default: groups.ResolutionHours.Add((Number(reader, 9), tally.Complaints)); break;
        }
    }

    /// <summary>A count or sum as a long, whatever type the database gives it.</summary>
    private static long Number(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
