using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;

namespace Guanxi.Domain.Tests;

/// <summary>SAT-15/16: survey programs beyond the routine ones — population, sample, cadence, window, questionnaire.</summary>
public sealed class SurveyProgramTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static SurveyProgram Program(ProgramPopulation population, double? rate, int? count, ProgramCadence cadence, int window = 7) =>
        SurveyProgram.Define(new ProgramDefinition("方案", population, rate, count, cadence, window, Guid.NewGuid(), ProgramMethod.Phone), Now).Value!;

    [Fact]
    public void SAT_15_a_weekly_callback_draws_80_percent_of_last_week_s_closed_repair_jobs_once_a_week()
    {
        var program = Program(ProgramPopulation.ClosedRepairJobs, 0.8, null, ProgramCadence.Weekly);
        var wednesday = new DateOnly(2026, 11, 25);
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)), program.EventsBefore(wednesday));   // the week before, Monday to Sunday
        Assert.Equal(8, program.SampleSize(10));
        Assert.Equal(9, program.SampleSize(11));   // 8.8: rounded up
        Assert.True(program.DueOn(wednesday));
        var drawn = program.Draw(Enumerable.Range(1, 11).ToList(), wednesday, new Random(7));
        Assert.Equal(9, drawn.Distinct().Count());
        Assert.False(program.DueOn(new DateOnly(2026, 11, 29)));   // drawn for this week
        Assert.True(program.DueOn(new DateOnly(2026, 11, 30)));    // next Monday: the next week's
        Assert.Equal("2026-W48", SurveyProgram.PeriodOf(ProgramCadence.Weekly, wednesday).Key);
        var task = SurveyTask.ForProgram(program, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, new DateOnly(2026, 11, 20), wednesday, null, Now);
        Assert.Equal((SurveyKind.Program, program.Id, wednesday, new DateOnly(2026, 12, 1)), (task.Kind, task.ProgramId, task.Opens, task.Due));
        var answer = SurveyResponse.Invalid(task.Id, SurveyMethod.Phone, SurveyOutcome.Unreachable, "关机", Actor.System(), wednesday, Now).Value!;
        task.Respond(answer, wednesday, Now);
        Assert.Equal(program.Id, answer.ProgramId);   // a program's answers stay out of the routine reports (SAT-16)
    }

    [Fact]
    public void SAT_15_monthly_home_visits_to_10_households_and_quarterly_visits_to_10_percent()
    {
        var monthly = Program(ProgramPopulation.Households, null, 10, ProgramCadence.Monthly, 30);
        Assert.Equal((10, 4), (monthly.SampleSize(500), monthly.SampleSize(4)));   // all when fewer
        Assert.Equal("2026-11", SurveyProgram.PeriodOf(ProgramCadence.Monthly, new DateOnly(2026, 11, 23)).Key);
        var quarterly = Program(ProgramPopulation.Households, 0.1, null, ProgramCadence.Quarterly, 90);
        Assert.Equal(50, quarterly.SampleSize(500));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "2026-Q4"), SurveyProgram.PeriodOf(ProgramCadence.Quarterly, new DateOnly(2026, 11, 23)));
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), quarterly.EventsBefore(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void SAT_15_every_member_of_the_population_has_the_same_chance_of_being_drawn()
    {
        var program = Program(ProgramPopulation.AllCustomers, null, 10, ProgramCadence.Monthly);
        var (random, hits, runs) = (new Random(42), new int[50], 20_000);
        for (var i = 0; i < runs; i++)
            foreach (var member in program.Draw(Enumerable.Range(0, 50).ToList(), new DateOnly(2026, 11, 1), random))
                hits[member]++;
        // Each member is drawn with probability 10/50; its count is binomial(20000, 0.2): sd ≈ 57, so ±4 sd is ±230.
        Assert.All(hits, h => Assert.InRange(h, 4_000 - 230, 4_000 + 230));
    }

    [Fact]
    public void SAT_16_a_program_names_its_population_sample_cadence_window_questionnaire_and_method()
    {
        var churn = SurveyProgram.Define(new ProgramDefinition("流失客户原因调查", ProgramPopulation.ChurnedCustomers, 1, null, ProgramCadence.Monthly, 14, Guid.NewGuid(), ProgramMethod.Phone), Now);
        Assert.True(churn.Succeeded);
        Assert.Equal(7, churn.Value!.SampleSize(7));   // every churned customer
        var bad = SurveyProgram.Define(new ProgramDefinition(" ", null, 0.5, 10, null, 0, null, null), Now);
        Assert.Equal(["name", "population", "rate", "cadence", "windowDays", "questionnaireId", "method"], bad.Errors.Select(e => e.Field));
        Assert.Equal(ProgramErrors.Sample, SurveyProgram.Define(new ProgramDefinition("x", ProgramPopulation.KeyCustomers, 1.5, null, ProgramCadence.Quarterly, 30, Guid.NewGuid(), ProgramMethod.Visit), Now).Errors.Single());
        Assert.Equal(ProgramErrors.Sample, SurveyProgram.Define(new ProgramDefinition("x", ProgramPopulation.KeyCustomers, null, null, ProgramCadence.Quarterly, 30, Guid.NewGuid(), ProgramMethod.FocusGroup), Now).Errors.Single());
        var inactive = SurveyProgram.Define(new ProgramDefinition("座谈会", ProgramPopulation.KeyCustomers, null, 8, ProgramCadence.Quarterly, 30, Guid.NewGuid(), ProgramMethod.FocusGroup, Active: false), Now).Value!;
        Assert.False(inactive.DueOn(new DateOnly(2026, 11, 23)));
    }
}
