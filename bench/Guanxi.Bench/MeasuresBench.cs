using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Improvement;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Guanxi.Bench;

/// <summary>
/// Issue 24 item 13: the 改进措施 register's first page with its five counts (open, due this week, overdue, awaiting
/// acceptance, closed) for the VP (every measure) and for a department manager (the department's and those it is involved
/// in), through the app's handler, against hand-written SQL doing the same counts and page in the same run. Measures of
/// years in every state, each with its actions; SQLite.
/// </summary>
public static class MeasuresBench
{
    public static async Task Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        var file = Path.Combine(Path.GetTempPath(), $"guanxi-measures-{Guid.NewGuid():N}.db");
        var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), DatabaseProvider.Sqlite, $"Data Source={file}", []).Options;
        ClaimsPrincipal admin;
        Guid department;
        await using (var db = new GuanxiDbContext(options))
        {
            var (a, user, company) = await BenchAdmin.Create(db);
            admin = a;
            var departments = Enumerable.Range(1, 12).Select(i => Department.Create($"部门{i:00}", DepartmentKind.Department, company).Value!).ToList();
            db.AddRange(departments);
            await db.SaveChangesAsync();
            user.DepartmentId = departments[0].Id;
            await db.SaveChangesAsync();
            department = departments[0].Id;
            var watch = Stopwatch.StartNew();
            await Generate(db, user.Id, departments.Select(d => d.Id).ToList(), count);
            Console.WriteLine($"   {count:N0} measures generated in {watch.Elapsed.TotalSeconds:F0} s");
        }
        var id = admin.FindFirst(ClaimTypes.NameIdentifier)!;
        var vp = new ClaimsPrincipal(new ClaimsIdentity([id, new Claim(ClaimTypes.Role, Role.ExecutiveVp.Name())], "Bench"));
        var manager = new ClaimsPrincipal(new ClaimsIdentity([id, new Claim(ClaimTypes.Role, Role.DepartmentManager.Name())], "Bench"));
        await using (var db = new GuanxiDbContext(options))
            Console.WriteLine($"{Environment.ProcessorCount} cores; SQLite; {await db.Set<Measure>().CountAsync():N0} measures, {await db.Set<MeasureAction>().CountAsync():N0} actions, "
                + $"{await db.Set<MeasureStep>().CountAsync():N0} steps");

        foreach (var (who, principal) in new[] { ("VP (all measures)", vp), ("department manager (own and involved)", manager) })
        {
            var services = Services(options, principal);
            var handler = new List<double>();
            var baseline = new List<double>();
            string said = "", saidBaseline = "";
            for (var run = 0; run < 30; run++)
            {
                await using (var scope = services.CreateAsyncScope())
                {
                    var watch = Stopwatch.StartNew();
                    var page = (await scope.ServiceProvider.GetRequiredService<ListMeasures>().Handle(new MeasureQuery(null, null, false, null, null, new Guanxi.Web.Shared.Api.Paging(1, 50)))).Value!;
                    handler.Add(watch.Elapsed.TotalMilliseconds);
                    said = $"{page.Items.Count} rows of {page.Total:N0}; open {page.Counts.Open:N0}, overdue {page.Counts.Overdue:N0}, awaiting {page.Counts.AwaitingAcceptance:N0}, closed {page.Counts.Closed:N0}";
                }
                await using (var scope = services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
                    var watch = Stopwatch.StartNew();
                    saidBaseline = await Baseline(db, principal == vp ? null : department, new EnterpriseClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(EnterpriseClock.DefaultTimeZone)).Today);
                    baseline.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            Console.WriteLine($"   register, {who}: {said}; {Times(handler)}");
            Console.WriteLine($"   hand-written SQL, {who}: {saidBaseline}; {Times(baseline)}");
        }
        SqliteCleanup(file);
    }

    private static void SqliteCleanup(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            File.Delete(f);
    }

    private static ServiceProvider Services(DbContextOptions<GuanxiDbContext> options, ClaimsPrincipal who)
    {
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSingleton(TimeProvider.System)
            .AddSingleton(_ => new EnterpriseClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(EnterpriseClock.DefaultTimeZone)))
            .AddScoped(_ => new GuanxiDbContext(options)).AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddScoped(p =>
            {
                var current = new CurrentUser(p.GetRequiredService<IHttpContextAccessor>());
                current.Use(who);
                return current;
            });
        foreach (var type in new[]
                 {
                     typeof(CustomerViewers), typeof(Guanxi.Web.Features.Settings.EnterpriseSettings), typeof(Guanxi.Web.Features.Calendar.EnterpriseCalendar), typeof(StaffNames),
                     typeof(Guanxi.Web.Features.Notifications.Notifier), typeof(MeasureSources), typeof(MeasureDesk), typeof(ListMeasures), typeof(Guanxi.Web.Features.Attachments.AttachmentStore),
                     typeof(Guanxi.Web.Features.Inspections.FindingFacts), typeof(Guanxi.Web.Features.Inspections.InspectionDesk),
                 })
            services.AddScoped(type);
        return services.BuildServiceProvider();
    }

    /// <summary>Measures over five years, through the domain, in every state: most closed, some open, some late.</summary>
    private static async Task Generate(GuanxiDbContext db, string staff, List<Guid> departments, int count)
    {
        var random = new Random(24);
        var today = new EnterpriseClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(EnterpriseClock.DefaultTimeZone)).Today;
        var calendar = new Guanxi.Domain.Calendar.WorkCalendar(Guanxi.Domain.Calendar.WorkCalendar.DefaultWorkdays, Guanxi.Domain.Calendar.WorkCalendar.DefaultPeriods, [], [],
            TimeZoneInfo.FindSystemTimeZoneById(EnterpriseClock.DefaultTimeZone));
        var by = Actor.Staff(staff);
        for (var i = 0; i < count; i++)
        {
            var on = today.AddDays(-random.Next(0, 5 * 365));
            var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
            var m = Measure.Raise($"GJ{on.Year}{i:000000}", MeasureSourceKind.Manual, null, $"措施 {i}", "问题描述", departments[random.Next(departments.Count)], null, by, at, on).Value!;
            var stage = random.NextDouble();
            if (stage > 0.02)
            {
                m.GiveOpinion("意见", m.DepartmentId, by, at);
                if (stage > 0.04)
                {
                    m.Sign(by, at, on, calendar, new ImprovementPolicy());
                    if (stage > 0.06)
                    {
                        m.Analyse(["原因"], CauseCategory.Method, "建议", by, at);
                        var due = on.AddDays(random.Next(7, 60));
                        m.Plan([new PlannedAction("行动一", "owner", due), new PlannedAction("行动二", "owner", due)], due, by, at, on);
                        if (random.NextDouble() < 0.2)
                            m.Involve(departments[random.Next(departments.Count)], "协同", by, at);
                        var doneOn = due.AddDays(random.Next(-10, 5));
                        if (doneOn < today && stage > 0.1)
                        {
                            foreach (var action in m.CurrentActions.ToList())
                                m.CompleteAction(action.Id, null, by, at.AddDays(doneOn.DayNumber - on.DayNumber), doneOn);
                            if (stage > 0.13)
                                foreach (var party in Enum.GetValues<AcceptanceParty>())
                                    m.Accept(party, true, null, by, at.AddDays(doneOn.DayNumber - on.DayNumber + 1), doneOn.AddDays(1));
                        }
                    }
                }
            }
            db.Add(m);
            if (i % 2_000 == 1_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>The same counts and first page by hand: one pass of counts over the measures in sight, then the page in the register's order.</summary>
    private static async Task<string> Baseline(GuanxiDbContext db, Guid? department, DateOnly today)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var t = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var weekEnd = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7 - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sight = department is { } d
            ? $"(m.DepartmentId = '{d.ToString().ToUpperInvariant()}' OR EXISTS (SELECT 1 FROM MeasureInvolvements i WHERE i.MeasureId = m.Id AND i.DepartmentId = '{d.ToString().ToUpperInvariant()}'))"
            : "1 = 1";
        var late = $"(m.Status = 'Signed' AND m.PlanDueOn < '{t}' OR m.ActionsDoneOn IS NULL AND m.DueOn < '{t}')";
        await using var counts = connection.CreateCommand();
        counts.CommandText = $"""
            SELECT SUM(m.Status <> 'Closed'), SUM(m.Status <> 'Closed' AND m.ActionsDoneOn IS NULL AND m.DueOn >= '{t}' AND m.DueOn <= '{weekEnd}'),
                   SUM(m.Status <> 'Closed' AND {late}), SUM(m.Status = 'AwaitingAcceptance'), SUM(m.Status = 'Closed'), COUNT(*)
            FROM Measures m WHERE {sight}
            """;
        string said;
        await using (var reader = await counts.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            said = $"open {reader.GetInt64(0):N0}, overdue {reader.GetInt64(2):N0}, awaiting {reader.GetInt64(3):N0}, closed {reader.GetInt64(4):N0} of {reader.GetInt64(5):N0}";
        }
        await using var page = connection.CreateCommand();
        page.CommandText = $"""
            SELECT m.Id, m.Number, m.Title, m.SourceKind, m.DepartmentId, m.Status, m.ReportedOn, m.PlanDueOn, m.DueOn, m.ActionsDoneOn, m.PlanLate, m.CauseCategory, m.Version,
                   (SELECT COUNT(*) FROM MeasureActions a WHERE a.MeasureId = m.Id AND NOT a.Superseded),
                   (SELECT COUNT(*) FROM MeasureActions a WHERE a.MeasureId = m.Id AND NOT a.Superseded AND a.DoneAt IS NOT NULL)
            FROM Measures m WHERE {sight}
            ORDER BY m.Status = 'Closed', m.Status <> 'Closed' AND {late} DESC, COALESCE(m.DueOn, m.PlanDueOn, '9999-12-31'), m.ReportedAt DESC, m.Id
            LIMIT 50
            """;
        var rows = 0;
        await using (var reader = await page.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                rows++;
        return $"{rows} rows; {said}";
    }

    private static string Times(List<double> times)
    {
        var sorted = times.Order().ToList();
        return $"first {times[0]:N1} ms, median {sorted[sorted.Count / 2]:N1} ms, p95 {sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1]:N1} ms ({times.Count} runs)";
    }
}
