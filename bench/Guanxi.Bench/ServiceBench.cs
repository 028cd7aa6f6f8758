using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Calendar;
using Guanxi.Web.Features.Complaints;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Features.ServiceDesk;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Guanxi.Bench;

/// <summary>
/// Issue 23 at scale (1,000,000 customers, 10,000,000 orders, 2,000,000 complaints of which 20,000 open), each against
/// hand-written SQL doing the same work in the same run: the SLA job over the open complaints, the service report for a
/// year, the crisis detector, a timeline page of a customer with 2,000 events, and receiving a complaint (the handler of
/// POST /api/complaints, in process). The complaints are made through the domain (received, assigned, answered, resolved,
/// closed on the working calendar; their warnings and escalations fired as the job fires them) and written with the app's
/// BulkInsert. GUANXI_BENCH_DB reuses a database (the customers and orders of the workbench or grading bench's).
/// </summary>
internal static class ServiceBench
{
    private const int TimelineContacts = 1_700;
    private const int TimelineComplaints = 300;

    public static async Task Run(string[] args)
    {
        var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var orders = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : customers * 10;
        var complaints = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000_000;
        var open = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : complaints / 100;
        var postgres = args.Length > 4 && args[4] == "postgres";
        var kept = Environment.GetEnvironmentVariable("GUANXI_BENCH_DB");
        var name = kept ?? (postgres ? $"guanxi_service_{Guid.NewGuid():N}" : Path.Combine(Path.GetTempPath(), $"guanxi-service-{Guid.NewGuid():N}.db"));
        var server = Environment.GetEnvironmentVariable("GUANXI_BENCH_POSTGRES");
        if (postgres && server is null)
            throw new InvalidOperationException("Set GUANXI_BENCH_POSTGRES to a PostgreSQL connection string.");
        var connectionString = postgres ? new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 }.ConnectionString : $"Data Source={name}";
        var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
            connectionString, [new CustomerSearchInterceptor()]).Options;

        ClaimsPrincipal admin;
        await using (var db = new GuanxiDbContext(options))
        {
            var existing = await BenchAdmin.Existing(db);
            admin = existing ?? (await BenchAdmin.Create(db)).Admin;
            if (existing is null)
            {
                var watch = Stopwatch.StartNew();
                await using var connection = await GradingBench.Open(db);
                await GradingBench.Generate(connection, new GradingBench.Dialect(postgres), customers, orders);
                Console.WriteLine($"   customers and orders generated in {watch.Elapsed.TotalSeconds:F0} s");
            }
        }
        // The bench's administrator's account as the customer-service manager and general manager: receives complaints, reads the report, sees every customer.
        var manager = new ClaimsPrincipal(new ClaimsIdentity([admin.FindFirst(ClaimTypes.NameIdentifier)!, new Claim(ClaimTypes.Role, Role.CustomerServiceManager.Name()),
            new Claim(ClaimTypes.Role, Role.GeneralManager.Name())], "Bench"));
        var services = Services(options, manager);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
            if (!await db.Set<Complaint>().AnyAsync())
            {
                var watch = Stopwatch.StartNew();
                await Generate(scope.ServiceProvider, admin, customers, complaints, open);
                Console.WriteLine($"   complaints, steps and the timeline customer's contacts generated in {watch.Elapsed.TotalSeconds:F0} s");
            }
            Console.WriteLine($"{Environment.ProcessorCount} cores; {(postgres ? "PostgreSQL" : "SQLite")}; {await db.Set<Customer>().CountAsync():N0} customers, "
                + $"{await db.Set<Guanxi.Domain.Orders.Order>().CountAsync():N0} orders, {await db.Set<Complaint>().CountAsync():N0} complaints "
                + $"({await db.Set<Complaint>().CountAsync(c => c.ResolvedAt == null):N0} open), {await db.Set<ComplaintStep>().CountAsync():N0} steps");
        }

        // GUANXI_BENCH_ONLY=report,detector,timeline,receive,sla runs some of them (the SLA job's first run changes the data).
        var only = Environment.GetEnvironmentVariable("GUANXI_BENCH_ONLY")?.Split(',') ?? ["report", "detector", "timeline", "receive", "sla"];
        if (only.Contains("report"))
            await Report(services, admin);
        if (only.Contains("detector"))
            await Detector(services);
        if (only.Contains("timeline"))
            await Timeline(services, admin);
        if (only.Contains("receive"))
            await Receive(services, admin, customers);
        if (only.Contains("sla"))
            await SlaJob(services);
    }

    /// <summary>The app's handlers as a request scope builds them, acting as the bench's administrator.</summary>
    private static ServiceProvider Services(DbContextOptions<GuanxiDbContext> options, ClaimsPrincipal admin)
    {
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSingleton(TimeProvider.System)
            .AddSingleton(_ => new EnterpriseClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(EnterpriseClock.DefaultTimeZone)))
            .AddScoped(_ => new GuanxiDbContext(options)).AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddScoped(p =>
            {
                var current = new CurrentUser(p.GetRequiredService<IHttpContextAccessor>());
                current.Use(admin);
                return current;
            });
        foreach (var type in new[]
                 {
                     typeof(CustomerViewers), typeof(EnterpriseSettings), typeof(EnterpriseCalendar), typeof(StaffNames), typeof(PersonalDataLog), typeof(ComplaintDesk),
                     typeof(Notifier), typeof(ComplaintReception), typeof(ReceiveComplaint), typeof(CheckComplaintTimes), typeof(RaiseCrisisWarnings), typeof(ServiceReport), typeof(GetCustomerTimeline),
                 })
            services.AddScoped(type);
        foreach (var source in typeof(GetCustomerTimeline).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITimelineSource).IsAssignableFrom(t)))
            services.AddScoped(typeof(ITimelineSource), source);
        return services.BuildServiceProvider();
    }

    private static Guid CustomerId(int i) => Guid.Parse($"{i:X8}-0000-7000-8000-000000000000", CultureInfo.InvariantCulture);

    /// <summary>Two years of complaints through the domain: all but the newest <paramref name="open"/> handled to the end.</summary>
    private static async Task Generate(IServiceProvider provider, ClaimsPrincipal admin, int customers, int count, int open)
    {
        var db = provider.GetRequiredService<GuanxiDbContext>();
        var clock = provider.GetRequiredService<EnterpriseClock>();
        var sla = new SlaRules(await provider.GetRequiredService<EnterpriseCalendar>().Current(), ComplaintPolicy.Default);
        var categories = ComplaintCategory.Defaults.Select(c => c.Code).ToArray();
        var standards = ServiceStandard.Defaults.ToDictionary(s => s.Tier);
        var staff = admin.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var company = await db.Set<Department>().SingleAsync(d => d.Kind == DepartmentKind.Company);
        var departments = new List<Guid> { company.Id };
        for (var i = 1; i <= 9; i++)
        {
            var department = Department.Create($"部门{i}", DepartmentKind.Department, company).Value!;
            db.Add(department);
            departments.Add(department.Id);
        }
        await db.SaveChangesAsync();

        var random = new Random(23);
        var now = TimeProvider.System.GetUtcNow();
        var today = clock.Today;
        var by = Actor.Staff(staff);
        var tiers = new[] { (Tier.Vip, 0.05), (Tier.Important, 0.2), (Tier.Ordinary, 0.75) };
        await using var connection = await GradingBench.Open(db);
        var made = 0;
        var batch = new List<Complaint>(50_000);
        while (made < count)
        {
            batch.Clear();
            var size = Math.Min(50_000, count - made);
            for (var j = 0; j < size; j++, made++)
            {
                var stillOpen = made >= count - open;
                // The open ones were received in the last fortnight; the others over two years before it.
                var at = WorkingHours(random, today.AddDays(stillOpen ? -1 - random.Next(14) : -15 - random.Next(715)), clock.Zone);
                var customer = made < TimelineComplaints ? 1 : 1 + random.Next(customers);
                var tier = Pick(random, tiers);
                var severity = random.NextDouble() switch { < 0.35 => ComplaintSeverity.Low, < 0.8 => ComplaintSeverity.Medium, < 0.95 => ComplaintSeverity.High, _ => ComplaintSeverity.Critical };
                var channel = random.NextDouble() switch { < 0.6 => ContactChannel.Phone, < 0.75 => ContactChannel.Visit, < 0.9 => ContactChannel.Wechat, < 0.95 => ContactChannel.Email, _ => ContactChannel.Chat };
                var touchpoint = (Touchpoint)random.Next(4);
                var intake = new ComplaintIntake(CustomerId(customer), departments[random.Next(departments.Count)], null, null, tier, channel,
                    categories[random.Next(categories.Length)], severity, touchpoint, $"投诉 {made}", null);
                var complaint = Complaint.Receive(intake, ComplaintCategory.Defaults, standards[tier], sla, by, at).Value!;
                if (!stillOpen || random.NextDouble() < 0.8)
                    complaint.Assign(staff, by, sla.Calendar.AddWorkingTime(at, TimeSpan.FromMinutes(random.Next(10, 60))).ToUniversalTime());
                if (!stillOpen)
                    Handle(complaint, random, sla, by);
                batch.Add(complaint);
            }
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await using (var insert = new BulkInsert(db, typeof(Complaint), connection, transaction))
                    await insert.Run(batch, default);
                await using (var insert = new BulkInsert(db, typeof(ComplaintStep), connection, transaction))
                    await insert.Run([.. batch.SelectMany(c => c.TakeNewSteps())], default);
                await transaction.CommitAsync();
            }
            Console.WriteLine($"      {made:N0} complaints");
        }

        // The timeline customer: 1,700 contacts besides its complaints and orders.
        var contacts = new List<Contact>();
        for (var i = 0; i < TimelineContacts; i++)
        {
            var at = WorkingHours(random, today.AddDays(-random.Next(730)), clock.Zone);
            contacts.Add(Contact.Record(CustomerId(1), company.Id, staff, new ContactDetails((ContactChannel)random.Next(7), (ContactDirection)random.Next(2), at,
                $"联系 {i}", i % 3 == 0 ? "客户满意" : null, (Touchpoint)random.Next(4)), now).Value!);
        }
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var insert = new BulkInsert(db, typeof(Contact), connection, transaction))
                await insert.Run(contacts, default);
            await transaction.CommitAsync();
        }
        await GradingBench.Execute(connection, db.Database.IsSqlite() ? "ANALYZE" : "VACUUM ANALYZE");
    }

    /// <summary>Answered, maybe paused, resolved, closed (one in twenty reopened and resolved again), each late as often as in life; warnings fired when due.</summary>
    private static void Handle(Complaint complaint, Random random, SlaRules sla, Actor by)
    {
        DateTimeOffset At(DateTimeOffset from, TimeSpan work) => sla.Calendar.AddWorkingTime(from, work).ToUniversalTime();
        void Tick(DateTimeOffset until)
        {
            while (complaint.NextAlertAt is { } due && due < until)
                complaint.Check(sla, due);
        }
        var late = random.NextDouble() < 0.15;
        var answered = At(complaint.ReceivedAt, complaint.ResponseTarget * (late ? 1.3 + random.NextDouble() * 1.5 : 0.2 + random.NextDouble() * 0.6));
        Tick(answered);
        complaint.Respond("已联系客户，了解情况并致歉", by, answered, sla);
        if (random.NextDouble() < 0.1)
        {
            var held = At(answered, TimeSpan.FromHours(1));
            complaint.Hold("等待客户确认到店时间", by, held, sla);
            complaint.Resume(by, held.AddDays(random.Next(1, 4)), sla);
        }
        late = random.NextDouble() < 0.2;
        var resolved = At(complaint.ReceivedAt, complaint.ResolutionTarget * (late ? 1.2 + random.NextDouble() * 2 : 0.3 + random.NextDouble() * 0.6));
        if (resolved <= complaint.ClockSince)
            resolved = At(complaint.ClockSince.Value, TimeSpan.FromHours(1));
        Tick(resolved);
        complaint.Resolve("已处理", null, random.NextDouble() < 0.05, by, resolved, sla);
        var closed = resolved.AddDays(random.Next(1, 4));
        complaint.Close(random.NextDouble() < 0.9 ? random.NextDouble() < 0.85 : null, "回访确认客户意见", by, closed);
        if (random.NextDouble() < 0.05)
        {
            complaint.Reopen("客户反映问题再次出现", by, closed.AddDays(2), sla);
            var again = At(complaint.ClockSince ?? closed.AddDays(2), complaint.ResolutionTarget * 0.5);
            Tick(again);
            complaint.Resolve("再次处理", null, false, by, again, sla);
            complaint.Close(true, "再次回访，客户满意", by, again.AddDays(2));
        }
    }

    /// <summary>The service report for the last twelve months against one hand-written GROUP BY of the same sums over the same rows.</summary>
    private static async Task Report(ServiceProvider services, ClaimsPrincipal admin)
    {
        var clock = services.GetRequiredService<EnterpriseClock>();
        var (first, last) = (clock.Today.AddMonths(-12).AddDays(1), clock.Today);
        var (start, end) = (clock.StartOf(first).ToUniversalTime(), clock.StartOf(last.AddDays(1)).ToUniversalTime());
        await Baseline(services, "hand-written SQL: the year's complaints in one GROUP BY of category, severity, touchpoint, channel, tier, department and day, the same sums", 3, async db =>
        {
            var sqlite = db.Database.IsSqlite();
            var day = sqlite ? "c.\"ReceivedAt\" / 864000000000" : "date_trunc('day', c.\"ReceivedAt\")";
            var (satisfied, dissatisfied) = sqlite ? ("c.\"CustomerSatisfied\" = 1", "c.\"CustomerSatisfied\" = 0") : ("c.\"CustomerSatisfied\"", "NOT c.\"CustomerSatisfied\"");
            return await Rows(db, $"""
                SELECT c."Category", c."Severity", c."Touchpoint", c."Channel", c."Tier", c."DepartmentId", {day}, COUNT(*),
                    SUM(CASE WHEN c."RespondedAt" IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN c."RespondedAt" IS NOT NULL AND c."ResponseUsed" <= c."ResponseTarget" THEN 1 ELSE 0 END),
                    SUM(CASE WHEN c."RespondedAt" IS NULL AND c."ResponseDueAt" < @now THEN 1 ELSE 0 END), SUM(CASE WHEN c."RespondedAt" IS NOT NULL THEN c."ResponseUsed" ELSE 0 END),
                    SUM(CASE WHEN c."ResolvedAt" IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN c."ResolvedAt" IS NOT NULL AND c."ResolutionUsed" <= c."ResolutionTarget" THEN 1 ELSE 0 END),
                    SUM(CASE WHEN c."ResolvedAt" IS NULL AND c."ResolutionDueAt" < @now THEN 1 ELSE 0 END), SUM(CASE WHEN c."ResolvedAt" IS NOT NULL THEN c."ResolutionUsed" ELSE 0 END),
                    SUM(CASE WHEN c."ReopenCount" > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN {satisfied} THEN 1 ELSE 0 END), SUM(CASE WHEN {dissatisfied} THEN 1 ELSE 0 END)
                FROM "Complaints" c WHERE c."ReceivedAt" >= @from AND c."ReceivedAt" < @to
                GROUP BY 1, 2, 3, 4, 5, 6, 7
                """, ("@from", start), ("@to", end), ("@now", TimeProvider.System.GetUtcNow()));
        });
        await Measure(services, "the report's complaint groups alone (ServiceReportCounts.Read)", 3, async p =>
        {
            var months = Enumerable.Range(0, 13).Select(i => new DateOnly(first.Year, first.Month, 1).AddMonths(i)).Where(m => m <= last).Select(m => (m, clock.StartOf(m))).ToList();
            var groups = await ServiceReportCounts.Read(p.GetRequiredService<GuanxiDbContext>(), start, end, months, null, TimeProvider.System.GetUtcNow(), clock.Zone, default);
            return $"{groups.Total.Complaints:N0} complaints";
        });
        await Measure(services, "服务分析 for a year (ServiceReport, GET /api/reports/service's handler)", 5, async p =>
        {
            var view = (await p.GetRequiredService<ServiceReport>().Handle(first, last)).Value!;
            return $"{view.Complaints:N0} complaints, response met {view.Response.MetRate}%, p90 resolution {view.Resolution.P90Hours} h";
        });
    }

    /// <summary>The crisis detector over every category and department against one hand-written GROUP BY of the nine weeks per category, department and day.</summary>
    private static async Task Detector(ServiceProvider services)
    {
        var end = SpikeWindows.End(TimeProvider.System.GetUtcNow());
        await Baseline(services, "hand-written SQL: nine weeks' complaints per category, department and day", 3, async db =>
            await Rows(db, $"""
                SELECT c."Category", c."DepartmentId", {(db.Database.IsSqlite() ? "c.\"ReceivedAt\" / 864000000000" : "date_trunc('day', c.\"ReceivedAt\")")}, COUNT(*)
                FROM "Complaints" c WHERE c."ReceivedAt" >= @from AND c."ReceivedAt" < @to GROUP BY 1, 2, 3
                """, ("@from", end.AddDays(-63)), ("@to", end)));
        await Measure(services, "crisis detector (RaiseCrisisWarnings, every category and department)", 5, async p =>
        {
            var run = await p.GetRequiredService<RaiseCrisisWarnings>().Handle();
            return $"{run.Series} series, {run.Fired} above their usual level, {run.Raised} raised";
        });
    }

    /// <summary>Pages 1 and 50 of the 时间线 of a customer with 2,000 events against one hand-written UNION ALL of the same sources, ordered and limited.</summary>
    private static async Task Timeline(ServiceProvider services, ClaimsPrincipal admin)
    {
        var customer = CustomerId(1);
        foreach (var page in new[] { 1, 50 })
        {
            await Baseline(services, $"hand-written SQL: page {page} of the customer's contacts, orders, complaints, tasks, surveys and reviews (UNION ALL, ORDER BY, LIMIT) and their count", 20, async db =>
            {
                var sources = new[]
                {
                    "SELECT \"Id\", \"At\" AS at, \"Summary\" AS summary FROM \"Contacts\" WHERE \"CustomerId\" = @c",
                    db.Database.IsSqlite()
                        ? "SELECT \"Id\", \"OrderedAt\" AS at, \"ExternalNo\" AS summary FROM \"Orders\" WHERE \"CustomerId\" = @c"
                        : "SELECT \"Id\", CAST(\"OrderedAt\" AS timestamptz) AS at, \"ExternalNo\" AS summary FROM \"Orders\" WHERE \"CustomerId\" = @c",
                    "SELECT \"Id\", \"ReceivedAt\" AS at, \"Summary\" AS summary FROM \"Complaints\" WHERE \"CustomerId\" = @c",
                };
                var union = string.Join(" UNION ALL ", db.Database.IsSqlite() ? sources.Select(s => s.Replace("\"OrderedAt\" AS at", "CAST(\"OrderedAt\" AS TEXT) AS at", StringComparison.Ordinal)) : sources);
                var rows = await Rows(db, $"SELECT COUNT(*) FROM ({union}) t", ("@c", customer));
                rows += await Rows(db, $"SELECT * FROM ({union}) t ORDER BY at DESC LIMIT 20 OFFSET {(page - 1) * 20}", ("@c", customer));
                return rows;
            });
            await Measure(services, $"时间线 page {page} (GetCustomerTimeline, 20 a page)", 20, async p =>
            {
                var result = (await p.GetRequiredService<GetCustomerTimeline>().Handle(customer, null, new Paging(page, 20))).Value!;
                return $"{result.Items.Count} of {result.Total:N0} events";
            });
        }
    }

    /// <summary>POST /api/complaints' handler, a request scope each, against the same rows written by prepared INSERTs after one SELECT of the customer.</summary>
    private static async Task Receive(ServiceProvider services, ClaimsPrincipal admin, int customers)
    {
        var random = new Random(7);
        ComplaintBody Body() => new(CustomerId(1 + random.Next(customers)), ContactChannel.Phone, "waitingTime", ComplaintSeverity.Medium, Touchpoint.AfterSale, "等待时间过长", "客户来电反映", null);
        var by = Actor.Staff(admin.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var baseline = new List<double>();
        for (var i = 0; i < 320; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
            var body = Body();
            var watch = Stopwatch.StartNew();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = "SELECT \"DepartmentId\", \"Tier\" FROM \"Customers\" WHERE \"Id\" = @id";
                SqlValues.Parameter(select, "@id", new SqlValues(db.Database.IsSqlite()).Id(body.CustomerId));
                await using var reader = await select.ExecuteReaderAsync();
                await reader.ReadAsync();
            }
            var complaint = Complaint.Receive(new ComplaintIntake(body.CustomerId, Guid.NewGuid(), null, null, Tier.Ordinary, ContactChannel.Phone, "waitingTime",
                ComplaintSeverity.Medium, Touchpoint.AfterSale, body.Summary!, body.Details), ComplaintCategory.Defaults, ServiceStandard.Defaults.Single(s => s.Tier == Tier.Ordinary),
                await scope.ServiceProvider.GetRequiredService<ComplaintDesk>().Rules(default), by, TimeProvider.System.GetUtcNow()).Value!;
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await using (var insert = new BulkInsert(db, typeof(Complaint), connection, transaction))
                    await insert.Run([complaint], default);
                await using (var insert = new BulkInsert(db, typeof(ComplaintStep), connection, transaction))
                    await insert.Run([.. complaint.TakeNewSteps()], default);
                await transaction.RollbackAsync();   // the baseline leaves nothing behind
            }
            if (i >= 20)
                baseline.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"   hand-written SQL: the customer's SELECT and prepared INSERTs of the complaint and its step: {Percentiles(baseline)}");
        var times = new List<double>();
        for (var i = 0; i < 320; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<ReceiveComplaint>();
            var body = Body();
            var watch = Stopwatch.StartNew();
            var result = await handler.Handle(body);
            if (!result.Succeeded)
                throw new InvalidOperationException(result.Errors[0].Message);
            if (i >= 20)
                times.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"   POST /api/complaints' handler (ReceiveComplaint, a request scope each, 300 after 20 to warm up): {Percentiles(times)}");
    }

    /// <summary>
    /// The SLA job (CheckComplaintTimes) over the open complaints: its first run fires every warning and escalation the
    /// open complaints are due (none was fired when they were written), the runs after it — every five minutes — the few
    /// that fall due meanwhile. Against hand-written SQL doing the same in one transaction, rolled back: the due complaints
    /// read, a step inserted for each and their alert moved on.
    /// </summary>
    private static async Task SlaJob(ServiceProvider services)
    {
        await Baseline(services, "hand-written SQL: the due complaints read, a step inserted and the alert moved for each (rolled back)", 3, async db =>
        {
            var sqlite = db.Database.IsSqlite();
            var now = TimeProvider.System.GetUtcNow();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var rows = await Rows(db, "SELECT * FROM \"Complaints\" WHERE \"NextAlertAt\" <= @now", transaction, ("@now", now));
            var id = sqlite ? "lower(hex(randomblob(16)))" : "gen_random_uuid()";
            await Exec(db, transaction, $"""
                INSERT INTO "ComplaintSteps" ("Id", "ComplaintId", "Kind", "ById", "At", "Level", "Target")
                SELECT {id}, c."Id", 'Escalated', 'system', @now, c."EscalationLevel" + 1, 'Response' FROM "Complaints" c WHERE c."NextAlertAt" <= @now
                """, ("@now", now));
            await Exec(db, transaction, "UPDATE \"Complaints\" SET \"EscalationLevel\" = \"EscalationLevel\" + 1, \"NextAlertAt\" = NULL WHERE \"NextAlertAt\" <= @now", ("@now", now));
            await transaction.RollbackAsync();
            return rows;
        });
        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<CheckComplaintTimes>().Handle();
            Console.WriteLine($"   SLA job, first run (every alert the open complaints are due): {run.Complaints:N0} complaints, {run.Warnings:N0} warnings, {run.Escalations:N0} escalations, {run.Notices:N0} notices in {watch.Elapsed.TotalMilliseconds:N0} ms");
        }
        // The runs after it, every five minutes as scheduled: then an hour and a working day later (what fell due meanwhile).
        foreach (var minutes in new[] { 5, 10, 15, 60, 60 * 24 })
        {
            await using var scope = services.CreateAsyncScope();
            var later = new Shifted(TimeSpan.FromMinutes(minutes));
            var job = ActivatorUtilities.CreateInstance<CheckComplaintTimes>(scope.ServiceProvider, (TimeProvider)later);
            watch.Restart();
            var run = await job.Handle();
            Console.WriteLine($"   SLA job {minutes} minutes later: {run.Complaints:N0} complaints, {run.Warnings:N0} warnings, {run.Escalations:N0} escalations in {watch.Elapsed.TotalMilliseconds:N1} ms");
        }
    }

    private static async Task Baseline(ServiceProvider services, string label, int runs, Func<GuanxiDbContext, Task<long>> work)
    {
        var times = new List<double>();
        long rows = 0;
        for (var i = 0; i < runs; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
            var watch = Stopwatch.StartNew();
            rows = await work(db);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"   {label}: {rows:N0} rows; {Times(times)}");
    }

    private static async Task Measure(ServiceProvider services, string label, int runs, Func<IServiceProvider, Task<string>> work)
    {
        var times = new List<double>();
        var said = "";
        for (var i = 0; i < runs; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            said = await work(scope.ServiceProvider);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"   {label}: {said}; {Times(times)}");
    }

    private static string Times(List<double> times)
    {
        var sorted = times.Order().ToList();
        return $"first {times[0]:N1} ms, median {sorted[sorted.Count / 2]:N1} ms, best {sorted[0]:N1} ms ({times.Count} runs)";
    }

    private static string Percentiles(List<double> times)
    {
        var sorted = times.Order().ToList();
        return $"p50 {sorted[sorted.Count / 2]:N2} ms, p95 {sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1]:N2} ms, max {sorted[^1]:N2} ms";
    }

    private static Task<long> Rows(GuanxiDbContext db, string sql, params (string Name, object Value)[] parameters) => Rows(db, sql, null, parameters);

    /// <summary>Runs a query and reads every value of every row; the rows read.</summary>
    private static async Task<long> Rows(GuanxiDbContext db, string sql, DbTransaction? transaction, params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        (command.CommandText, command.CommandTimeout, command.Transaction) = (sql, 0, transaction);
        Bind(db, command, parameters);
        long rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
                _ = reader.GetValue(i);
            rows++;
        }
        return rows;
    }

    private static async Task Exec(GuanxiDbContext db, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        (command.CommandText, command.CommandTimeout, command.Transaction) = (sql, 0, transaction);
        Bind(db, command, parameters);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Parameters as the model stores them: instants as UTC ticks on SQLite, ids as the provider's text or uuid.</summary>
    private static void Bind(GuanxiDbContext db, DbCommand command, (string Name, object Value)[] parameters)
    {
        var sqlite = db.Database.IsSqlite();
        foreach (var (name, value) in parameters)
            SqlValues.Parameter(command, name, value switch
            {
                DateTimeOffset at => sqlite ? at.UtcTicks : at.ToUniversalTime(),
                Guid id => new SqlValues(sqlite).Id(id),
                _ => value,
            });
    }

    private static T Pick<T>(Random random, (T Value, double Weight)[] choices)
    {
        var roll = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
            if ((roll -= weight) < 0)
                return value;
        return choices[^1].Value;
    }

    private static DateTimeOffset WorkingHours(Random random, DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(8, 30)).AddMinutes(random.Next(9 * 60));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private sealed class Shifted(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }
}
