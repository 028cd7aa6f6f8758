using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Surveys;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Surveys;

/// <summary>The survey handlers as the pages and the jobs call them, without the API in front: who they let in, how they page, how they draw.</summary>
public abstract class SurveyHandlerTests(GuanxiApp app)
{
    private Task<AsyncServiceScope> As(string? email) => app.ScopeAs(email);

    private static Task<ErrorKind?> Refusal<THandler, T>(AsyncServiceScope scope, Func<THandler, Task<Result<T>>> call) where THandler : notnull =>
        GuanxiApp.Refusal(scope, call);

    [Fact]
    public async Task Each_survey_handler_checks_its_caller_itself_and_the_daily_job_runs_without_one()
    {
        app.EnsureAvailable();
        Guid salesTask;
        await using (var scope = await As(null))
        {
            var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
            var sales = await db.Users.Where(u => u.Email == "sales@demo.guanxi.cn").Select(u => u.DepartmentId).SingleAsync();
            salesTask = await db.Set<SurveyTask>().Where(t => t.DepartmentId == sales).Select(t => t.Id).FirstAsync();   // the demo's surveys
            // The job's entry points: no caller, nothing refused (a day long before the demo: nothing to generate).
            Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<GenerateSurveyTasks>().Handle(new DateOnly(2001, 1, 1))).Created);
            Assert.Equal(ErrorKind.Forbidden, await Refusal<GenerateSurveyTasks, GeneratedSurveys>(scope, h => h.Now(new DateOnly(2001, 1, 1))));
        }

        await using (var scope = await As("sales@demo.guanxi.cn"))
        {
            Assert.Equal(ErrorKind.Forbidden, await Refusal<ListSurveyTasks, Page<SurveyTaskView>>(scope, h => h.Handle(new SurveyTaskQuery())));
            Assert.Equal(ErrorKind.Forbidden, await Refusal<ListSurveyProblems, IReadOnlyList<SurveyProblemView>>(scope, h => h.Handle()));
            Assert.Equal(ErrorKind.Forbidden, await Refusal<ListSurveyPrograms, IReadOnlyList<SurveyProgramView>>(scope, h => h.Handle()));
            Assert.Equal(ErrorKind.Forbidden, await Refusal<GetSurveyTask, SurveyTaskDetail>(scope, h => h.Handle(salesTask)));
            Assert.Equal(ErrorKind.Forbidden, await Refusal<GenerateSurveyTasks, GeneratedSurveys>(scope, h => h.Now(new DateOnly(2001, 1, 1))));
            Assert.Equal(ErrorKind.Forbidden, await Refusal<RunSurveyPrograms, IReadOnlyList<ProgramRun>>(scope, h => h.Now(new DateOnly(2001, 1, 1))));
            Assert.Equal(ErrorKind.Forbidden, await Refusal<SurveyLinks, SurveyLinkView>(scope, h => h.Issue(salesTask, "https://crm.example")));
        }
        await using (var scope = await As("callback@demo.guanxi.cn"))
        {
            Assert.Null(await Refusal<ListSurveyTasks, Page<SurveyTaskView>>(scope, h => h.Handle(new SurveyTaskQuery(PageSize: 1))));
            Assert.Null(await Refusal<GetSurveyTask, SurveyTaskDetail>(scope, h => h.Handle(salesTask)));
            Assert.Equal(ErrorKind.NotFound, await Refusal<GetSurveyTask, SurveyTaskDetail>(scope, h => h.Handle(Guid.NewGuid())));
            Assert.Equal(ErrorKind.Forbidden, await Refusal<GenerateSurveyTasks, GeneratedSurveys>(scope, h => h.Now(new DateOnly(2001, 1, 1))));   // runs surveys, does not generate them
        }
        await using (var scope = await As("sales.manager@demo.guanxi.cn"))
            Assert.Null(await Refusal<GetSurveyTask, SurveyTaskDetail>(scope, h => h.Handle(salesTask)));   // the call sheet of their department
        await using (var scope = await As("service.manager@demo.guanxi.cn"))
            Assert.Equal(ErrorKind.NotFound, await Refusal<GetSurveyTask, SurveyTaskDetail>(scope, h => h.Handle(salesTask)));   // another department's: not there
    }

    [Fact]
    public async Task Survey_tasks_page_like_the_other_lists_a_page_size_above_the_maximum_is_cut_and_said_and_skip_take_still_read()
    {
        app.EnsureAvailable();
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var all = await cs.GetFromJsonAsync<JsonElement>("/api/surveys/tasks?pageSize=1000");
        var total = all.GetProperty("total").GetInt32();
        Assert.True(total > 6, $"only {total} demo tasks");
        var max = Guanxi.Web.Shared.Api.Page<object>.MaxPageSize;
        Assert.Equal((1, max, Math.Min(max, total)), (all.GetProperty("pageNumber").GetInt32(), all.GetProperty("pageSize").GetInt32(), all.GetProperty("items").GetArrayLength()));

        static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];
        var first = Ids(all)[..6];
        var second = await cs.GetFromJsonAsync<JsonElement>("/api/surveys/tasks?page=2&pageSize=3");
        Assert.Equal((2, 3, total), (second.GetProperty("pageNumber").GetInt32(), second.GetProperty("pageSize").GetInt32(), second.GetProperty("total").GetInt32()));
        Assert.Equal(first[3..], Ids(second));
        var skipped = await cs.GetFromJsonAsync<JsonElement>("/api/surveys/tasks?skip=3&take=3");   // deprecated, read for one more release
        Assert.Equal(first[3..], Ids(skipped));
        Assert.Equal(500, (await cs.GetFromJsonAsync<JsonElement>("/api/surveys/tasks?take=500")).GetProperty("pageSize").GetInt32());   // what skip/take allowed
        Assert.Equal(50, (await cs.GetFromJsonAsync<JsonElement>("/api/surveys/tasks")).GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task The_queue_lists_those_due_first_and_asked_the_latest_first_so_the_ones_just_done_lead_the_done_list()
    {
        app.EnsureAvailable();
        await using var scope = await As("cs.manager@demo.guanxi.cn");
        var list = scope.ServiceProvider.GetRequiredService<ListSurveyTasks>();
        var soonest = (await list.Handle(new SurveyTaskQuery(SurveyTaskStatus.Completed, PageSize: 20))).Value!;
        var latest = (await list.Handle(new SurveyTaskQuery(SurveyTaskStatus.Completed, PageSize: 20, LatestFirst: true))).Value!;
        Assert.Equal(soonest.Total, latest.Total);
        Assert.True(soonest.Total > 20, $"only {soonest.Total} completed demo tasks");
        Assert.Equal(soonest.Items.Select(t => t.WindowEnd).Order(), soonest.Items.Select(t => t.WindowEnd));
        Assert.Equal(latest.Items.Select(t => t.WindowEnd).OrderDescending(), latest.Items.Select(t => t.WindowEnd));
        Assert.True(latest.Items[0].WindowEnd > soonest.Items[^1].WindowEnd);
        Assert.All(latest.Items, t => Assert.Equal(SurveyStep.None, t.Step));
        Assert.All((await list.Handle(new SurveyTaskQuery(SurveyTaskStatus.Overdue, PageSize: 500))).Value!.Items,
            t => Assert.Equal(t.OverdueReason is null ? SurveyStep.ExplainOverdue : SurveyStep.None, t.Step));   // past its window: never a call
    }

    [Fact]
    public async Task Two_people_acting_on_one_survey_task_at_once_the_second_learns_it_and_changes_nothing()
    {
        app.EnsureAvailable();
        Guid id;
        await using (var scope = await As("callback@demo.guanxi.cn"))
        {
            var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
            var read = await db.Set<SurveyTask>().AsNoTracking().Where(t => t.Outcome == SurveyOutcome.Pending).OrderByDescending(t => t.Id).FirstAsync();
            id = read.Id;
            Assert.Null(await Refusal<RecordSurveyAttempt, Guid>(scope, h => h.Handle(id, new SurveyAttemptBody("noAnswer", null, null), read.Version)));
            // A colleague's screen still shows the task as it was: the call they log is refused, not added to a task that changed.
            Assert.Equal(ErrorKind.PreconditionFailed, await Refusal<RecordSurveyAttempt, Guid>(scope, h => h.Handle(id, new SurveyAttemptBody("busy", null, null), read.Version)));
            Assert.Equal(read.Attempts + 1, await db.Set<SurveyTask>().Where(t => t.Id == id).Select(t => t.Attempts).SingleAsync());
        }

        // Two saves racing: both read the task, the first saves, the second finds a newer version on record.
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var (one, two) = (first.ServiceProvider.GetRequiredService<GuanxiDbContext>(), second.ServiceProvider.GetRequiredService<GuanxiDbContext>());
        var (a, b) = (await one.Set<SurveyTask>().SingleAsync(t => t.Id == id), await two.Set<SurveyTask>().SingleAsync(t => t.Id == id));
        var now = first.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        a.Attempt(AttemptResult.Busy, null, now);
        b.Attempt(AttemptResult.NoAnswer, null, now);
        Assert.Null(await one.SaveOrRacedAsync(Versions.Raced, default));
        Assert.Equal(Versions.Raced, await two.SaveOrRacedAsync(Versions.Raced, default));
        Assert.Equal(a.Attempts, await one.Set<SurveyTask>().AsNoTracking().Where(t => t.Id == id).Select(t => t.Attempts).SingleAsync());
    }

    [Fact]
    public async Task SAT_15_16_a_program_draws_with_the_injected_random_the_same_seed_draws_the_same_sample()
    {
        app.EnsureAvailable();
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var card = (await cs.GetFromJsonAsync<JsonElement>("/api/questionnaires")).EnumerateArray()
            .Single(q => q.GetProperty("kind").GetString() == "opinionCard").GetProperty("id").GetGuid();
        object Body(bool active) => new { name = "抽样复现", population = "allCustomers", count = 5, cadence = "monthly", windowDays = 7, questionnaireId = card, method = "phone", active };
        var programs = new List<Guid>();
        var versions = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var made = await (await cs.PostAsJsonAsync("/api/surveys/programs", Body(true))).Content.ReadFromJsonAsync<JsonElement>();
            (programs, versions) = ([.. programs, made.GetProperty("id").GetGuid()], [.. versions, made.GetProperty("version").GetGuid()]);
        }

        var drawn = new List<List<Guid>>();
        foreach (var program in programs)
        {
            await using var scope = await As(null);
            var run = ActivatorUtilities.CreateInstance<RunSurveyPrograms>(scope.ServiceProvider, new Random(2026));   // as a test registers a seeded one
            Assert.Equal(5, (await run.Handle(Today, only: program)).Single().Created);
            var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
            drawn.Add([.. (await db.Set<SurveyTask>().Where(t => t.ProgramId == program).Select(t => t.CustomerId).ToListAsync()).Order()]);
        }
        Assert.Equal(drawn[0], drawn[1]);
        foreach (var (program, version) in programs.Zip(versions))
            (await cs.SendIfMatch(HttpMethod.Put, $"/api/surveys/programs/{program}", Body(false), version.ToString())).EnsureSuccessStatusCode();   // a draw leaves the version a person's edit names
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SurveyHandlerTests_Sqlite(SqliteApp app) : SurveyHandlerTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SurveyHandlerTests_Postgres(PostgresApp app) : SurveyHandlerTests(app);
