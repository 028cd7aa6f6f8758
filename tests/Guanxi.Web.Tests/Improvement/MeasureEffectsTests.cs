using System.Globalization;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Improvement;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Improvement;
using Guanxi.Web.Tests.Infrastructure;
using Guanxi.Web.Tests.ServiceDesk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Guanxi.Web.Tests.Improvement;

/// <summary>
/// Issue 24 item 7 on both databases: a measure's figure read from survey answers and complaints written straight into the
/// database for a department of its own, across 24 weeks of 2016 — a question whose score rises from 57.5 to 87.5, a question
/// that only swings from week to week, a touchpoint's satisfaction that stays put, complaints that fall from 10 to 2.2 a week —
/// with what must not count beside them: another department's answers, a superseded response, a program's survey, answers
/// between the windows and just outside them, other categories, the instant before the window.
/// </summary>
public abstract class MeasureEffectsTests(GuanxiApp app)
{
    private static readonly DateOnly Raised = new(2016, 6, 6);
    private static readonly DateOnly Done = new(2016, 6, 20);
    private static readonly DateOnly Today = Done.AddDays(85);   // twelve whole weeks after, and one day more
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<GuanxiApp, Seeded> Seeds = [];

    // Five answers a week to 销售顾问的专业性: 60 and 55 in turn before, 90 and 85 after.
    private static readonly int[][] ConsultantBefore = [[3, 3, 4, 3, 4], [3, 4, 3, 3, 3]];
    private static readonly int[][] ConsultantAfter = [[4, 5, 5, 4, 5], [5, 4, 4, 5, 4]];

    // The same responses' 销售顾问是否理解您的需求: 60 and 30 in turn before, 65 and 35 after — a rise of 5 in a swing of ±15.
    private static readonly int[][] NeedsBefore = [[2, 3, 4, 5, 3], [1, 2, 3, 2, 3]];
    private static readonly int[][] NeedsAfter = [[2, 3, 4, 5, 4], [1, 2, 3, 3, 3]];

    private static readonly int[] ComplaintsBefore = [10, 8, 12, 9, 11, 10, 13, 7, 10, 9, 11, 10];
    private static readonly int[] ComplaintsAfter = [2, 3, 1, 2, 3, 2, 1, 2, 3, 2, 2, 3];

    private sealed record Seeded(Guid Department, List<double> Consultant, List<double> ConsultantLater, List<double> Handover, List<double> HandoverLater);

    private static double Score(int oneToFive) => (oneToFive - 1) * 25d;

    private async Task<Seeded> Seed()
    {
        await Once.WaitAsync();
        try
        {
            if (Seeds.TryGetValue(app, out var seeded))
                return seeded;
            var db = app.NewDbContext(out var scope);
            using (scope)
            {
                var department = Guid.CreateVersion7();
                var elsewhere = Guid.CreateVersion7();
                var customer = await db.Set<Customer>().Select(c => c.Id).FirstAsync();
                var sales = await db.Set<QuestionnaireVersion>().AsNoTracking().Join(db.Set<Questionnaire>().Where(q => q.Kind == QuestionnaireKind.Sales), v => v.QuestionnaireId, q => q.Id, (v, _) => v)
                    .OrderByDescending(v => v.Number).FirstAsync();
                var program = await db.Set<SurveyProgram>().AsNoTracking().FirstAsync();
                var now = TimeProvider.System.GetUtcNow();
                var by = Actor.System();

                SurveyResponse Answers(Guid taskId, DateOnly on, int consultant, int needs, int handover = 4, int overall = 8) =>
                    SurveyResponse.Answered(taskId, SurveyMethod.Phone, sales, [.. sales.Questions.Where(q => q.Scale != AnswerScale.Text).Select(q => new Answer(q.Id, q.Id switch
                    {
                        "consultant" => consultant.ToString(CultureInfo.InvariantCulture),
                        "needs" => needs.ToString(CultureInfo.InvariantCulture),
                        "handover" => handover.ToString(CultureInfo.InvariantCulture),
                        "overall" => overall.ToString(CultureInfo.InvariantCulture),
                        _ => q.Scale switch { AnswerScale.YesNo => "是", AnswerScale.ZeroToTen => "9", AnswerScale.OneToTen => "8", _ => "4" },
                    }))], null, 20, by, on, now).Value!;
                void Survey(Guid inDepartment, DateOnly on, int consultant, int needs, int handover = 4, bool supersedeFirst = false, SurveyProgram? of = null)
                {
                    var task = of is null
                        ? SurveyTask.Open(SurveyKind.Sales, customer, null, inDepartment, null, on.AddDays(-21), new SurveyWindow(on.AddDays(-3), on.AddDays(3)), null, now)
                        : SurveyTask.ForProgram(of, customer, null, inDepartment, null, on, on, null, now);
                    if (supersedeFirst)
                    {
                        var first = Answers(task.Id, on, 1, 1, 1);   // superseded by the answer below: never counted
                        Assert.True(task.Respond(first, on, now).Succeeded);
                        var later = Answers(task.Id, on, consultant, needs, handover);
                        first.SupersedeWith(later);
                        Assert.True(task.Respond(later, on, now).Succeeded);
                        db.AddRange(task, first, later);
                        return;
                    }
                    var response = Answers(task.Id, on, consultant, needs, handover);
                    Assert.True(task.Respond(response, on, now).Succeeded);
                    db.AddRange(task, response);
                }

                var (before, after) = EffectCheck.Periods(Raised, Done, Today);
                var result = new Seeded(department, [], [], [], []);
                foreach (var (period, consultant, needs, scores, handovers) in new[] { (before, ConsultantBefore, NeedsBefore, result.Consultant, result.Handover), (after!, ConsultantAfter, NeedsAfter, result.ConsultantLater, result.HandoverLater) })
                {
                    for (var w = 0; w < period.Weeks; w++)
                    {
                        for (var i = 0; i < 5; i++)
                        {
                            var on = period.From.AddDays(7 * w + i);
                            Survey(department, on, consultant[w % 2][i], needs[w % 2][i], supersedeFirst: w == 0 && i == 0);
                            scores.Add(Score(consultant[w % 2][i]));
                            handovers.Add(Score(4));
                            Survey(elsewhere, on, 1, 5);   // another department's answers, on the same days
                        }
                    }
                    // A program's survey in the department, and an invalid questionnaire: neither counts.
                    Survey(department, period.From.AddDays(2), 1, 1, 1, of: program);
                    var invalid = SurveyTask.Open(SurveyKind.Sales, customer, null, department, null, period.From, new SurveyWindow(period.From, period.From.AddDays(6)), null, now);
                    var blank = SurveyResponse.Invalid(invalid.Id, SurveyMethod.Phone, SurveyOutcome.Unreachable, "三次未接通", by, period.From.AddDays(3), now).Value!;
                    Assert.True(invalid.Respond(blank, period.From.AddDays(3), now).Succeeded);
                    db.AddRange(invalid, blank);
                }
                // Just outside the windows: the day before the first, the measure's own days before its actions were done, the day after the last.
                foreach (var day in new[] { before.From.AddDays(-1), Raised, Done.AddDays(-1), after!.To.AddDays(1) })
                    Survey(department, day, 1, 1, 1);

                // Complaints of 等待时间: spread over each week's days and hours, the first at the window's first instant and one at its last.
                var start = new DateTimeOffset(before.From.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
                var rows = new List<Complaint>();
                foreach (var (period, counts) in new[] { (before, ComplaintsBefore), (after, ComplaintsAfter) })
                {
                    var from = new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
                    for (var w = 0; w < counts.Length; w++)
                    {
                        for (var i = 0; i < counts[w]; i++)
                        {
                            var at = from.AddDays(7 * w).AddMinutes(i * (7 * 24 * 60 - 1) / Math.Max(1, counts[w] - 1));
                            rows.Add(ComplaintRows.Received(customer, department, "waitingTime", at));
                            rows.Add(ComplaintRows.Received(customer, department, "price", at));        // another category
                            rows.Add(ComplaintRows.Received(customer, elsewhere, "waitingTime", at));   // another department
                        }
                    }
                }
                rows.Add(ComplaintRows.Received(customer, department, "waitingTime", start.AddSeconds(-1)));   // the instant before the window
                rows.Add(ComplaintRows.Received(customer, department, "waitingTime", new DateTimeOffset(Raised.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8))));   // the day it was raised
                foreach (var c in rows)
                    db.AddRange(c.TakeNewSteps());
                db.AddRange(rows);
                await db.SaveChangesAsync();
                Seeds[app] = result;
                return result;
            }
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<(AsyncServiceScope Scope, MeasureEffects Effects)> Service()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var scope = await app.ScopeAs(null);
        return (scope, scope.ServiceProvider.GetRequiredService<MeasureEffects>());
    }

    [Fact]
    public async Task CAPA7_a_question_whose_score_rose_after_the_measure_reads_as_a_significant_improvement()
    {
        app.EnsureAvailable();
        var seeded = await Seed();
        var (scope, effects) = await Service();
        await using var _ = scope;

        var reading = await effects.Read(new EffectMetric(EffectMetricKind.QuestionScore, "consultant", seeded.Department), Raised, Done, Today);

        Assert.Equal(EffectStatus.Measured, reading.Status);
        Assert.Equal((new DateOnly(2016, 3, 14), new DateOnly(2016, 6, 5)), (reading.Before.From, reading.Before.To));
        Assert.Equal((Done, new DateOnly(2016, 9, 11)), (reading.After!.From, reading.After.To));
        Assert.Equal(57.5, reading.Before.Value);
        Assert.Equal(87.5, reading.After.Value);
        Assert.Equal(Math.Round(seeded.Consultant.Average(), 1), reading.Before.Value);
        Assert.Equal((60, 60), (reading.Before.N, reading.After.N));
        Assert.Equal([60.0, 55, 60, 55, 60, 55, 60, 55, 60, 55, 60, 55], reading.Before.Weeks.Select(w => w.Value!.Value));
        Assert.All(reading.Before.Weeks, w => Assert.Equal(5, w.N));
        Assert.Equal(30, reading.Change);
        Assert.Equal(EffectDirection.Improved, reading.Direction);
        Assert.True(reading.Significant);
        Assert.True(reading.PValue < 0.001);
        Assert.Equal("销售顾问的专业性（车辆介绍、解答问题）如何？", reading.Metric.Name);
        Assert.Equal("分", reading.Metric.Unit);
        Assert.Contains("改进效果得到数据证实", reading.Verdict, StringComparison.Ordinal);
        Assert.Contains("韦尔奇 t 检验", reading.Method, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CAPA7_a_question_that_only_swings_from_week_to_week_shows_no_visible_effect()
    {
        app.EnsureAvailable();
        var seeded = await Seed();
        var (scope, effects) = await Service();
        await using var _ = scope;

        var reading = await effects.Read(new EffectMetric(EffectMetricKind.QuestionScore, "needs", seeded.Department), Raised, Done, Today);

        Assert.Equal(EffectStatus.Measured, reading.Status);
        Assert.Equal((45.0, 50.0, 5.0), (reading.Before.Value!.Value, reading.After!.Value!.Value, reading.Change!.Value));
        Assert.Equal(EffectDirection.Improved, reading.Direction);
        Assert.False(reading.Significant);
        Assert.True(reading.PValue > 0.3, $"p = {reading.PValue}");
        Assert.Contains("未见明显效果", reading.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CAPA7_a_dimension_counts_every_answer_of_its_questions_and_a_touchpoint_its_overall_scores()
    {
        app.EnsureAvailable();
        var seeded = await Seed();
        var (scope, effects) = await Service();
        await using var _ = scope;

        var assurance = await effects.Read(new EffectMetric(EffectMetricKind.DimensionScore, "Assurance", seeded.Department), Raised, Done, Today);
        Assert.Equal(Math.Round(seeded.Consultant.Concat(seeded.Handover).Average(), 1), assurance.Before.Value);
        Assert.Equal(Math.Round(seeded.ConsultantLater.Concat(seeded.HandoverLater).Average(), 1), assurance.After!.Value);
        Assert.Equal((120, 120), (assurance.Before.N, assurance.After.N));
        Assert.True(assurance.Significant);
        Assert.Equal("保证性", assurance.Metric.Name);

        // The overall question was answered 8 of 10 throughout: (8 − 1) × 100 / 9.
        var sale = await effects.Read(new EffectMetric(EffectMetricKind.TouchpointSatisfaction, "Sale", seeded.Department), Raised, Done, Today);
        Assert.Equal((77.8, 77.8, 0.0), (sale.Before.Value!.Value, sale.After!.Value!.Value, sale.Change!.Value));
        Assert.Equal((60, 60), (sale.Before.N, sale.After.N));
        Assert.Equal(EffectDirection.Unchanged, sale.Direction);
        Assert.False(sale.Significant);
        Assert.Equal("销售满意度", sale.Metric.Name);

        var afterSale = await effects.Read(new EffectMetric(EffectMetricKind.TouchpointSatisfaction, "afterSale", seeded.Department), Raised, Done, Today);
        Assert.Equal((EffectStatus.NotEnoughData, 0, 0), (afterSale.Status, afterSale.Before.N, afterSale.After!.N));
    }

    [Fact]
    public async Task CAPA7_fewer_complaints_of_the_category_after_the_measure_is_a_significant_improvement()
    {
        app.EnsureAvailable();
        var seeded = await Seed();
        var (scope, effects) = await Service();
        await using var _ = scope;

        var reading = await effects.Read(new EffectMetric(EffectMetricKind.ComplaintCount, "waitingTime", seeded.Department), Raised, Done, Today);

        Assert.Equal(ComplaintsBefore.Select(c => (double)c), reading.Before.Weeks.Select(w => w.Value!.Value));
        Assert.Equal(ComplaintsAfter.Select(c => (double)c), reading.After!.Weeks.Select(w => w.Value!.Value));
        Assert.Equal((10.0, 2.2, -7.8), (reading.Before.Value!.Value, reading.After.Value!.Value, reading.Change!.Value));
        Assert.Equal((120, 26), (reading.Before.N, reading.After.N));
        Assert.Equal(EffectDirection.Improved, reading.Direction);
        Assert.True(reading.Significant);
        Assert.Equal(("等待时间", "件/周"), (reading.Metric.Name, reading.Metric.Unit));
    }

    [Fact]
    public async Task CAPA7_before_the_actions_are_done_and_in_the_first_weeks_after_nothing_is_judged()
    {
        app.EnsureAvailable();
        var seeded = await Seed();
        var (scope, effects) = await Service();
        await using var _ = scope;
        var metric = new EffectMetric(EffectMetricKind.QuestionScore, "consultant", seeded.Department);

        var pending = await effects.Read(metric, Raised, null, Today);
        Assert.Equal(EffectStatus.ActionsNotDone, pending.Status);
        Assert.Null(pending.After);
        Assert.Equal(57.5, pending.Before.Value);
        Assert.False(pending.Significant);
        Assert.Contains("尚未全部完成", pending.Verdict, StringComparison.Ordinal);

        var early = await effects.Read(metric, Raised, Done, Done.AddDays(20));   // two whole weeks after
        Assert.Equal(EffectStatus.NotEnoughData, early.Status);
        Assert.Equal((2, 10, 87.5), (early.After!.Weeks.Count, early.After.N, early.After.Value!.Value));
        Assert.False(early.Significant);
        Assert.Null(early.PValue);

        var unknown = await effects.Read(new EffectMetric(EffectMetricKind.QuestionScore, "nosuchquestion", seeded.Department), Raised, Done, Today);
        Assert.Equal((EffectStatus.NotEnoughData, "nosuchquestion"), (unknown.Status, unknown.Metric.Name));
    }

    [Fact]
    public async Task CAPA7_the_choices_name_the_departments_questions_dimensions_touchpoints_and_categories()
    {
        app.EnsureAvailable();
        var seeded = await Seed();
        var (scope, effects) = await Service();
        await using var _ = scope;

        var choices = await effects.Choices(seeded.Department);
        Assert.Contains(new EffectChoice(EffectMetricKind.QuestionScore, "consultant", "销售：销售顾问的专业性（车辆介绍、解答问题）如何？"), choices);
        Assert.DoesNotContain(choices, c => c.Key == "comment" || c.Key == "booking");   // free text; the after-sales survey the department has none of
        Assert.Contains(new EffectChoice(EffectMetricKind.DimensionScore, "Assurance", "保证性"), choices);
        Assert.DoesNotContain(choices, c => c.Kind == EffectMetricKind.DimensionScore && c.Key is "Overall" or "Recommendation");
        Assert.Equal([new EffectChoice(EffectMetricKind.TouchpointSatisfaction, "Sale", "销售满意度")], choices.Where(c => c.Kind == EffectMetricKind.TouchpointSatisfaction));
        Assert.Contains(new EffectChoice(EffectMetricKind.ComplaintCount, "waitingTime", "等待时间"), choices);
        Assert.Contains(await effects.Choices(Guid.CreateVersion7()), c => c.Key == "booking");   // a department without surveys yet: both

        Assert.Null(await effects.Check(new EffectMetric(EffectMetricKind.QuestionScore, "consultant", seeded.Department)));
        Assert.Null(await effects.Check(new EffectMetric(EffectMetricKind.TouchpointSatisfaction, "afterSale", seeded.Department)));
        foreach (var bad in new[] { new EffectMetric(EffectMetricKind.QuestionScore, "comment", seeded.Department), new EffectMetric(EffectMetricKind.DimensionScore, "Overall", seeded.Department),
            new EffectMetric(EffectMetricKind.DimensionScore, "1", seeded.Department), new EffectMetric(EffectMetricKind.TouchpointSatisfaction, "Delivery", seeded.Department),
            new EffectMetric(EffectMetricKind.ComplaintCount, "nosuch", seeded.Department) })
            Assert.Equal("metric.key", (await effects.Check(bad))?.Field);
    }

    [Fact]
    public async Task CAPA7_the_reading_serializes_to_the_contract_of_the_effect_endpoint()
    {
        app.EnsureAvailable();
        var seeded = await Seed();
        var (scope, effects) = await Service();
        await using var _ = scope;
        var reading = await effects.Read(new EffectMetric(EffectMetricKind.ComplaintCount, "waitingTime", seeded.Department), Raised, Done, Today);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        var json = JsonSerializer.SerializeToElement(reading, options);
        Assert.Equal(["metric", "before", "after", "change", "direction", "significant", "pValue", "status", "verdict", "method"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("complaintCount", json.GetProperty("metric").GetProperty("kind").GetString());
        Assert.Equal(["from", "to", "value", "n", "weeks"], json.GetProperty("before").EnumerateObject().Select(p => p.Name));
        Assert.Equal("2016-03-14", json.GetProperty("before").GetProperty("from").GetString());
        Assert.Equal(["start", "value", "n"], json.GetProperty("after").GetProperty("weeks")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("improved", "measured", true), (json.GetProperty("direction").GetString(), json.GetProperty("status").GetString(), json.GetProperty("significant").GetBoolean()));
    }

    [Fact]
    public async Task CAPA7_each_window_is_read_through_the_department_indexes()
    {
        app.EnsureAvailable();
        var seeded = await Seed();
        var (scope, effects) = await Service();
        await using var _ = scope;
        var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
        var sqlite = db.Database.IsSqlite();
        var (before, _) = EffectCheck.Periods(Raised, Done, Today);
        var statements = new[]
        {
            (effects.AnswersStatement(seeded.Department, before), "IX_SurveyTasks_Effect"),
            (effects.OverallStatement(seeded.Department, SurveyKind.Sales, before), "IX_SurveyTasks_Effect"),
            (effects.ComplaintsStatement(seeded.Department, new HashSet<string> { "waitingTime" }, before), "IX_Complaints_Effect"),
        };
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!sqlite)
        {
            // Statistics of the rows just written (else every department looks like one row), and the test's few rows would be scanned whole: can the index serve?
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Complaints\"; ANALYZE \"SurveyTasks\"; ANALYZE \"SurveyResponses\"");
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        }
        foreach (var (statement, index) in statements)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + statement.Sql;
            statement.Bind(command);
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    plan.Add(reader.GetValue(reader.FieldCount - 1).ToString()!);
            }
            Assert.True(plan.Any(line => line.Contains(index, StringComparison.Ordinal)), string.Join('\n', plan));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MeasureEffectsTests_Sqlite(SqliteApp app) : MeasureEffectsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MeasureEffectsTests_Postgres(PostgresApp app) : MeasureEffectsTests(app);

/// <summary>The reader that picks a response's answers to the questions of a figure out of their JSON, as <see cref="Domain.Surveys.AnswerJson"/> reads them.</summary>
public sealed class MeasureEffectsAnswerTests
{
    private static readonly Question Consultant = new("consultant", "销售顾问", null, Dimension.Assurance, AnswerScale.OneToFive);
    private static readonly Question Overall = new("overall", "总体", null, Dimension.Overall, AnswerScale.OneToTen);
    private static readonly Question Comment = new("comment", "意见", null, Dimension.Image, AnswerScale.Text, false);

    private static List<double> Scores(string json, params Question[] wanted) =>
        MeasureEffects.Scores(System.Text.Encoding.UTF8.GetBytes(json), [.. wanted.Select(q => (System.Text.Encoding.UTF8.GetBytes(q.Id), q))]);

    [Fact]
    public void CAPA7_only_the_wanted_questions_answers_are_scored_whatever_the_order_or_case_of_their_members()
    {
        var written = JsonSerializer.Serialize<IReadOnlyList<Answer>>([new("consultant", "4"), new("overall", "10"), new("comment", "很好"), new("needs", "1")], JsonColumn.Options);
        Assert.Equal([75.0], Scores(written, Consultant));
        Assert.Equal([75.0, 100], Scores(written, Consultant, Overall));
        Assert.Empty(Scores(written, Comment));   // free text has no score
        Assert.Equal([25.0, 0], Scores("""[{"value":"2","questionId":"consultant"},{"QuestionId":"consultant","Value":"1"},{"questionId":"consult\u0061nt","value":null}]""", Consultant));
        Assert.Empty(Scores("""[{"questionId":"overall","value":"x"},{"questionId":"other","value":"5"}]""", Overall, Consultant));   // out of scale, not wanted
        Assert.Empty(Scores("[]", Consultant));
    }
}
