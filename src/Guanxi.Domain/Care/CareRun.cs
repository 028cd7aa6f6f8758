using Guanxi.Domain.Grading;

namespace Guanxi.Domain.Care;

/// <summary>
/// One day of a care plan done (SVC-5): the plan greeted <see cref="Day"/> (the occasion's day, <see cref="CarePlan.DaysBefore"/>
/// after the run), with how many messages it wrote, how many of them were suppressed, and how many calls it gave owners. A plan
/// runs once per day greeted: a second run the same day finds this row and writes nothing.
/// </summary>
public sealed class CarePlanRun
{
    private CarePlanRun()
    {
    }

    public Guid PlanId { get; private set; }
    public DateOnly Day { get; private set; }
    public DateTimeOffset RanAt { get; private set; }
    public int Written { get; private set; }
    public int Suppressed { get; private set; }
    public int Calls { get; private set; }

    public static CarePlanRun Done(Guid planId, DateOnly day, int written, int suppressed, int calls, DateTimeOffset now) =>
        new() { PlanId = planId, Day = day, RanAt = now, Written = written, Suppressed = suppressed, Calls = calls };
}

/// <summary>
/// A call a care plan asked of a customer's owner instead of a message (a VIP's birthday): the task it opened, for whom, of which
/// tier then, for which day — at most one per plan, customer and day.
/// </summary>
public sealed class CareCall
{
    private CareCall()
    {
    }

    public Guid TaskId { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid CustomerId { get; private set; }
    public DateOnly Day { get; private set; }
    public Occasion Occasion { get; private set; }
    public Tier Tier { get; private set; }

    public static CareCall Opened(Guid taskId, Guid planId, Guid customerId, DateOnly day, Occasion occasion, Tier tier) =>
        new() { TaskId = taskId, PlanId = planId, CustomerId = customerId, Day = day, Occasion = occasion, Tier = tier };
}

/// <summary>Which customers an occasion greets on a day (SVC-5), and what the owner's call task says.</summary>
public static class CareDays
{
    /// <summary>Whether a customer born on <paramref name="born"/> (solar date; lunar when the flag says) has a birthday on <paramref name="day"/>.</summary>
    public static bool IsBirthday(DateOnly born, bool lunar, DateOnly day) => born < day && CareCalendar.BirthdaysIn(born, lunar, day.Year).Contains(day);

    /// <summary>Whether <paramref name="day"/> is a whole-year anniversary (at least one year) of <paramref name="since"/> (29 February on the 28th).</summary>
    public static bool IsAnniversary(DateOnly since, DateOnly day) => since.Year < day.Year && CareCalendar.AnniversaryIn(since, day.Year) == day;

    /// <summary>Whether a holiday plan greets on <paramref name="day"/>: the occasion's date that year.</summary>
    public static bool IsHoliday(Occasion occasion, DateOnly day) => occasion.IsHoliday() && CareCalendar.DateOf(occasion, day.Year) == day;

    /// <summary>The owner's call task: the occasion and its day, and the customer's preferences and needs to mention.</summary>
    public static (string Zh, string En) CallNote(Occasion occasion, DateOnly day, string? preferences, string? needs)
    {
        var zh = $"{occasion.Chinese()}（{day:yyyy-MM-dd}）关怀：请致电问候客户。";
        var en = $"{occasion.English()} ({day:yyyy-MM-dd}): call the customer with the enterprise's greetings.";
        if (!string.IsNullOrWhiteSpace(preferences))
            (zh, en) = ($"{zh}偏好：{preferences.Trim()}。", $"{en} Preferences: {preferences.Trim()}.");
        if (!string.IsNullOrWhiteSpace(needs))
            (zh, en) = ($"{zh}需求：{needs.Trim()}。", $"{en} Needs: {needs.Trim()}.");
        return (Cut(zh), Cut(en));
    }

    /// <summary>The share of calls done (0–1), none when none were asked.</summary>
    public static double? Share(int done, int opened) => opened == 0 ? null : (double)done / opened;

    private static string Cut(string text) => text.Length > 500 ? text[..500] : text;
}
