using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.ServiceDesk;

/// <summary>
/// SVC-9, SVC-11 through the API on both databases: the 服务分析 report of 2019 — a year no other test writes in — against
/// the figures counted here from the complaints, contacts and survey answers written straight into the database; what a
/// department manager reads; bad periods; wrong roles.
/// </summary>
public abstract class ServiceReportApiTests(GuanxiApp app)
{
    private static readonly DateTimeOffset YearStart = new(2019, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<GuanxiApp, Seeded> Seeds = [];

    private sealed record Seeded(Guid Sales, Guid Service, List<Guid> ComplaintIds, HashSet<Guid> ServiceCustomers, List<(Guid Department, Touchpoint Touchpoint, ContactChannel Channel, ContactDirection Direction)> Contacts,
        List<Guid> ResponseIds);

    private static async Task<Guid> Customer(HttpClient client, string name)
    {
        var mobile = $"1390{Random.Shared.Next(0, 10_000_000):D7}";
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "person", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The year's rows, written once per database: complaints in every state, contacts, survey answers — and a few just outside the year.</summary>
    private async Task<Seeded> Seed()
    {
        await Once.WaitAsync();
        try
        {
            if (Seeds.TryGetValue(app, out var seeded))
                return seeded;
            var (sales, advisor) = (await app.SignedInAs("sales@demo.guanxi.cn"), await app.SignedInAs("advisor@demo.guanxi.cn"));
            var customers = new List<Guid>();
            foreach (var (client, name) in new[] { (sales, "甲报表"), (advisor, "乙报表"), (sales, "丙报表"), (advisor, "丁报表"), (sales, "戊报表"), (sales, "己报表") })
                customers.Add(await Customer(client, name));
            var db = app.NewDbContext(out var scope);
            using (scope)
            {
                var salesDepartment = (await db.Users.SingleAsync(u => u.Email == "sales@demo.guanxi.cn")).DepartmentId;
                var serviceDepartment = (await db.Users.SingleAsync(u => u.Email == "advisor@demo.guanxi.cn")).DepartmentId;
                var staff = (await db.Users.SingleAsync(u => u.Email == "cs.manager@demo.guanxi.cn")).Id;
                var random = new Random(2019);
                var by = Actor.System();
                var rows = new List<Complaint>();
                // 8, 6, 4, 3, 2 and 1 complaints from the six customers, on random days of the year, in random departments.
                var who = new[] { 8, 6, 4, 3, 2, 1 }.SelectMany((n, i) => Enumerable.Repeat(customers[i], n)).OrderBy(_ => random.Next()).ToList();
                var at = who.Select(_ => YearStart.AddMinutes(random.Next(0, 364 * 24 * 60))).ToList();
                // The edges: the first instant of the year, both sides of midnight between March and April, and just outside the year.
                DateTimeOffset[] edges = [YearStart, new(2019, 3, 31, 23, 30, 0, TimeSpan.FromHours(8)), new(2019, 4, 1, 0, 30, 0, TimeSpan.FromHours(8)),
                    YearStart.AddSeconds(-1), new(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))];
                who.AddRange(edges.Select((_, i) => customers[5 - i % 2]));
                at.AddRange(edges);
                for (var i = 0; i < who.Count; i++)
                {
                    var c = ComplaintRows.Received(who[i], random.Next(2) == 0 ? salesDepartment : serviceDepartment, ComplaintCategory.Defaults[random.Next(8)].Code, at[i],
                        Pick<ComplaintSeverity>(random), Pick<Touchpoint>(random), Pick<ContactChannel>(random), Pick<Tier>(random));
                    var t = at[i];
                    DateTimeOffset Later() => t = t.AddHours(random.Next(1, 60)).AddMinutes(random.Next(60));
                    var sla = ComplaintRows.Sla;
                    switch (i % 8)
                    {
                        case 0: break;   // waiting: long past its times
                        case 1: Assert.True(c.Hold("等客户回复", by, Later(), sla).Succeeded); break;
                        case 2: c.Respond("已答复", by, Later(), sla); break;
                        case 3: c.Respond("已答复", by, Later(), sla); c.Resolve("已处理", null, false, by, Later(), sla); break;
                        case 4: c.Respond("已答复", by, Later(), sla); c.Resolve("已处理", null, false, by, Later(), sla); c.Close(true, null, by, Later()); break;
                        case 5: c.Respond("已答复", by, Later(), sla); c.Resolve("已处理", null, false, by, Later(), sla); c.Close(false, null, by, Later()); break;
                        case 6: c.Resolve("当场解决", null, false, by, Later(), sla); c.Close(null, null, by, Later()); break;
                        default:
                            c.Respond("已答复", by, Later(), sla); c.Resolve("已处理", null, false, by, Later(), sla); c.Close(true, null, by, Later());
                            Assert.True(c.Reopen("客户再次来电", by, Later(), sla).Succeeded);
                            if (random.Next(2) == 0)
                                c.Resolve("再次处理", null, false, by, Later(), sla);
                            break;
                    }
                    rows.Add(c);
                    db.AddRange(c.TakeNewSteps());
                }
                db.AddRange(rows);

                var contacts = new List<(Guid, Touchpoint, ContactChannel, ContactDirection)>
                {
                    (salesDepartment, Touchpoint.Sale, ContactChannel.Phone, ContactDirection.Inbound), (salesDepartment, Touchpoint.Sale, ContactChannel.Wechat, ContactDirection.Outbound),
                    (serviceDepartment, Touchpoint.AfterSale, ContactChannel.Phone, ContactDirection.Inbound), (serviceDepartment, Touchpoint.Delivery, ContactChannel.Visit, ContactDirection.Outbound),
                };
                var now = TimeProvider.System.GetUtcNow();
                foreach (var (k, day) in contacts.Select((k, i) => (k, YearStart.AddDays(40 * i + 3))).Append(((salesDepartment, Touchpoint.PreSale, ContactChannel.Email, ContactDirection.Inbound), YearStart.AddYears(1).AddHours(2))))
                    db.Add(Contact.Record(customers[0], k.Item1, staff, new ContactDetails(k.Item3, k.Item4, day, "联系摘要", null, k.Item2), now).Value!);

                var versions = await db.Set<QuestionnaireVersion>().AsNoTracking()
                    .Join(db.Set<Questionnaire>(), v => v.QuestionnaireId, q => q.Id, (v, q) => new { v, q.Kind }).ToListAsync();
                var responses = new List<Guid>();
                void Survey(SurveyKind kind, Guid department, SurveyMethod method, DateOnly on, bool completed)
                {
                    var task = SurveyTask.Open(kind, customers[1], null, department, null, on.AddDays(-10), new SurveyWindow(on.AddDays(-3), on.AddDays(3)), null, now);
                    var version = versions.Where(v => v.Kind == (kind == SurveyKind.Sales ? QuestionnaireKind.Sales : QuestionnaireKind.AfterSales)).OrderByDescending(v => v.v.Number).First().v;
                    var response = completed
                        ? SurveyResponse.Answered(task.Id, method, version, [.. version.Questions.Select(q => new Answer(q.Id, Value(q, random)))], null, 20, by, on, now).Value!
                        : SurveyResponse.Invalid(task.Id, method, SurveyOutcome.Unreachable, "三次未接通", by, on, now).Value!;
                    Assert.True(task.Respond(response, on, now).Succeeded);
                    db.AddRange(task, response);
                    responses.Add(response.Id);
                }
                Survey(SurveyKind.Sales, salesDepartment, SurveyMethod.Phone, new DateOnly(2019, 5, 10), true);
                Survey(SurveyKind.Sales, salesDepartment, SurveyMethod.Link, new DateOnly(2019, 6, 10), true);
                Survey(SurveyKind.AfterSales, serviceDepartment, SurveyMethod.Link, new DateOnly(2019, 7, 10), true);
                Survey(SurveyKind.AfterSales, serviceDepartment, SurveyMethod.Phone, new DateOnly(2019, 8, 10), false);
                Survey(SurveyKind.Sales, salesDepartment, SurveyMethod.Phone, new DateOnly(2020, 1, 2), true);   // outside the year
                await db.SaveChangesAsync();
                seeded = new Seeded(salesDepartment, serviceDepartment, [.. rows.Select(r => r.Id)], [customers[1], customers[3]], contacts, responses);
            }
            Seeds[app] = seeded;
            return seeded;
        }
        finally
        {
            Once.Release();
        }
    }

    private static T Pick<T>(Random random) where T : struct, Enum => Enum.GetValues<T>()[random.Next(Enum.GetValues<T>().Length)];

    private static string? Value(Question q, Random random) => q.Scale switch
    {
        AnswerScale.OneToFive => random.Next(3, 6).ToString(CultureInfo.InvariantCulture),
        AnswerScale.OneToTen => random.Next(5, 11).ToString(CultureInfo.InvariantCulture),
        AnswerScale.ZeroToTen => random.Next(4, 11).ToString(CultureInfo.InvariantCulture),
        AnswerScale.Words => Question.Words[random.Next(1, 4)],
        AnswerScale.YesNo => "是",
        _ => "无",
    };

    private static double? Pct(long part, long whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    private static double? P90(IEnumerable<TimeSpan> spans)
    {
        var sorted = spans.Select(s => (long)s.TotalSeconds).Order().ToList();
        return sorted.Count == 0 ? null : Math.Round(Math.Ceiling(sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1] / 360.0) * 0.1, 1);
    }

    private static double? Mean(IEnumerable<TimeSpan> spans)
    {
        var list = spans.ToList();
        return list.Count == 0 ? null : Math.Round(list.Sum(s => (long)s.TotalSeconds) / 3600.0 / list.Count, 1);
    }

    private static double? Number(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    private static Dictionary<string, int> Counts(JsonElement report, string name) =>
        report.GetProperty(name).EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("complaints").GetInt32());

    private static string Camel<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The report as counted here from the rows read back, for the departments given (null: all).</summary>
    private async Task Matches(JsonElement report, Seeded seeded, Guid? department, bool seesServiceCustomersOnly)
    {
        var db = app.NewDbContext(out var scope);
        List<Complaint> rows;
        List<(SurveyResponse Response, SurveyKind Kind, Guid Department)> answered;
        using (scope)
        {
            rows = await db.Set<Complaint>().AsNoTracking().Where(c => seeded.ComplaintIds.Contains(c.Id)).ToListAsync();
            answered = (await db.Set<SurveyResponse>().AsNoTracking().Where(r => seeded.ResponseIds.Contains(r.Id))
                .Join(db.Set<SurveyTask>(), r => r.TaskId, t => t.Id, (r, t) => new { r, t.Kind, t.DepartmentId }).ToListAsync())
                .Select(x => (x.r, x.Kind, x.DepartmentId)).ToList();
        }
        var now = TimeProvider.System.GetUtcNow();
        rows = [.. rows.Where(c => c.ReceivedAt >= YearStart && c.ReceivedAt < YearStart.AddYears(1) && (department is null || c.DepartmentId == department))];
        Assert.True(rows.Count > 10);
        Assert.Equal(rows.Count, report.GetProperty("complaints").GetInt32());
        Assert.Equal(rows.Count(c => c.IsOpen), report.GetProperty("open").GetInt32());

        var responded = rows.Where(c => c.RespondedAt is not null).ToList();
        var responseLate = rows.Count(c => c.RespondedAt is null && c.ResponseDueAt < (c.HeldSince ?? now));
        var response = report.GetProperty("response");
        Assert.Equal((responded.Count + responseLate, responded.Count(c => c.ResponseUsed <= c.ResponseTarget), responded.Count),
            (response.GetProperty("decided").GetInt32(), response.GetProperty("met").GetInt32(), response.GetProperty("done").GetInt32()));
        Assert.Equal(Pct(responded.Count(c => c.ResponseUsed <= c.ResponseTarget), responded.Count + responseLate), Number(response, "metRate"));
        Assert.Equal(Mean(responded.Select(c => c.ResponseUsed)), Number(response, "averageHours"));
        Assert.Equal(P90(responded.Select(c => c.ResponseUsed)), Number(response, "p90Hours"));

        var resolved = rows.Where(c => c.ResolvedAt is not null).ToList();
        var resolutionLate = rows.Count(c => c.ResolvedAt is null && c.ResolutionDueAt < (c.HeldSince ?? now));
        var resolution = report.GetProperty("resolution");
        Assert.Equal((resolved.Count + resolutionLate, resolved.Count(c => c.ResolutionUsed <= c.ResolutionTarget), resolved.Count),
            (resolution.GetProperty("decided").GetInt32(), resolution.GetProperty("met").GetInt32(), resolution.GetProperty("done").GetInt32()));
        Assert.Equal(Mean(resolved.Select(c => c.ResolutionUsed)), Number(resolution, "averageHours"));
        Assert.Equal(P90(resolved.Select(c => c.ResolutionUsed)), Number(resolution, "p90Hours"));
        Assert.True(resolutionLate > 0 && responseLate > 0);   // the waiting ones of 2019 are long past their times

        Assert.Equal(rows.Count(c => c.ReopenCount > 0), report.GetProperty("reopened").GetInt32());
        Assert.Equal(Pct(rows.Count(c => c.ReopenCount > 0), rows.Count), Number(report, "reopenRate"));
        var checks = report.GetProperty("satisfaction");
        Assert.Equal((rows.Count(c => c.CustomerSatisfied == true), rows.Count(c => c.CustomerSatisfied == false), rows.Count(c => c.Status == ComplaintStatus.Closed && c.CustomerSatisfied is null)),
            (checks.GetProperty("satisfied").GetInt32(), checks.GetProperty("dissatisfied").GetInt32(), checks.GetProperty("notReached").GetInt32()));

        Assert.Equal(ComplaintCategory.Defaults.ToDictionary(c => c.Code, c => rows.Count(r => r.Category == c.Code)), Counts(report, "byCategory"));
        Assert.Equal(ComplaintCategory.Defaults.Select(c => c.Name), report.GetProperty("byCategory").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(Enum.GetValues<ComplaintSeverity>().ToDictionary(Camel, s => rows.Count(r => r.Severity == s)), Counts(report, "bySeverity"));
        Assert.Equal(Enum.GetValues<Touchpoint>().ToDictionary(Camel, t => rows.Count(r => r.Touchpoint == t)), Counts(report, "byTouchpoint"));
        Assert.Equal(Enum.GetValues<ContactChannel>().ToDictionary(Camel, t => rows.Count(r => r.Channel == t)), Counts(report, "byChannel"));
        Assert.Equal(Enum.GetValues<Tier>().ToDictionary(Camel, t => rows.Count(r => r.Tier == t)), Counts(report, "byTier"));
        Assert.Equal(rows.GroupBy(r => r.DepartmentId).ToDictionary(g => g.Key.ToString(), g => g.Count()), Counts(report, "byDepartment"));
        var severity = report.GetProperty("bySeverity").EnumerateArray().First();
        var critical = rows.Where(r => r.Severity == ComplaintSeverity.Critical).ToList();
        Assert.Equal(("critical", "紧急", Pct(critical.Count, rows.Count)), (severity.GetProperty("key").GetString(), severity.GetProperty("name").GetString(), Number(severity, "share")));
        Assert.Equal(Pct(critical.Count(c => c.ResolvedAt is not null && c.ResolutionUsed <= c.ResolutionTarget),
            critical.Count(c => c.ResolvedAt is not null || c.ResolutionDueAt < (c.HeldSince ?? now))), Number(severity, "resolutionMetRate"));

        var months = report.GetProperty("byMonth").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"2019-{m:D2}"), months.Select(m => m.GetProperty("month").GetString()));
        Assert.Equal(Enumerable.Range(1, 12).Select(m => rows.Count(c => TimeZoneInfo.ConvertTime(c.ReceivedAt, Shanghai).Month == m)), months.Select(m => m.GetProperty("complaints").GetInt32()));

        // The repeat complainers, most first; out of the reader's sight by a masked name and no id.
        var expected = rows.GroupBy(c => c.CustomerId).Where(g => g.Count() > 1).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal).Take(10).ToList();
        var repeat = report.GetProperty("repeatComplainers").EnumerateArray().ToList();
        Assert.Equal(expected.Select(g => g.Count()), repeat.Select(r => r.GetProperty("complaints").GetInt32()));
        for (var i = 0; i < expected.Count; i++)
        {
            var visible = !seesServiceCustomersOnly || seeded.ServiceCustomers.Contains(expected[i].Key);
            Assert.Equal(visible ? expected[i].Key.ToString() : null, repeat[i].GetProperty("customerId").ValueKind == JsonValueKind.Null ? null : repeat[i].GetProperty("customerId").GetString());
            Assert.Equal(visible, !repeat[i].GetProperty("name").GetString()!.EndsWith("**", StringComparison.Ordinal));
        }

        // Feedback channels: the contacts and the survey answers of the year.
        var contacts = seeded.Contacts.Where(k => department is null || k.Department == department).ToList();
        var byTouchpoint = report.GetProperty("contacts").GetProperty("byTouchpoint").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!,
            s => (s.GetProperty("contacts").GetInt32(), s.GetProperty("inbound").GetInt32(), s.GetProperty("outbound").GetInt32()));
        Assert.Equal(contacts.Count, report.GetProperty("contacts").GetProperty("contacts").GetInt32());
        Assert.Equal(Enum.GetValues<Touchpoint>().ToDictionary(Camel, t => (contacts.Count(k => k.Touchpoint == t), contacts.Count(k => k.Touchpoint == t && k.Direction == ContactDirection.Inbound),
            contacts.Count(k => k.Touchpoint == t && k.Direction == ContactDirection.Outbound))), byTouchpoint);
        Assert.Equal(Enum.GetValues<ContactChannel>().ToDictionary(Camel, c => contacts.Count(k => k.Channel == c)),
            report.GetProperty("contacts").GetProperty("byChannel").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("contacts").GetInt32()));

        answered = [.. answered.Where(a => a.Response.RespondedOn.Year == 2019 && (department is null || a.Department == department))];
        var surveys = report.GetProperty("surveys");
        Assert.Equal(answered.Count, surveys.GetProperty("responses").GetInt32());
        var expectedTouchpoints = answered.GroupBy(a => a.Kind == SurveyKind.Sales ? "sale" : "afterSale").ToDictionary(g => g.Key, g =>
        {
            var scored = g.Where(a => a.Response.OverallScore is not null).Select(a => a.Response.OverallScore!.Value).ToList();
            return (g.Count(), g.Count(a => a.Response.Outcome == SurveyOutcome.Completed), scored.Count == 0 ? (double?)null : Math.Round(scored.Sum() / scored.Count, 1),
                Pct(scored.Count(s => s >= SatisfactionTally.SatisfiedFrom), scored.Count));
        });
        Assert.Equal(expectedTouchpoints, surveys.GetProperty("byTouchpoint").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!,
            s => (s.GetProperty("responses").GetInt32(), s.GetProperty("completed").GetInt32(), Number(s, "index"), Number(s, "satisfiedRate"))));
        Assert.Equal(answered.GroupBy(a => Camel(a.Response.Method)).ToDictionary(g => g.Key, g => g.Count()),
            surveys.GetProperty("byMethod").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("responses").GetInt32()));
    }

    [Fact]
    public async Task SVC9_SVC11_the_years_report_has_the_figures_counted_from_its_complaints_contacts_and_surveys()
    {
        app.EnsureAvailable();
        var seeded = await Seed();
        foreach (var reader in new[] { "cs.manager@demo.guanxi.cn", "gm@demo.guanxi.cn" })
        {
            var report = await (await app.SignedInAs(reader)).GetFromJsonAsync<JsonElement>("/api/reports/service?from=2019-01-01&to=2019-12-31");
            Assert.Equal(("2019-01-01", "2019-12-31", JsonValueKind.Null), (report.GetProperty("from").GetString(), report.GetProperty("to").GetString(), report.GetProperty("departmentId").ValueKind));
            await Matches(report, seeded, null, seesServiceCustomersOnly: false);
        }
    }

    [Fact]
    public async Task SVC9_a_department_manager_reads_only_the_complaints_of_their_department_and_customers_out_of_sight_masked()
    {
        app.EnsureAvailable();
        var seeded = await Seed();
        var report = await (await app.SignedInAs("service.manager@demo.guanxi.cn")).GetFromJsonAsync<JsonElement>("/api/reports/service?from=2019-01-01&to=2019-12-31");
        Assert.Equal(seeded.Service, report.GetProperty("departmentId").GetGuid());
        Assert.Equal([seeded.Service.ToString()], report.GetProperty("byDepartment").EnumerateArray().Select(d => d.GetProperty("key").GetString()));
        await Matches(report, seeded, seeded.Service, seesServiceCustomersOnly: true);
    }

    [Fact]
    public async Task SVC9_a_bad_period_answers_400_on_its_field_and_others_than_managers_and_leadership_403()
    {
        app.EnsureAvailable();
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        async Task<string[]> Refused(string query)
        {
            var response = await cs.GetAsync($"/api/reports/service?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)];
        }
        Assert.Equal(["from"], await Refused("from=2019-13-01&to=2019-12-31"));
        Assert.Equal(["to"], await Refused("from=2019-01-01&to=someday"));
        Assert.Equal(["from"], await Refused("from=2019-12-31&to=2019-01-01"));
        Assert.Equal(["to"], await Refused("from=2019-01-01&to=2022-01-01"));
        Assert.Equal(["from"], await Refused("from=1999-12-31&to=2000-06-30"));
        Assert.Contains("晚于", (await (await cs.GetAsync("/api/reports/service?from=2019-12-31&to=2019-01-01")).Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.GetAsync("/api/reports/service/export?from=2019-12-31&to=2019-01-01")).StatusCode);

        var standard = await cs.GetFromJsonAsync<JsonElement>("/api/reports/service");   // the twelve months to today
        Assert.Equal((D(Today), 12), (standard.GetProperty("to").GetString(), standard.GetProperty("byMonth").GetArrayLength()));
        Assert.True((await cs.GetAsync("/api/reports/service?from=2017-01-01&to=2019-12-31")).IsSuccessStatusCode);   // three years

        var export = await cs.GetAsync("/api/reports/service/export?from=2019-01-01&to=2019-12-31");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x50, 0x4B], (await export.Content.ReadAsByteArrayAsync())[..2]);   // a zip: the .xlsx

        foreach (var outsider in new[] { "sales@demo.guanxi.cn", "advisor@demo.guanxi.cn", "callback@demo.guanxi.cn", "admin@demo.guanxi.cn", "hr@demo.guanxi.cn" })
        {
            var client = await app.SignedInAs(outsider);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/reports/service?from=2019-01-01&to=2019-12-31")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/reports/service/export")).StatusCode);
        }
        foreach (var reader in new[] { "duty@demo.guanxi.cn", "vp@demo.guanxi.cn", "sales.manager@demo.guanxi.cn" })
            Assert.True((await (await app.SignedInAs(reader)).GetAsync("/api/reports/service")).IsSuccessStatusCode, reader);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/reports/service")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ServiceReportApiTests_Sqlite(SqliteApp app) : ServiceReportApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ServiceReportApiTests_Postgres(PostgresApp app) : ServiceReportApiTests(app);
