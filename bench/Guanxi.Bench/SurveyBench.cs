using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Improvement;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Features.Calendar;
using Guanxi.Web.Features.Complaints;
using Guanxi.Web.Features.Improvement;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Features.Surveys;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Guanxi.Bench;

/// <summary>
/// The satisfaction surveys (SAT) at a dealer group's scale, on SQLite, each against raw SQL doing the same work in the
/// same process: one day's task generation (<see cref="GenerateSurveyTasks"/>, target 2 s), the monthly satisfaction
/// report as the customer-service manager reads it (<see cref="SatisfactionReport"/>, target 1 s), and the callback
/// specialist's queue as the surveys page loads it (<see cref="ListSurveyTasks"/>: the day's 200 and the three counts,
/// target 100 ms), and the effect of an improvement measure on a sales department's survey figures (<see cref="MeasureEffects"/>:
/// a question, a dimension, a touchpoint's satisfaction over 12 weeks before and 12 after, target 200 ms).
/// <para>
/// The data, generated in SQL like <see cref="GradingBench"/>'s: customers (2% trade customers, 1% archived); orders
/// delivered evenly over three years, one in 16 a car sale and the rest service jobs — at 10M orders ~570 deliveries and
/// ~8,560 service jobs a day, so that a day opens ~570 sales windows (21 days after delivery) and ~8,560 after-sales
/// windows (7 days after). Everything whose window opened before the first generated day has been decided, as the
/// daily job leaves it: a survey task for every sale (but trade customers' and a customer's second within 12 months)
/// and for the after-sales sample (~100 a month), an exclusion record for every other delivery and job (~9M at 10M
/// orders). The tasks were answered the way the demo's are (<see cref="Web.Features.Demo.DemoSurveys"/>: mostly by phone within days,
/// some invalid, a few superseded, a few overdue), their responses built by the domain (<see cref="SurveyResponse.Answered"/>)
/// on the standard questionnaires the app writes at startup, written by a prepared INSERT.
/// </para>
/// <para>
/// The generation runs on consecutive days ending yesterday, so that each run decides the windows opening that day and
/// nothing else (the day before has decided its own): the first day warms up and is not counted. The baseline of each
/// day runs before it, reading the same undecided orders. The report and the queue only read: each run reads the same.
/// After each measurement, where the app's time went: its SQL (statements, their time with reading), SaveChanges, and the
/// statements that took 100 ms or more.
/// GUANXI_BENCH_TRY (SQL, e.g. a CREATE INDEX) is run on the bench's database after the measurements, then the generation
/// is measured again on three more days and the report again: a change to the schema tried at scale without touching the app.
/// GUANXI_BENCH_DB keeps the seeded database (before any generation) at that path and, when it is there, copies it instead
/// of seeding (8 minutes at 10M orders), then applies any newer migrations: for the day it was made, whose windows it decided.
/// </para>
/// </summary>
internal static class SurveyBench
{
    /// <summary>Days of delivered orders before today.</summary>
    private const int HistoryDays = 1095;

    /// <summary>One order in 16 is a car sale (a delivery), the others service jobs.</summary>
    private const int SaleEvery = 16;

    /// <summary>The after-sales sample of the past: the service jobs among every 2,599th order, ~100 a month at 10M orders (2,599 × 7,919 is prime to the 1,095 days: every day gets its share).</summary>
    private const int SampledEvery = 2599;

    private const int Specialists = 12, Sites = 4, StaffPerDepartment = 12;
    private const int GenerationDays = 7, ReportRuns = 10, QueueRuns = 60, EffectRuns = 30;
    private const string CustomerRest = "0000-7000-8000-000000000000", OrderRest = "0001-7000-8000-000000000000";
    private const double SlowMs = 100;

    private static readonly string[] OverdueReasons = ["客户出国，时效内无法联系", "客户要求下月再回访", "电话一直关机，已发短信未回复"];
    private static readonly string[] InvalidNotes = ["连续三天拨打均无人接听", "号码为空号，档案电话有误", "客户只回答了两题就挂断", "接电话的不是车主本人，车主电话未知"];
    private static readonly string[] Comments = ["销售顾问很耐心，讲解很专业", "保养速度快，按时交车", "交车时等了两个多小时", "电话预约总是打不通", "价格透明，没有乱收费"];

    private static readonly string[] TaskColumns =
    [
        "Id", "Kind", "CustomerId", "OrderId", "DepartmentId", "StaffId", "DeliveredOn", "Opens", "Due", "AssigneeId", "Outcome", "SurveyedOn",
        "Attempts", "LastAttemptAt", "CallBackAt", "OverdueReason", "ResponseId", "CreatedAt", "ClosedAt",
    ];

    /// <summary>Who records the bench's answers: a staff id that needs no staff row (names are looked up when shown).</summary>
    private static readonly Actor Caller = new("bench-caller");

    private static readonly string[] ResponseColumns =
    [
        "Id", "TaskId", "Method", "VersionId", "Answers", "Comment", "Outcome", "Note", "ItemScore", "OverallScore", "Recommend", "HiddenProblem",
        "RespondedOn", "RespondedAt", "RecordedById", "SupersededBy",
    ];

    public static async Task Run(string[] args)
    {
        var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var orders = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : customers * 10;
        var responses = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500_000;
        var file = Path.Combine(Path.GetTempPath(), $"guanxi-surveys-{Guid.NewGuid():N}.db");
        var current = new CurrentUser(new HttpContextAccessor());
        var slow = new SlowStatements();
        var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), DatabaseProvider.Sqlite, $"Data Source={file}", [new Guanxi.Web.Features.Customers.CustomerSearchInterceptor()])
            .AddInterceptors(slow.Saves, new AuditInterceptor(current, TimeProvider.System), slow).Options;
        var clock = new EnterpriseClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(EnterpriseClock.DefaultTimeZone));
        var today = clock.Today;
        var firstDay = today.AddDays(-GenerationDays - 1);
        Console.WriteLine($"{Environment.ProcessorCount} cores; SQLite; {customers:N0} customers, {orders:N0} orders over {HistoryDays / 365} years (1 in {SaleEvery} a sale), ~{responses:N0} survey responses; today {today:yyyy-MM-dd}");
        var kept = Environment.GetEnvironmentVariable("GUANXI_BENCH_DB");
        try
        {
            var watch = Stopwatch.StartNew();
            if (kept is not null && File.Exists(kept))
            {
                File.Copy(kept, file);
                Console.WriteLine($"   copied {kept} in {watch.Elapsed.TotalSeconds:F0} s");
            }
            var people = File.Exists(file) ? await Hired(options) : await Seed();
            Console.WriteLine($"   ready in {watch.Elapsed.TotalSeconds:F0} s; {new FileInfo(file).Length / 1e9:F1} GB");


            current.Use(people.Manager);
            await using var bare = new SqliteConnection($"Data Source={file}");
            await bare.OpenAsync();
            await GradingBench.Execute(bare, "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;");   // the app's settings (SqliteTuning)
            var summary = new List<(string Name, List<double> App, List<double> Baseline, double Target)>();
            var programs = await HasColumn(bare, "SurveyTasks", "ProgramId");
            // GUANXI_BENCH_ONLY=generation,report,queue,effect: only those measurements.
            var only = Environment.GetEnvironmentVariable("GUANXI_BENCH_ONLY")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            bool Runs(string measurement) => only is null || only.Contains(measurement);

            // 1. The day's generation, on consecutive days: each run decides the windows opening that day, as the daily job does, the day
            // before having decided its own (so every run has a day's fresh work and nothing is rolled back). The baseline reads the day's
            // undecided orders first.
            Console.WriteLine($"-- task generation, {firstDay.AddDays(1):yyyy-MM-dd} … {today.AddDays(-1):yyyy-MM-dd} (the first day, {firstDay:yyyy-MM-dd}, warms up)");
            var (generation, candidates) = (new List<double>(), new List<double>());
            for (var day = firstDay; day < today && Runs("generation"); day = day.AddDays(1))
            {
                if (day == firstDay.AddDays(1))
                    slow.Clear();
                var (ms, baselineMs) = await GenerateDay(day, day == firstDay);
                if (day > firstDay)
                {
                    generation.Add(ms);
                    candidates.Add(baselineMs);
                }
            }
            if (Runs("generation"))
            {
                Line("GenerateSurveyTasks", generation, "days");
                Line("candidate SQL", candidates, "days");
                slow.Print(GenerationDays);
                summary.Add(("one day's task generation", generation, candidates, 2000));
            }

            // 2. The month's report as the customer-service manager reads it (SAT-6: everything, cases too).
            var month = ReportPeriod.Month(new DateOnly(today.Year, today.Month, 1).AddMonths(-1));
            Console.WriteLine($"-- satisfaction report {month.Key} (customer-service manager)");
            if (Runs("report"))
            {
                var (report, aggregate) = await Report(ReportRuns, warmUp: true);
                summary.Add(("the month's satisfaction report", report, aggregate, 1000));
            }

            // 3. The queue as the surveys page loads it: the list (due today, 200) and its three counts, each in a scope of its own.
            foreach (var (who, keys) in !Runs("queue") ? [] : new[]
            {
                ("a callback specialist's queue", Enumerable.Range(0, QueueRuns).Select(i => people.Specialists[i % Specialists]).ToArray()),
                ("everyone's queue (manager)", Enumerable.Repeat("", QueueRuns).ToArray()),
            })
            {
                var sample = await Queue(options, clock, current, keys[0]);
                Console.WriteLine($"-- {who}: {sample.Rows} rows of {sample.DueToday:N0} due today, {sample.Overdue:N0} overdue, {sample.Pending:N0} open");
                var app = await Times("ListSurveyTasks ×4", keys, async key => (await Queue(options, clock, current, key)).Rows, slow.Clear);
                var raw = await Times("queue SQL", keys, key => BareQueue(bare, key, today));
                slow.Print(keys.Length);
                summary.Add((who, app, raw, 100));
            }

            // 4. The effect of a measure (issue 24 item 7) as GET /api/measures/{id}/effect reads it: a sales department's question, dimension and
            // touchpoint satisfaction in the 12 weeks before a measure raised 26 weeks ago and the 12 whole weeks since its actions were done, two weeks later.
            if (Runs("effect"))
            {
                var department = Guid.Parse(await GradingBench.Scalar(bare, "SELECT \"DepartmentId\" FROM \"SurveyTasks\" WHERE \"Kind\" = 'Sales' AND \"ProgramId\" IS NULL LIMIT 1"));
                var (raised, done) = (today.AddDays(-7 * 26), today.AddDays(-7 * 24));
                EffectMetric[] metrics = [new(EffectMetricKind.QuestionScore, "consultant", department), new(EffectMetricKind.DimensionScore, nameof(Dimension.Assurance), department),
                    new(EffectMetricKind.TouchpointSatisfaction, "Sale", department)];
                await using var effects = EffectServices(options, clock, people.Manager);
                async Task<EffectReading> Read(EffectMetric metric)
                {
                    await using var scope = effects.CreateAsyncScope();
                    return await scope.ServiceProvider.GetRequiredService<MeasureEffects>().Read(metric, raised, done, today);
                }
                Console.WriteLine($"-- the effect of a measure raised {raised:yyyy-MM-dd}, its actions done {done:yyyy-MM-dd}, in a sales department");
                foreach (var metric in metrics)
                {
                    var r = await Read(metric);
                    Console.WriteLine($"   {metric.Kind} {metric.Key}: before {r.Before.Value} ({r.Before.N:N0}), after {r.After?.Value} ({r.After?.N:N0}), change {r.Change}, p {r.PValue}, {r.Status}");
                }
                var keys = Enumerable.Range(0, EffectRuns).Select(i => (i % metrics.Length).ToString(CultureInfo.InvariantCulture)).ToArray();
                var app = await Times("MeasureEffects.Read", keys, async key =>
                {
                    var r = await Read(metrics[int.Parse(key, CultureInfo.InvariantCulture)]);
                    return r.Before.N + (r.After?.N ?? 0);
                }, slow.Clear);
                var raw = await Times("effect SQL", keys, key => BareEffect(bare, int.Parse(key, CultureInfo.InvariantCulture), department, raised, done, today));
                Console.WriteLine("   by figure (median ms, app / SQL): " + string.Join(", ", metrics.Select((m, k) =>
                    $"{m.Kind} {P([.. app.Where((_, i) => i % metrics.Length == k)], 0.5):F0} / {P([.. raw.Where((_, i) => i % metrics.Length == k)], 0.5):F0}")));
                slow.Print(keys.Length);
                summary.Add(("the effect of a measure", app, raw, 200));
            }

            // A change to try (GUANXI_BENCH_TRY: SQL, e.g. an index) made now on the bench's database, then three more days generated (today's and the next two; their windows open on orders already delivered).
            if (Environment.GetEnvironmentVariable("GUANXI_BENCH_TRY") is { Length: > 0 } change)
            {
                watch.Restart();
                await GradingBench.Execute(bare, change);
                Console.WriteLine($"-- task generation again, {today:yyyy-MM-dd} … {today.AddDays(2):yyyy-MM-dd}, after GUANXI_BENCH_TRY (made in {watch.Elapsed.TotalSeconds:F0} s): {change}");
                var (tried, triedBaseline) = (new List<double>(), new List<double>());
                for (var day = today; day <= today.AddDays(2); day = day.AddDays(1))
                {
                    var (ms, baselineMs) = await GenerateDay(day, warmUp: false);
                    tried.Add(ms);
                    triedBaseline.Add(baselineMs);
                }
                Line("GenerateSurveyTasks", tried, "days");
                Line("candidate SQL", triedBaseline, "days");
                slow.Print(tried.Count);
                summary.Add(("generation, GUANXI_BENCH_TRY", tried, triedBaseline, 2000));
                Console.WriteLine($"-- satisfaction report {month.Key} again, after GUANXI_BENCH_TRY");
                var (triedReport, triedAggregate) = await Report(ReportRuns / 2, warmUp: false);
                summary.Add(("report, GUANXI_BENCH_TRY", triedReport, triedAggregate, 1000));
            }

            Console.WriteLine("-- summary (ms; median and p95 of the runs, the baseline's median)");
            Console.WriteLine($"   {"",-34} {"median",9} {"p95",9} {"baseline",9} {"ratio",6}  target");
            foreach (var (name, app, baseline, target) in summary)
                Console.WriteLine($"   {name,-34} {P(app, 0.5),9:N0} {P(app, 0.95),9:N0} {P(baseline, 0.5),9:N1} {P(app, 0.5) / P(baseline, 0.5),5:F1}x  ≤ {target:N0} {(P(app, 0.5) <= target ? "met" : "MISSED")}");

            // Customers, orders and the surveys decided before the first day, made once (minutes at 10M orders): kept as GUANXI_BENCH_DB if set.
            async Task<People> Seed()
            {
                var people = await Hire(options);
                await using (var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddScoped(_ => new GuanxiDbContext(options)).BuildServiceProvider())
                    await services.SeedQuestionnairesAsync();   // what the app does at every startup, Demo:Seed or not
                Dictionary<SurveyKind, QuestionnaireVersion> versions;
                await using (var db = new GuanxiDbContext(options))
                    versions = await (from v in db.Set<QuestionnaireVersion>().AsNoTracking()
                                      join q in db.Set<Questionnaire>() on v.QuestionnaireId equals q.Id
                                      where q.Kind == QuestionnaireKind.Sales || q.Kind == QuestionnaireKind.AfterSales
                                      select new { q.Kind, Version = v }).ToDictionaryAsync(x => x.Kind == QuestionnaireKind.Sales ? SurveyKind.Sales : SurveyKind.AfterSales, x => x.Version);
                SqliteConnection.ClearAllPools();
                await using (var connection = new SqliteConnection($"Data Source={file};Foreign Keys=False"))
                {
                    await connection.OpenAsync();
                    // Loading alone: no rollback journal to speak of, no syncs, a big cache; write-ahead logging again after, as the app runs.
                    await GradingBench.Execute(connection, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY;");
                    await Generate(connection, people, versions, clock, customers, orders, responses, firstDay);
                    await GradingBench.Execute(connection, "PRAGMA journal_mode=WAL;");
                }
                if (kept is not null)
                {
                    SqliteConnection.ClearAllPools();
                    File.Copy(file, kept);
                }
                return people;
            }

            async Task<(List<double> App, List<double> Baseline)> Report(int runs, bool warmUp)
            {
                var (app, baseline) = (new List<double>(), new List<double>());
                for (var run = warmUp ? 0 : 1; run <= runs; run++)
                {
                    if (run == 1)
                        slow.Clear();
                    await using var db = new GuanxiDbContext(options);
                    var timer = Stopwatch.StartNew();
                    var view = await new SatisfactionReport(db, new CustomerViewers(db, current), new EnterpriseSettings(db, TimeProvider.System), clock).Handle(month, null);
                    var ms = timer.Elapsed.TotalMilliseconds;
                    var (count, mean, questions, baselineMs) = await MonthAggregate(bare, month);
                    if (!view.Succeeded)
                        throw new InvalidOperationException("The manager may not read the report.");
                    var v = view.Value!;
                    if (run is 0 or 1)
                        Console.WriteLine($"   {(run == 0 ? "warm-up" : "run 1")}: {v.Figures.Responses:N0} responses, index {v.Figures.Index}, NPS {v.Figures.Nps}, {v.Questions.Count} questions, {v.Departments.Count} departments, "
                            + $"{v.Staff.Count} staff, tasks due {v.Tasks.Due:N0} ({v.Tasks.Overdue:N0} overdue), sample {v.Sample?.Drawn}/{v.Sample?.Jobs:N0}, cases {v.HiddenProblems.Count}+{v.Invalid.Count}+{v.Overdue.Count}+{v.Comments.Count} "
                            + $"in {ms:N0} ms; baseline: {count:N0} responses, mean overall {mean:F1}, {questions} questions in {baselineMs:N0} ms");
                    if (run > 0)
                    {
                        app.Add(ms);
                        baseline.Add(baselineMs);
                    }
                }
                Line("SatisfactionReport", app, "runs");
                Line("aggregate SQL", baseline, "runs");
                slow.Print(runs);
                return (app, baseline);
            }

            async Task<(double App, double Baseline)> GenerateDay(DateOnly day, bool warmUp)
            {
                var (eligible, baselineMs) = await Candidates(bare, day, programs);
                await using var db = new GuanxiDbContext(options);
                var timer = Stopwatch.StartNew();
                var made = await new GenerateSurveyTasks(db, new EnterpriseSettings(db, TimeProvider.System), TimeProvider.System, Random.Shared, new CustomerViewers(db, current), clock).Handle(day);
                var ms = timer.Elapsed.TotalMilliseconds;
                var reasons = made.Excluded.GroupBy(e => e.Reason).ToDictionary(g => g.Key, g => g.Count());
                Console.WriteLine($"   {day:yyyy-MM-dd}{(warmUp ? " (warm-up)" : "")}: {made.Created:N0} tasks, {made.Excluded.Count:N0} excluded ({reasons.GetValueOrDefault(ExclusionReason.TradeCustomer):N0} trade, "
                    + $"{reasons.GetValueOrDefault(ExclusionReason.SurveyedWithinYear):N0} within 12 months, {reasons.GetValueOrDefault(ExclusionReason.NotSampled):N0} not sampled) in {ms:N0} ms; "
                    + $"baseline: {eligible:N0} eligible orders in {baselineMs:N0} ms");
                if (made.Created == 0 || made.Excluded.Count == 0)
                    throw new InvalidOperationException($"The generation of {day} did no real work.");
                return (ms, baselineMs);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
                File.Delete(path);
        }
    }

    /// <summary>
    /// A routine survey's task, not a SAT-15/16 program's (where the schema has programs): as the app's queries say, and only
    /// so can SQLite use the partial unique index on OrderId.
    /// </summary>
    private static string Routine(bool programs, string alias) => programs ? $" AND {alias}.\"ProgramId\" IS NULL" : "";

    private static async Task<bool> HasColumn(SqliteConnection connection, string table, string column) =>
        await GradingBench.Scalar(connection, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'") != "0";

    /// <summary>The company's people: the customer-service manager and the callback specialists; four branches' sales and service departments of 12 staff each.</summary>
    private sealed record People(ClaimsPrincipal Manager, string[] Specialists, IReadOnlyList<(Guid Department, string Staff)> Staff);

    private static async Task<People> Hire(DbContextOptions<GuanxiDbContext> options)
    {
        await using var db = new GuanxiDbContext(options);
        var (_, _, company) = await BenchAdmin.Create(db);
        var service = Department.Create("客户服务部", DepartmentKind.Department, company).Value!;
        db.Add(service);
        var manager = Hire(db, "cs-manager", "客服经理", service, Role.CustomerServiceManager);
        var specialists = Enumerable.Range(1, Specialists).Select(i => Hire(db, $"callback{i}", $"回访专员{i}", service, Role.CallbackSpecialist).Id).ToArray();
        var sites = Enumerable.Range(1, Sites).Select(site =>
        {
            var branch = Department.Create($"第{site}分公司", DepartmentKind.Branch, company).Value!;
            var (sales, after) = (Department.Create("销售部", DepartmentKind.Department, branch).Value!, Department.Create("售后服务部", DepartmentKind.Department, branch).Value!);
            db.AddRange(branch, sales, after);
            return (Site: site, Sales: sales, After: after);
        }).ToList();
        // bench_staff's order: the sales consultants of each site, then the service advisors of each site.
        var staff = sites.SelectMany(s => Enumerable.Range(1, StaffPerDepartment).Select(i => (s.Sales.Id, Hire(db, $"consultant{s.Site}-{i}", $"销售顾问{s.Site}-{i}", s.Sales, Role.SalesConsultant).Id)))
            .Concat(sites.SelectMany(s => Enumerable.Range(1, StaffPerDepartment).Select(i => (s.After.Id, Hire(db, $"advisor{s.Site}-{i}", $"服务顾问{s.Site}-{i}", s.After, Role.ServiceAdvisor).Id))))
            .ToList();
        await db.SaveChangesAsync();
        return new People(Principal(manager), specialists, staff);
    }

    /// <summary>The people of a database seeded earlier, after any newer migrations.</summary>
    private static async Task<People> Hired(DbContextOptions<GuanxiDbContext> options)
    {
        await using var db = new GuanxiDbContext(options);
        await db.Database.MigrateAsync();
        var manager = await db.Users.SingleAsync(u => u.UserName == "cs-manager@bench");
        var specialists = await db.Users.Where(u => u.UserName!.StartsWith("callback")).OrderBy(u => u.UserName).Select(u => u.Id).ToArrayAsync();
        return new People(Principal(manager), specialists, []);
    }

    private static ClaimsPrincipal Principal(StaffUser user) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(GuanxiClaims.DisplayName, user.DisplayName), new Claim(ClaimTypes.Role, Role.CustomerServiceManager.Name())], "Bench"));

    private static StaffUser Hire(GuanxiDbContext db, string name, string displayName, Department department, Role role)
    {
        var user = new StaffUser { UserName = $"{name}@bench", Email = $"{name}@bench", DisplayName = displayName, DepartmentId = department.Id, SecurityStamp = "x" };
        db.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Name() });
        return user;
    }

    /// <summary>Customers, orders, and everything decided before <paramref name="firstDay"/>: tasks with their responses, exclusions.</summary>
    private static async Task Generate(SqliteConnection connection, People people, Dictionary<SurveyKind, QuestionnaireVersion> versions, EnterpriseClock clock,
        int customers, int orders, int responses, DateOnly firstDay)
    {
        var sql = new GradingBench.Dialect(Postgres: false);
        var today = Text(clock.Today);
        var watch = Stopwatch.StartNew();
        var (owner, department) = (await GradingBench.Scalar(connection, "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"UserName\" = 'admin@bench'"),
            await GradingBench.Scalar(connection, "SELECT \"DepartmentId\" FROM \"AspNetUsers\" WHERE \"UserName\" = 'admin@bench'"));
        await Loading(connection, "Customers", () => GradingBench.Fill(connection, sql, "Customers", customers, new()
        {
            ["Id"] = sql.Id("i", CustomerRest), ["Name"] = "'客户' || i", ["Type"] = "'Person'", ["Tier"] = "'Ordinary'", ["Gender"] = "'Unknown'",
            ["Status"] = "CASE WHEN i % 100 = 3 THEN 'Archived' ELSE 'Active' END", ["TradeCustomer"] = "CASE WHEN i % 50 = 7 THEN 1 ELSE 0 END",
            ["OwnerId"] = $"'{owner}'", ["DepartmentId"] = $"'{department}'", ["Version"] = sql.Id("i", "0000-4000-8000-000000000000"),
            ["Phones"] = "'[]'", ["Emails"] = "'[]'", ["Contacts"] = "'[]'", ["Addresses"] = "'[]'",
        }));
        Console.WriteLine($"   {customers:N0} customers in {watch.Elapsed.TotalSeconds:F0} s");

        // The staff by number: 0–47 the sites' sales consultants, 48–95 their service advisors; an order's is a hash of its number.
        watch.Restart();
        await GradingBench.Execute(connection, "CREATE TEMP TABLE bench_staff (k INTEGER PRIMARY KEY, department TEXT NOT NULL, staff TEXT NOT NULL); INSERT INTO bench_staff VALUES "
            + string.Join(", ", people.Staff.Select((s, k) => $"({k}, '{s.Department.ToString().ToUpperInvariant()}', '{s.Staff}')")));
        var perKind = Sites * StaffPerDepartment;
        var sale = $"i % {SaleEvery} = 0";
        var key = $"(CASE WHEN {sale} THEN 0 ELSE {perKind} END + ((i * 2654435761) % 4294967296) / 65536 % {perKind})";
        var delivered = $"(1 + (i * 7919) % {HistoryDays})";
        await Loading(connection, "Orders", () => GradingBench.Fill(connection, sql, "Orders", orders, new()
        {
            ["Id"] = sql.Id("i", OrderRest), ["Kind"] = $"CASE WHEN {sale} THEN 'Sale' ELSE 'Service' END", ["ExternalNo"] = $"CASE WHEN {sale} THEN 'XS' ELSE 'WX' END || i",
            ["VehicleModel"] = $"CASE WHEN {sale} THEN '车型' || (i % 40) END", ["CustomerId"] = sql.Id($"1 + {sql.Random(customers)}", CustomerRest),
            ["DepartmentId"] = $"(SELECT department FROM bench_staff WHERE k = {key})", ["StaffId"] = $"(SELECT staff FROM bench_staff WHERE k = {key})",
            ["DeliveredAt"] = $"date('{today}', '-' || {delivered} || ' days')",
            ["OrderedAt"] = $"date('{today}', '-' || ({delivered} + CASE WHEN {sale} THEN 7 + i % 24 ELSE 0 END) || ' days')",
            ["Amount"] = $"CASE WHEN {sale} THEN 10000000 + {sql.Random(20_000_000)} ELSE 30000 + {sql.Random(470_000)} END",
            ["Items"] = "'[]'", ["Payments"] = "'[]'", ["Version"] = sql.Id("i", "0001-4000-8000-000000000000"),
        }));
        Console.WriteLine($"   {orders:N0} orders in {watch.Elapsed.TotalSeconds:F0} s");

        // What the daily job has decided before the first day: every window that opened before it.
        watch.Restart();
        var salesBefore = Text(firstDay.AddDays(-SurveyWindows.Default.SalesOpensAfterDays));
        var serviceBefore = Text(firstDay.AddDays(-SurveyWindows.Default.AfterSalesOpensAfterDays));
        await GradingBench.Execute(connection, $"""
            CREATE TEMP TABLE bench_sales (n INTEGER PRIMARY KEY, prev TEXT);
            INSERT INTO bench_sales (n, prev)
            SELECT o.rowid, LAG(o."DeliveredAt") OVER (PARTITION BY o."CustomerId" ORDER BY o."DeliveredAt") FROM "Orders" o WHERE o."Kind" = 'Sale' AND o."DeliveredAt" < '{salesBefore}';
            """);
        var tasks = new List<(Guid Order, SurveyKind Kind, Guid Customer, Guid Department, string? Staff, DateOnly Delivered)>();
        await using (var read = connection.CreateCommand())
        {
            // Sales: all but trade customers' and a customer's second within 12 months; after-sales: the sample. CROSS JOIN keeps SQLite to
            // this order (without statistics 3.53 would rather walk 9M service orders and run the numbers' CTE for each).
            read.CommandText = $"""
                WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + {SampledEvery} FROM s WHERE n + {SampledEvery} <= {orders})
                SELECT o."Id", 'Sales', o."CustomerId", o."DepartmentId", o."StaffId", o."DeliveredAt"
                FROM bench_sales b CROSS JOIN "Orders" o CROSS JOIN "Customers" c
                WHERE o.rowid = b.n AND c."Id" = o."CustomerId" AND c."Status" = 'Active' AND NOT c."TradeCustomer"
                  AND (b.prev IS NULL OR b.prev <= date(o."DeliveredAt", '-365 days'))
                UNION ALL
                SELECT o."Id", 'AfterSales', o."CustomerId", o."DepartmentId", o."StaffId", o."DeliveredAt"
                FROM s CROSS JOIN "Orders" o CROSS JOIN "Customers" c
                WHERE o.rowid = s.n AND c."Id" = o."CustomerId" AND c."Status" = 'Active' AND NOT c."TradeCustomer" AND o."Kind" = 'Service' AND o."DeliveredAt" < '{serviceBefore}'
                """;
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tasks.Add((reader.GetGuid(0), Enum.Parse<SurveyKind>(reader.GetString(1)), reader.GetGuid(2), reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        // ~97% answered (a few of them first unreachable, superseded), the rest overdue: as many responses as asked for when there are tasks enough.
        var answered = Math.Min(0.97, responses / 1.02 / Math.Max(1, tasks.Count));
        var superseded = Math.Clamp(responses / Math.Max(1.0, tasks.Count * answered) - 1, 0, 0.2) / 0.89;
        var written = (Tasks: 0, Responses: 0);
        await Loading(connection, "SurveyTasks", () => Loading(connection, "SurveyResponses", async () =>
        {
            await GradingBench.Execute(connection, "BEGIN");
            await using var task = new RowWriter(connection, "SurveyTasks", TaskColumns);
            await using var response = new RowWriter(connection, "SurveyResponses", ResponseColumns);
            var random = new Random(20261124);
            var mood = new Dictionary<string, double>(StringComparer.Ordinal);
            DateTimeOffset At(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, random.Next(60))), clock.Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
            foreach (var t in tasks)
            {
                var window = SurveyWindows.Default.For(t.Kind, t.Delivered);
                var survey = SurveyTask.Open(t.Kind, t.Customer, t.Order, t.Department, t.Staff, t.Delivered, window, people.Specialists[random.Next(Specialists)], At(window.Opens, 6));
                var respondOn = window.Opens.AddDays(Math.Min(random.Next(0, 4) + random.Next(0, 3), 6));
                for (var a = random.Next(0, 3); a > 0; a--)
                    survey.Attempt(random.NextDouble() < 0.7 ? AttemptResult.NoAnswer : AttemptResult.Busy, null, At(respondOn, 9 + a));
                if (random.NextDouble() >= answered)
                {
                    if (random.NextDouble() < 0.7)
                        survey.ExplainOverdue(OverdueReasons[random.Next(OverdueReasons.Length)]);
                }
                else
                {
                    var roll = random.NextDouble();
                    if (roll > 0.89)
                    {
                        var reason = roll switch { < 0.95 => SurveyOutcome.Unreachable, < 0.98 => SurveyOutcome.Incomplete, _ => SurveyOutcome.FalseArchive };
                        Respond(SurveyResponse.Invalid(survey.Id, SurveyMethod.Phone, reason, InvalidNotes[random.Next(InvalidNotes.Length)], Caller, respondOn, At(respondOn, 15)).Value!);
                    }
                    else
                    {
                        var method = random.NextDouble() switch { < 0.15 => SurveyMethod.Link, < 0.20 => SurveyMethod.Mail, < 0.26 when t.Kind == SurveyKind.Sales => SurveyMethod.OnSite, _ => SurveyMethod.Phone };
                        var staffMood = t.Staff is null ? 0 : mood.TryGetValue(t.Staff, out var m) ? m : mood[t.Staff] = (random.NextDouble() - 0.5) * 0.12;
                        var last = Answer(random, survey, versions[t.Kind], method, respondOn, At(respondOn, 11), staffMood);
                        if (respondOn.AddDays(-2) >= window.Opens && random.NextDouble() < superseded)
                        {
                            var blank = SurveyResponse.Invalid(survey.Id, SurveyMethod.Phone, SurveyOutcome.Unreachable, InvalidNotes[0], Caller, respondOn.AddDays(-2), At(respondOn.AddDays(-2), 15)).Value!;
                            survey.Respond(blank, blank.RespondedOn, blank.RespondedAt);
                            blank.SupersedeWith(last);
                            Write(blank);
                        }
                        Respond(last);
                    }
                }
                task.Write(survey.Id, survey.Kind, survey.CustomerId, survey.OrderId, survey.DepartmentId, survey.StaffId, survey.DeliveredOn, survey.Opens, survey.Due, survey.AssigneeId,
                    survey.Outcome, survey.SurveyedOn, survey.Attempts, survey.LastAttemptAt, survey.CallBackAt, survey.OverdueReason, survey.ResponseId, survey.CreatedAt, survey.ClosedAt);
                written.Tasks++;

                void Respond(SurveyResponse r)
                {
                    survey.Respond(r, r.RespondedOn, r.RespondedAt);
                    Write(r);
                }
            }
            await GradingBench.Execute(connection, "COMMIT");

            void Write(SurveyResponse r)
            {
                response.Write(r.Id, r.TaskId, r.Method, r.VersionId, JsonSerializer.Serialize(r.Answers, JsonColumn.Options), r.Comment, r.Outcome, r.Note, r.ItemScore, r.OverallScore,
                    r.Recommend, r.HiddenProblem, r.RespondedOn, r.RespondedAt, r.RecordedById, r.SupersededBy);
                written.Responses++;
            }
        }));
        Console.WriteLine($"   {written.Tasks:N0} survey tasks and {written.Responses:N0} responses in {watch.Elapsed.TotalSeconds:F0} s");

        // Every other delivery and job of an active customer whose window opened before the first day: excluded, and why. The orders
        // read in their order (+Kind: not through the Kind index, which would visit 9M rows at random and sort them after).
        watch.Restart();
        var programs = await HasColumn(connection, "SurveyTasks", "ProgramId");
        await Loading(connection, "SurveyExclusions", () => GradingBench.Execute(connection, $"""
            INSERT INTO "SurveyExclusions" ("OrderId", "Kind", "CustomerId", "DeliveredOn", "DecidedOn", "Reason", "SurveyedOn")
            SELECT o."Id", CASE o."Kind" WHEN 'Sale' THEN 'Sales' ELSE 'AfterSales' END, o."CustomerId", o."DeliveredAt",
                date(o."DeliveredAt", CASE o."Kind" WHEN 'Sale' THEN '{Days(SurveyWindows.Default.SalesOpensAfterDays)}' ELSE '{Days(SurveyWindows.Default.AfterSalesOpensAfterDays)}' END),
                CASE WHEN c."TradeCustomer" THEN 'TradeCustomer' WHEN o."Kind" = 'Sale' THEN 'SurveyedWithinYear' ELSE 'NotSampled' END,
                CASE WHEN NOT c."TradeCustomer" AND o."Kind" = 'Sale' THEN (SELECT date(b.prev, '+25 days') FROM bench_sales b WHERE b.n = o.rowid) END
            FROM "Orders" o CROSS JOIN "Customers" c
            WHERE c."Id" = o."CustomerId" AND c."Status" = 'Active'
              AND ((+o."Kind" = 'Sale' AND o."DeliveredAt" < '{salesBefore}') OR (+o."Kind" = 'Service' AND o."DeliveredAt" < '{serviceBefore}'))
              AND NOT EXISTS (SELECT 1 FROM "SurveyTasks" t WHERE t."OrderId" = o."Id"{Routine(programs, "t")})
            ORDER BY o.rowid
            """));
        Console.WriteLine($"   {long.Parse(await GradingBench.Scalar(connection, "SELECT COUNT(*) FROM \"SurveyExclusions\""), CultureInfo.InvariantCulture):N0} exclusions in {watch.Elapsed.TotalSeconds:F0} s");
        await GradingBench.Execute(connection, "DROP TABLE bench_sales; DROP TABLE bench_staff;");
    }

    /// <summary>A table loaded with its secondary indexes dropped and made again after (as the migrations wrote them): sorting once beats inserting at random.</summary>
    private static async Task Loading(SqliteConnection connection, string table, Func<Task> load)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL";
            command.Parameters.AddWithValue("$table", table);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes)
            await GradingBench.Execute(connection, $"DROP INDEX \"{name}\"");
        await load();
        foreach (var (_, sql) in indexes)
            await GradingBench.Execute(connection, sql);
    }

    /// <summary>A questionnaire filled in as the demo's customers fill it (<see cref="Web.Features.Demo.DemoSurveys"/>): mostly content, a few hidden problems, staff a little different.</summary>
    private static SurveyResponse Answer(Random random, SurveyTask task, QuestionnaireVersion version, SurveyMethod method, DateOnly on, DateTimeOffset at, double staff)
    {
        var hidden = random.NextDouble() < 0.03;
        var mood = hidden ? 0.95 : Math.Clamp(0.8 + staff + Gaussian() * 0.13, 0.15, 1);
        double Noisy() => Math.Clamp(mood + Gaussian() * 0.08, 0, 1);
        string Number(double n) => ((int)Math.Round(n)).ToString(CultureInfo.InvariantCulture);
        var answers = new List<Answer>();
        foreach (var q in version.Questions)
        {
            var value = q.Scale switch
            {
                _ when q.Dimension == Dimension.Overall && hidden => Number(3 + random.Next(3)),
                _ when q.Dimension == Dimension.Recommendation && hidden => Number(3 + random.Next(4)),
                AnswerScale.OneToFive => Number(1 + 4 * Noisy()),
                AnswerScale.OneToTen => Number(1 + 9 * Noisy()),
                AnswerScale.ZeroToTen => Number(10 * Noisy()),
                AnswerScale.YesNo => random.NextDouble() < mood + 0.08 ? "是" : "否",
                AnswerScale.Words => Question.Words[(int)Math.Round(3 * Noisy())],
                _ => null,
            };
            if (value is not null)
                answers.Add(new Answer(q.Id, value));
        }
        var comment = hidden || random.NextDouble() < 0.25 ? Comments[random.Next(Comments.Length)] : null;
        return SurveyResponse.Answered(task.Id, method, version, answers, comment, RecordSurveyResponse.DefaultHiddenGap, method == SurveyMethod.Link ? Actor.System() : Caller, on, at).Value!;

        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }

    /// <summary>
    /// The baseline of a day's generation: the orders whose windows open that day (undecided, of active customers, not
    /// returns), of customers who are not trade customers and have no survey that reached them (or may still) within
    /// 365 days of the window's opening — the candidates and the 12-month rule in one query.
    /// </summary>
    private static async Task<(int Rows, double Ms)> Candidates(SqliteConnection connection, DateOnly day, bool programs)
    {
        var windows = SurveyWindows.Default;
        var watch = Stopwatch.StartNew();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT o."Id", o."Kind", o."CustomerId", o."DepartmentId", o."StaffId", o."DeliveredAt"
            FROM "Orders" o JOIN "Customers" c ON c."Id" = o."CustomerId"
            WHERE c."Status" = 'Active' AND NOT c."TradeCustomer" AND o."Amount" >= 0
              AND ((o."Kind" = 'Sale' AND o."DeliveredAt" BETWEEN $salesFrom AND $salesTo) OR (o."Kind" = 'Service' AND o."DeliveredAt" BETWEEN $serviceFrom AND $serviceTo))
              AND NOT EXISTS (SELECT 1 FROM "SurveyTasks" t WHERE t."OrderId" = o."Id"{Routine(programs, "t")})
              AND NOT EXISTS (SELECT 1 FROM "SurveyExclusions" e WHERE e."OrderId" = o."Id")
              AND NOT EXISTS (SELECT 1 FROM "SurveyTasks" p WHERE p."CustomerId" = o."CustomerId"{Routine(programs, "p")} AND p."Outcome" IN ('Pending', 'Completed', 'Incomplete')
                  AND p."SurveyedOn" > date(o."DeliveredAt", CASE o."Kind" WHEN 'Sale' THEN '{Days(windows.SalesOpensAfterDays - SurveyEligibility.RepeatDays)}' ELSE '{Days(windows.AfterSalesOpensAfterDays - SurveyEligibility.RepeatDays)}' END)
                  AND p."SurveyedOn" < date(o."DeliveredAt", CASE o."Kind" WHEN 'Sale' THEN '{Days(windows.SalesOpensAfterDays + SurveyEligibility.RepeatDays)}' ELSE '{Days(windows.AfterSalesOpensAfterDays + SurveyEligibility.RepeatDays)}' END))
            """;
        command.Parameters.AddWithValue("$salesFrom", Text(day.AddDays(-(windows.SalesOpensAfterDays + windows.WindowDays - 1))));
        command.Parameters.AddWithValue("$salesTo", Text(day.AddDays(-windows.SalesOpensAfterDays)));
        command.Parameters.AddWithValue("$serviceFrom", Text(day.AddDays(-(windows.AfterSalesOpensAfterDays + windows.WindowDays - 1))));
        command.Parameters.AddWithValue("$serviceTo", Text(day.AddDays(-windows.AfterSalesOpensAfterDays)));
        return (await ReadAll(command), watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>The baseline of the report: the month's counted, completed responses, their mean overall score, and each question's mean score (0–100).</summary>
    private static async Task<(long Count, double Mean, int Questions, double Ms)> MonthAggregate(SqliteConnection connection, ReportPeriod month)
    {
        var watch = Stopwatch.StartNew();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            WITH r AS (SELECT "OverallScore", "Answers" FROM "SurveyResponses"
                       WHERE "SupersededBy" IS NULL AND "Outcome" = 'Completed' AND "VersionId" IS NOT NULL AND "RespondedOn" BETWEEN $from AND $to),
            a AS (SELECT json_extract(j.value, '$.questionId') AS q, json_extract(j.value, '$.value') AS v FROM r, json_each(r."Answers") j)
            SELECT NULL, COUNT(*), AVG("OverallScore") FROM r
            UNION ALL
            SELECT q, COUNT(*), AVG(CASE WHEN v IN ('是', '否') THEN (v = '是') * 100.0 WHEN q = 'overall' THEN (CAST(v AS REAL) - 1) * 100 / 9
                                         WHEN q = 'recommend' THEN CAST(v AS REAL) * 10 ELSE (CAST(v AS REAL) - 1) * 25 END)
            FROM a WHERE q <> 'comment' GROUP BY q
            """;
        command.Parameters.AddWithValue("$from", Text(month.From));
        command.Parameters.AddWithValue("$to", Text(month.To));
        var (count, mean, questions) = (0L, 0d, 0);
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                if (reader.IsDBNull(0))
                    (count, mean) = (reader.GetInt64(1), reader.IsDBNull(2) ? 0 : reader.GetDouble(2));
                else
                    questions++;
            }
        return (count, mean, questions, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>What the surveys page's Load runs for the "due today" view: the list of 200 and the three counts, each handler in a scope of its own.</summary>
    private static async Task<(int Rows, int DueToday, int Overdue, int Pending)> Queue(DbContextOptions<GuanxiDbContext> options, EnterpriseClock clock, CurrentUser current, string assignee)
    {
        var today = clock.Today;
        async Task<Page<SurveyTaskView>> List(SurveyTaskStatus status, int take, DateOnly? dueBy)
        {
            await using var db = new GuanxiDbContext(options);
            var listed = await new ListSurveyTasks(db, current, new CustomerViewers(db, current), [], clock)
                .Handle(new SurveyTaskQuery(status, AssigneeId: assignee is "" ? null : assignee, DueBy: dueBy, PageSize: take));
            return listed.Value ?? throw new InvalidOperationException(listed.Errors[0].MessageEn);
        }
        var list = await List(SurveyTaskStatus.Pending, 200, today);
        var dueToday = await List(SurveyTaskStatus.Pending, 1, today);
        var overdue = await List(SurveyTaskStatus.Overdue, 1, null);
        var pending = await List(SurveyTaskStatus.Pending, 1, null);
        return (list.Items.Count, dueToday.Total, overdue.Total, pending.Total);
    }

    /// <summary>The same queries by hand: each of the four a count and a page (tasks, customer's name, assignee's name, due first).</summary>
    private static async Task<int> BareQueue(SqliteConnection connection, string assignee, DateOnly today)
    {
        var rows = 0;
        foreach (var (status, take) in new[]
        {
            ("t.\"Outcome\" = 'Pending' AND t.\"Due\" >= $today AND t.\"Due\" <= $today", 200),
            ("t.\"Outcome\" = 'Pending' AND t.\"Due\" >= $today AND t.\"Due\" <= $today", 1),
            ("t.\"Outcome\" = 'Pending' AND t.\"Due\" < $today", 1),
            ("t.\"Outcome\" = 'Pending' AND t.\"Due\" >= $today", 1),
        })
        {
            var where = (assignee is "" ? "" : "t.\"AssigneeId\" = $assignee AND ") + status;
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"SurveyTasks\" t WHERE {where}";
            await using var page = connection.CreateCommand();
            page.CommandText = $"""
                SELECT t."Id", t."CustomerId", c."Name", t."OrderId", t."Kind", t."DeliveredOn", t."Opens", t."Due", t."Outcome", t."AssigneeId", u."DisplayName",
                       t."Attempts", t."CallBackAt", t."OverdueReason"
                FROM "SurveyTasks" t JOIN "Customers" c ON c."Id" = t."CustomerId" LEFT JOIN "AspNetUsers" u ON u."Id" = t."AssigneeId"
                WHERE {where} ORDER BY t."Due", t."Id" LIMIT {take}
                """;
            foreach (var command in new[] { count, page })
            {
                command.Parameters.AddWithValue("$today", Text(today));
                if (assignee is not "")
                    command.Parameters.AddWithValue("$assignee", assignee);
            }
            await count.ExecuteScalarAsync();
            var n = await ReadAll(page);
            if (take == 200)
                rows = n;
        }
        return rows;
    }

    /// <summary>What <see cref="MeasureEffects"/> needs, as the app registers it.</summary>
    private static ServiceProvider EffectServices(DbContextOptions<GuanxiDbContext> options, EnterpriseClock clock, ClaimsPrincipal manager)
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddSingleton(clock).AddScoped(_ => new GuanxiDbContext(options))
            .AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddScoped(p =>
            {
                var current = new CurrentUser(p.GetRequiredService<IHttpContextAccessor>());
                current.Use(manager);
                return current;
            });
        foreach (var type in new[] { typeof(CustomerViewers), typeof(EnterpriseSettings), typeof(EnterpriseCalendar), typeof(StaffNames), typeof(PersonalDataLog), typeof(ComplaintDesk) })
            services.AddScoped(type);
        return services.AddScoped<MeasureEffects>().BuildServiceProvider();
    }

    /// <summary>
    /// The effect's two windows by hand, as one would write them from the satisfaction report's queries: the counted responses of the
    /// days (through the report's index on the day), joined to their tasks for the department; a question's (a dimension's) answers out
    /// of their JSON grouped by week and value, or the overall scores summed per week.
    /// </summary>
    private static async Task<int> BareEffect(SqliteConnection connection, int metric, Guid department, DateOnly raised, DateOnly done, DateOnly today)
    {
        var (before, after) = EffectCheck.Periods(raised, done, today);
        var rows = 0;
        foreach (var period in new[] { before, after! })
        {
            var week = "(CAST(julianday(r.\"RespondedOn\") - julianday($from) AS INTEGER) / 7)";
            var from = $"""
                FROM "SurveyResponses" r JOIN "SurveyTasks" t ON t."Id" = r."TaskId"{(metric < 2 ? ", json_each(r.\"Answers\") a" : "")}
                WHERE r."RespondedOn" >= $from AND r."RespondedOn" <= $to AND r."ProgramId" IS NULL AND r."SupersededBy" IS NULL AND r."Outcome" = 'Completed'
                  AND t."DepartmentId" = $department
                """;
            await using var command = connection.CreateCommand();
            command.CommandText = metric switch
            {
                0 => $"SELECT {week}, json_extract(a.value, '$.value'), COUNT(*) {from} AND json_extract(a.value, '$.questionId') = 'consultant' GROUP BY 1, 2",
                1 => $"SELECT {week}, json_extract(a.value, '$.questionId'), json_extract(a.value, '$.value'), COUNT(*) {from} AND json_extract(a.value, '$.questionId') IN ('consultant', 'handover', 'advisor') GROUP BY 1, 2, 3",
                _ => $"SELECT {week}, COUNT(r.\"OverallScore\"), SUM(r.\"OverallScore\") {from} AND t.\"Kind\" = 'Sales' GROUP BY 1",
            };
            command.Parameters.AddWithValue("$from", Text(period.From));
            command.Parameters.AddWithValue("$to", Text(period.To));
            command.Parameters.AddWithValue("$department", department.ToString().ToUpperInvariant());
            rows += await ReadAll(command);
        }
        return rows;
    }

    private static async Task<int> ReadAll(DbCommand command)
    {
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
                _ = reader.GetValue(i);
            rows++;
        }
        return rows;
    }

    /// <summary>Each key's query timed, after 20 to warm up (as <see cref="AuditBench.Measure"/>), printed the same way.</summary>
    private static async Task<List<double>> Times(string name, string[] keys, Func<string, Task<int>> query, Action? warmedUp = null)
    {
        for (var i = 0; i < 20; i++)
            await query(keys[i % keys.Length]);
        warmedUp?.Invoke();
        var (times, found) = (new List<double>(keys.Length), 0);
        foreach (var key in keys)
        {
            var watch = Stopwatch.StartNew();
            found += await query(key);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        Line(name, times, $"queries, {found:N0} rows");
        return times;
    }

    private static void Line(string name, List<double> times, string what) =>
        Console.WriteLine($"{name,-22} median {P(times, 0.5):F1} ms  p95 {P(times, 0.95):F1} ms  ({times.Count} {what})");

    private static double P(List<double> times, double q)
    {
        var sorted = times.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)];
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An SQLite date modifier: "+21 days", "-344 days".</summary>
    private static string Days(int days) => days.ToString("+0;-0", CultureInfo.InvariantCulture) + " days";

    /// <summary>A prepared INSERT of a table's columns, values given as the model stores them on SQLite (ids as upper-case text, dates as text, instants as UTC ticks, enums by name).</summary>
    private sealed class RowWriter : IAsyncDisposable
    {
        private readonly SqliteCommand command;
        private readonly SqliteParameter[] parameters;

        public RowWriter(SqliteConnection connection, string table, string[] columns)
        {
            command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            parameters = [.. columns.Select((_, i) => command.Parameters.Add($"$p{i}", SqliteType.Text))];
            command.Prepare();
        }

        public void Write(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var (type, value) = values[i] switch
                {
                    null => (SqliteType.Text, (object)DBNull.Value),
                    Guid id => (SqliteType.Text, id.ToString().ToUpperInvariant()),
                    DateOnly day => (SqliteType.Text, Text(day)),
                    DateTimeOffset at => (SqliteType.Integer, at.UtcTicks),
                    bool flag => (SqliteType.Integer, flag ? 1L : 0L),
                    int n => (SqliteType.Integer, (long)n),
                    double d => (SqliteType.Real, d),
                    Enum e => (SqliteType.Text, e.ToString()),
                    var other => (SqliteType.Text, other),
                };
                (parameters[i].SqliteType, parameters[i].Value) = (type, value);
            }
            command.ExecuteNonQuery();
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }

    /// <summary>How long SaveChanges takes, from start to end.</summary>
    private sealed class SaveTimes : SaveChangesInterceptor
    {
        private readonly Stopwatch watch = new();

        public double Ms { get; private set; }

        public void Clear() => Ms = 0;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            watch.Restart();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Ms += watch.Elapsed.TotalMilliseconds;
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>
    /// Where a measurement's time goes: every statement of the app's counted and timed (a reader until it is disposed, so
    /// reading the rows is included), and those that took <see cref="SlowMs"/> or more listed by their SQL.
    /// </summary>
    private sealed class SlowStatements : DbCommandInterceptor
    {
        private readonly ConcurrentDictionary<string, (int Count, double Ms)> seen = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<Guid, long> started = new();
        private (int Count, double Ms) all;

        // From the command's start (not the reader's: a COUNT does its work before the reader is returned) to its end (a reader's disposal: reading included).
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Start(eventData, result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Start(eventData, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) => Start(eventData, result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Start(eventData, result));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) => Start(eventData, result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Start(eventData, result));

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            Note(command, eventData.CommandId);
            return result;
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Note(command, eventData.CommandId);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Note(command, eventData.CommandId);
            return ValueTask.FromResult(result);
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            Note(command, eventData.CommandId);
            return result;
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Note(command, eventData.CommandId);
            return ValueTask.FromResult(result);
        }

        private T Start<T>(CommandEventData eventData, T result)
        {
            started[eventData.CommandId] = Stopwatch.GetTimestamp();
            return result;
        }

        private void Note(DbCommand command, Guid id)
        {
            if (!started.TryRemove(id, out var start))
                return;
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            lock (seen)
                all = (all.Count + 1, all.Ms + ms);
            if (ms >= SlowMs)
                seen.AddOrUpdate(string.Join(' ', command.CommandText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), (1, ms), (_, s) => (s.Count + 1, s.Ms + ms));
        }

        public void Clear()
        {
            seen.Clear();
            all = default;
            Saves.Clear();
        }

        /// <summary>SaveChanges, from its start to its end (its INSERTs among the statements).</summary>
        public SaveTimes Saves { get; } = new();

        public void Print(int runs)
        {
            Console.WriteLine($"   the app's SQL: {all.Count / (double)runs:N0} statements a run, {all.Ms / runs:N0} ms a run (reading included); SaveChanges {Saves.Ms / runs:N0} ms a run; the rest in the process");
            foreach (var (sql, (count, ms)) in seen.OrderByDescending(s => s.Value.Ms).Take(6))
                Console.WriteLine($"   slow: {count} × {ms / count:N0} ms (≈{ms / runs:N0} ms a run): {(sql.Length > 400 ? sql[..400] + " …" : sql)}");
            Clear();
        }
    }
}
