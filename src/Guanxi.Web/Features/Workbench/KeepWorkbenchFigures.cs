using System.Data.Common;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Grading;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Guanxi.Web.Features.Workbench;

/// <summary>
/// Counts the 工作台's figures for everyone and for each department in six grouped statements — each grouped by
/// department, the firm's figures their sum — and keeps them as today's rows (replacing today's, if any). Rows older
/// than 400 days are let go. Nothing but the groups leaves the database.
/// </summary>
public sealed class KeepWorkbenchFigures(GuanxiDbContext db, EnterpriseSettings settings, EnterpriseClock clock, TimeProvider time)
{
    public const int ValueMonths = 24;
    public const int SatisfactionMonths = 13;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<DateTimeOffset> Handle(CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var policy = await settings.Get(GradingPolicy.SettingsKey, GradingPolicy.Default, cancellationToken);
        var values = new SqlValues(db.Database.IsSqlite());
        var scopes = new Dictionary<Guid, KeptFigures>();
        KeptFigures Of(Guid department) => scopes.TryGetValue(department, out var f) ? f : scopes[department] = KeptFigures.Empty();
        string Month(string column) => values.Sqlite ? $"substr({column}, 1, 7)" : $"to_char({column}, 'YYYY-MM')";

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await Read("""
                SELECT c."DepartmentId", c."Tier", c."Stage", COUNT(*) FROM "Customers" c WHERE c."Status" = 'Active' GROUP BY c."DepartmentId", c."Tier", c."Stage"
                """, [], r =>
            {
                var f = Of(r.GetGuid(0));
                var n = (int)r.GetInt64(3);
                f.Tiers[r.GetString(1)] = f.Tiers.GetValueOrDefault(r.GetString(1)) + n;
                f.Stages[r.GetString(2)] = f.Stages.GetValueOrDefault(r.GetString(2)) + n;
            });
            var valueFrom = thisMonth.AddMonths(-ValueMonths + 1);
            await Read($"""
                SELECT o."DepartmentId", {Month("o.\"OrderedAt\"")}, SUM(o."Amount"), SUM({values.Profit("o")}) FROM "Orders" o
                WHERE o."OrderedAt" >= @from AND o."OrderedAt" <= @to GROUP BY o."DepartmentId", {Month("o.\"OrderedAt\"")}
                """, [("@from", values.Date(valueFrom)), ("@to", values.Date(today)), ("@margin", policy.DefaultMargin)],
                r => Of(r.GetGuid(0)).Months.Add(new MonthValue(r.GetString(1), values.Money(r, 2), values.Money(r, 3))));
            var satisfactionFrom = thisMonth.AddMonths(-SatisfactionMonths + 1);
            await Read($"""
                SELECT t."DepartmentId", {Month("r.\"RespondedOn\"")}, COUNT(*), SUM(r."OverallScore"), COUNT(r."OverallScore"),
                    SUM(CASE WHEN r."Recommend" >= 9 THEN 1 ELSE 0 END), SUM(CASE WHEN r."Recommend" <= 6 THEN 1 ELSE 0 END), COUNT(r."Recommend")
                FROM "SurveyResponses" r JOIN "SurveyTasks" t ON t."Id" = r."TaskId"
                WHERE r."RespondedOn" >= @from AND r."RespondedOn" <= @to AND r."ProgramId" IS NULL AND r."SupersededBy" IS NULL
                    AND r."Outcome" = 'Completed' AND r."VersionId" IS NOT NULL
                GROUP BY t."DepartmentId", {Month("r.\"RespondedOn\"")}
                """, [("@from", values.Date(satisfactionFrom)), ("@to", values.Date(today))],
                r => Of(r.GetGuid(0)).Satisfaction.Add(new MonthSatisfaction(r.GetString(1), (int)r.GetInt64(2), r.IsDBNull(3) ? 0 : r.GetDouble(3),
                    (int)r.GetInt64(4), (int)r.GetInt64(5), (int)r.GetInt64(6), (int)r.GetInt64(7))));
            var churn = new Dictionary<Guid, (int This, int Last, Dictionary<string, int> Reasons)>();
            await Read("""
                SELECT c."DepartmentId", CASE WHEN s."EffectiveOn" >= @month THEN 1 ELSE 0 END, COALESCE(s."ChurnReason", ''), COUNT(*)
                FROM "StageChanges" s JOIN "Customers" c ON c."Id" = s."CustomerId"
                WHERE s."To" = 'Churned' AND s."EffectiveOn" >= @from AND s."EffectiveOn" <= @to AND c."Status" = 'Active'
                GROUP BY c."DepartmentId", CASE WHEN s."EffectiveOn" >= @month THEN 1 ELSE 0 END, COALESCE(s."ChurnReason", '')
                """, [("@month", values.Date(thisMonth)), ("@from", values.Date(thisMonth.AddMonths(-1))), ("@to", values.Date(today))], r =>
            {
                var department = r.GetGuid(0);
                var (now, last, reasons) = churn.TryGetValue(department, out var c) ? c : (0, 0, new Dictionary<string, int>());
                var n = (int)r.GetInt64(3);
                if (r.GetInt64(1) == 1)
                {
                    now += n;
                    reasons[r.GetString(2)] = reasons.GetValueOrDefault(r.GetString(2)) + n;
                }
                else
                    last += n;
                churn[department] = (now, last, reasons);
            });
            var risky = new Dictionary<Guid, int>();
            await Read("""
                SELECT c."DepartmentId", COUNT(*) FROM "Customers" c
                WHERE c."Status" = 'Active' AND (c."Credit" IN ('B', 'C') OR EXISTS (SELECT 1 FROM "CustomerCredits" k WHERE k."CustomerId" = c."Id" AND k."OverdueAmount" > 0))
                GROUP BY c."DepartmentId"
                """, [], r => risky[r.GetGuid(0)] = (int)r.GetInt64(1));
            var overdue = new Dictionary<Guid, (decimal Amount, int Customers)>();
            await Read("""
                SELECT c."DepartmentId", SUM(k."OverdueAmount"), COUNT(*) FROM "CustomerCredits" k JOIN "Customers" c ON c."Id" = k."CustomerId"
                WHERE k."OverdueAmount" > 0 AND c."Status" = 'Active' GROUP BY c."DepartmentId"
                """, [], r => overdue[r.GetGuid(0)] = (values.Money(r, 1), (int)r.GetInt64(2)));
            foreach (var department in churn.Keys.Concat(risky.Keys).Concat(overdue.Keys))
                Of(department);
            foreach (var (department, figures) in scopes.ToList())
            {
                var c = churn.GetValueOrDefault(department);
                var o = overdue.GetValueOrDefault(department);
                scopes[department] = figures with
                {
                    ChurnedThisMonth = c.This, ChurnedLastMonth = c.Last, ChurnReasons = c.Reasons ?? [],
                    Risky = risky.GetValueOrDefault(department), OverdueAmount = o.Amount, OverdueCustomers = o.Customers,
                };
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        scopes[Guid.Empty] = Sum(scopes.Values);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<WorkbenchFigures>().Where(f => f.Day == today || f.Day < today.AddDays(-400)).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(scopes.Select(s => new WorkbenchFigures { Scope = s.Key, Day = today, ComputedAt = now, Json = JsonSerializer.Serialize(s.Value, Json) }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return now;

        async Task Read(string sql, (string Name, object Value)[] parameters, Action<DbDataReader> row)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandTimeout = 0;
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
                SqlValues.Parameter(command, name, value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                row(reader);
        }
    }

    /// <summary>The firm's figures: the departments' added up.</summary>
    public static KeptFigures Sum(IEnumerable<KeptFigures> departments)
    {
        var all = KeptFigures.Empty();
        foreach (var d in departments)
        {
            foreach (var (k, n) in d.Tiers)
                all.Tiers[k] = all.Tiers.GetValueOrDefault(k) + n;
            foreach (var (k, n) in d.Stages)
                all.Stages[k] = all.Stages.GetValueOrDefault(k) + n;
            foreach (var (k, n) in d.ChurnReasons)
                all.ChurnReasons[k] = all.ChurnReasons.GetValueOrDefault(k) + n;
            all.Months.AddRange(d.Months);
            all.Satisfaction.AddRange(d.Satisfaction);
            all = all with
            {
                ChurnedThisMonth = all.ChurnedThisMonth + d.ChurnedThisMonth, ChurnedLastMonth = all.ChurnedLastMonth + d.ChurnedLastMonth,
                Risky = all.Risky + d.Risky, OverdueAmount = all.OverdueAmount + d.OverdueAmount, OverdueCustomers = all.OverdueCustomers + d.OverdueCustomers,
            };
        }
        return all with
        {
            Months = [.. all.Months.GroupBy(m => m.Month).Select(g => new MonthValue(g.Key, g.Sum(m => m.Amount), g.Sum(m => m.Profit))).OrderBy(m => m.Month, StringComparer.Ordinal)],
            Satisfaction = [.. all.Satisfaction.GroupBy(m => m.Month).Select(g => g.Aggregate((a, b) => a.Plus(b))).OrderBy(m => m.Month, StringComparer.Ordinal)],
        };
    }
}

/// <summary>Keeps the 工作台's figures every night after the grading recompute, and once at start when today's are missing.</summary>
[DisallowConcurrentExecution]
public sealed class WorkbenchFiguresJob(KeepWorkbenchFigures keep) : IJob
{
    public static readonly JobKey Key = new("workbench.figures");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await keep.Handle(cancellationToken);
}
