namespace Guanxi.Domain.Surveys;

/// <summary>SAT-1: the routine surveys — of a sale whose vehicle or product was delivered, and of a completed service job — and (SAT-15/16) a program's.</summary>
public enum SurveyKind
{
    Sales,
    AfterSales,
    Program,
}

/// <summary>
/// SAT-2: when a survey may be made, counted from the delivery day as day 1 (001 §5.2.1): a sales survey "三周时开始调查，
/// 调查时效为一周，即应在第四周内调查完毕" — it opens on day 22 (21 days after delivery) and is due by day 28; an
/// after-sales survey opens a week after delivery and is due by the end of the second week.
/// </summary>
public sealed record SurveyWindows(int SalesOpensAfterDays, int AfterSalesOpensAfterDays, int WindowDays)
{
    public static SurveyWindows Default { get; } = new(21, 7, 7);

    public SurveyWindow For(SurveyKind kind, DateOnly deliveredOn)
    {
        var opens = deliveredOn.AddDays(kind == SurveyKind.Sales ? SalesOpensAfterDays : AfterSalesOpensAfterDays);
        return new SurveyWindow(opens, opens.AddDays(WindowDays - 1));
    }
}

/// <summary>The days a survey may be made on, both included; after <see cref="Due"/> an unfinished survey is overdue.</summary>
public readonly record struct SurveyWindow(DateOnly Opens, DateOnly Due)
{
    public bool Contains(DateOnly day) => day >= Opens && day <= Due;

    public bool IsOverdueOn(DateOnly day) => day > Due;
}
