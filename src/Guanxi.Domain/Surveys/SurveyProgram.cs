using Guanxi.Domain.Common;

namespace Guanxi.Domain.Surveys;

/// <summary>SAT-15/16: whom a program surveys.</summary>
public enum ProgramPopulation
{
    /// <summary>Customers whose repair or service job was closed in the previous period (the weekly callback).</summary>
    ClosedRepairJobs,

    /// <summary>Private customers' households (home visits).</summary>
    Households,

    /// <summary>Customers who churned in the previous period (why they left).</summary>
    ChurnedCustomers,

    /// <summary>VIP and important customers.</summary>
    KeyCustomers,

    /// <summary>Every active customer (a random sample).</summary>
    AllCustomers,

    /// <summary>
    /// SVC-2: the customer of a resolved complaint, asked whether it was handled to their satisfaction. On request: one task
    /// per complaint when its handler asks for the check, never drawn by the cadence (<see cref="SurveyProgram.OnRequest"/>).
    /// </summary>
    ResolvedComplaints,
}

public enum ProgramCadence
{
    Weekly,
    Monthly,
    Quarterly,
}

/// <summary>SAT-16: how a program's survey is made (000 §五): written, by phone, in a focus group, face to face.</summary>
public enum ProgramMethod
{
    Phone,
    Visit,
    Written,
    FocusGroup,
}

public sealed record ProgramDefinition(string? Name, ProgramPopulation? Population, double? Rate, int? Count, ProgramCadence? Cadence, int? WindowDays,
    Guid? QuestionnaireId, ProgramMethod? Method, bool Active = true);

/// <summary>
/// SAT-15/16: a survey program beyond the routine ones, run by the same engine — its population, its sample (a rate or a
/// number of customers), its cadence, the window each task has, and its questionnaire. Once in each period it draws its
/// sample at random (every member the same chance) and opens a task per customer drawn.
/// </summary>
public sealed class SurveyProgram
{
    public const int MaxNameLength = 100;
    public const int MaxCount = 10_000;
    public const int MaxWindowDays = 90;

#pragma warning disable CS8618 // set by EF Core when loading, by Define when created
    private SurveyProgram()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public ProgramPopulation Population { get; private set; }

    /// <summary>The share of the population drawn (0.8 for 80%), or null when a number is.</summary>
    public double? Rate { get; private set; }

    /// <summary>The number of customers drawn (all when fewer), or null when a share is.</summary>
    public int? Count { get; private set; }
    public ProgramCadence Cadence { get; private set; }
    public int WindowDays { get; private set; }
    public Guid QuestionnaireId { get; private set; }
    public ProgramMethod Method { get; private set; }
    public bool Active { get; private set; }

    /// <summary>The last period drawn (2026-W47, 2026-11, 2026-Q4): each period once.</summary>
    public string? LastPeriod { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The concurrency token: new with every change of the definition (not with a draw).</summary>
    public Guid Version { get; private set; }

    public static Result<SurveyProgram> Define(ProgramDefinition definition, DateTimeOffset now)
    {
        var program = new SurveyProgram { Id = Guid.CreateVersion7(), CreatedAt = now };
        var changed = program.Change(definition);
        return changed.Succeeded ? program : Result<SurveyProgram>.Fail([.. changed.Errors]);
    }

    public Result<SurveyProgram> Change(ProgramDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Trim().Length > MaxNameLength)
            errors.Add(ProgramErrors.Name);
        if (definition.Population is not { } population || !Enum.IsDefined(population))
            errors.Add(ProgramErrors.Population);
        if ((definition.Rate is null) == (definition.Count is null) || definition.Rate is <= 0 or > 1 || definition.Count is < 1 or > MaxCount)
            errors.Add(ProgramErrors.Sample);
        if (definition.Cadence is not { } cadence || !Enum.IsDefined(cadence))
            errors.Add(ProgramErrors.Cadence);
        if (definition.WindowDays is not (>= 1 and <= MaxWindowDays))
            errors.Add(ProgramErrors.Window);
        if (definition.QuestionnaireId is null)
            errors.Add(ProgramErrors.Questionnaire);
        if (definition.Method is not { } method || !Enum.IsDefined(method))
            errors.Add(ProgramErrors.Method);
        if (errors.Count > 0)
            return Result<SurveyProgram>.Fail([.. errors]);
        (Name, Population, Rate, Count, Cadence, WindowDays, QuestionnaireId, Method, Active) = (definition.Name!.Trim(), definition.Population!.Value, definition.Rate,
            definition.Count, definition.Cadence!.Value, definition.WindowDays!.Value, definition.QuestionnaireId!.Value, definition.Method!.Value, definition.Active);
        Version = Guid.NewGuid();
        return this;
    }

    /// <summary>Customer service switches a standard program on.</summary>
    public void SwitchOn() => (Active, Version) = (true, Guid.NewGuid());

    /// <summary>The period the day falls in: a Monday-to-Sunday week, a calendar month or a quarter.</summary>
    public static (DateOnly From, DateOnly To, string Key) PeriodOf(ProgramCadence cadence, DateOnly day)
    {
        switch (cadence)
        {
            case ProgramCadence.Weekly:
                var week = ReportPeriod.Week(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)));
                return (week.From, week.To, week.Key);
            case ProgramCadence.Monthly:
                var month = new DateOnly(day.Year, day.Month, 1);
                return (month, month.AddMonths(1).AddDays(-1), month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
            default:
                var quarter = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
                return (quarter, quarter.AddMonths(3).AddDays(-1), $"{day.Year}-Q{(day.Month - 1) / 3 + 1}");
        }
    }

    /// <summary>
    /// A program whose tasks are opened on request of another record (a resolved complaint's satisfaction check), one at a
    /// time, never drawn: its cadence only groups its figures, and its window counts working days (<see cref="WindowOnRequest"/>).
    /// </summary>
    public bool OnRequest => Population == ProgramPopulation.ResolvedComplaints;

    /// <summary>Whether the program still has to draw the period the day falls in (never for one <see cref="OnRequest"/>).</summary>
    public bool DueOn(DateOnly day) => Active && !OnRequest && LastPeriod != PeriodOf(Cadence, day).Key;

    /// <summary>
    /// The window of a task opened on request on <paramref name="today"/>: from today to the <see cref="WindowDays"/>-th
    /// working day, today counting when it is one (a request on a Friday with a window of 3: due on Tuesday; over a holiday, later).
    /// </summary>
    public SurveyWindow WindowOnRequest(DateOnly today, Func<DateOnly, bool> isWorkday)
    {
        ArgumentNullException.ThrowIfNull(isWorkday);
        var due = today;
        for (var counted = isWorkday(today) ? 1 : 0; counted < WindowDays; counted += isWorkday(due) ? 1 : 0)
            due = due.AddDays(1);
        return new SurveyWindow(today, due);
    }

    /// <summary>
    /// Where an event population is found: the jobs closed, the customers who churned, in the previous period (the week
    /// before, for a weekly callback); the standing populations (households, key customers, everyone) are as they are today.
    /// </summary>
    public (DateOnly From, DateOnly To) EventsBefore(DateOnly day)
    {
        var (from, _, _) = PeriodOf(Cadence, day);
        var (previous, _, _) = PeriodOf(Cadence, from.AddDays(-1));
        return (previous, from.AddDays(-1));
    }

    /// <summary>How many of a population of <paramref name="size"/> are drawn: the rate rounded up, or the number (all when fewer).</summary>
    public int SampleSize(int size) => Rate is { } rate ? (int)Math.Min(size, Math.Ceiling(rate * size - 1e-9)) : Math.Min(Count!.Value, size);

    /// <summary>
    /// Draws the period's sample: a uniformly random subset of the given size (a partial Fisher–Yates shuffle, so every
    /// member has the same chance), and marks the period drawn.
    /// </summary>
    public IReadOnlyList<T> Draw<T>(IReadOnlyList<T> population, DateOnly day, Random random)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(random);
        var pool = population.ToArray();
        var n = SampleSize(pool.Length);
        for (var i = 0; i < n; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        LastPeriod = PeriodOf(Cadence, day).Key;
        return pool[..n];
    }
}

public static class ProgramErrors
{
    public static readonly Error Name = new("program.name", $"请填写方案名称（不超过 {SurveyProgram.MaxNameLength} 个字）。", $"Name the program (at most {SurveyProgram.MaxNameLength} characters).", "name");
    public static readonly Error Population = new("program.population", "调查对象只能是 closedRepairJobs、households、churnedCustomers、keyCustomers、allCustomers 或 resolvedComplaints。", "population is closedRepairJobs, households, churnedCustomers, keyCustomers, allCustomers or resolvedComplaints.", "population");
    public static readonly Error Sample = new("program.sample", $"请填写抽样比例（大于 0、不超过 100%）或抽样户数（1 到 {SurveyProgram.MaxCount}），二者只填其一。", $"Give either a rate (above 0, at most 100%) or a number (1 to {SurveyProgram.MaxCount}), not both.", "rate");
    public static readonly Error Cadence = new("program.cadence", "频次只能是 weekly、monthly 或 quarterly。", "cadence is weekly, monthly or quarterly.", "cadence");
    public static readonly Error Window = new("program.window", $"调查时效须为 1 到 {SurveyProgram.MaxWindowDays} 天。", $"The window is 1 to {SurveyProgram.MaxWindowDays} days.", "windowDays");
    public static readonly Error Questionnaire = new("program.questionnaire", "请选择问卷。", "Choose the questionnaire.", "questionnaireId");
    public static readonly Error Method = new("program.method", "方式只能是 phone、visit、written 或 focusGroup。", "method is phone, visit, written or focusGroup.", "method");
}
