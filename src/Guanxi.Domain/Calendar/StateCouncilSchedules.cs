namespace Guanxi.Domain.Calendar;

/// <summary>
/// The State Council's (国务院办公厅) holiday schedules Guanxi ships: each year's days off (放假) and its 调休 make-up
/// workdays (上班), as the notice names them. A day off is listed as the notice's range says, weekends inside it too; where
/// the notice only says "与周末连休" the weekend is not listed (it is a weekend anyway). The enterprise may enter a year
/// itself, which then replaces the shipped one; docs/operations.md says how to add the next year's when it is published.
/// </summary>
public static class StateCouncilSchedules
{
    private static readonly Dictionary<int, CalendarYear> Years = new[] { Year2024(), Year2025(), Year2026() }.ToDictionary(y => y.Year);

    public static IReadOnlyCollection<int> Shipped => Years.Keys;

    public static CalendarYear? Of(int year) => Years.GetValueOrDefault(year);

    /// <summary>
    /// 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 25 October 2023), as printed by 人民日报 on
    /// 26 October 2023: http://paper.people.com.cn/rmrb/html/2023-10/26/nw.D110000renmrb_20231026_3-06.htm
    /// </summary>
    private static CalendarYear Year2024() => new(2024,
        [
            .. Days("元旦", new(2024, 1, 1), new(2024, 1, 1)),
            .. Days("春节", new(2024, 2, 10), new(2024, 2, 17)),
            .. Days("清明节", new(2024, 4, 4), new(2024, 4, 6)),
            .. Days("劳动节", new(2024, 5, 1), new(2024, 5, 5)),
            .. Days("端午节", new(2024, 6, 10), new(2024, 6, 10)),
            .. Days("中秋节", new(2024, 9, 15), new(2024, 9, 17)),
            .. Days("国庆节", new(2024, 10, 1), new(2024, 10, 7)),
        ],
        [
            new(new(2024, 2, 4), "春节调休"), new(new(2024, 2, 18), "春节调休"),
            new(new(2024, 4, 7), "清明节调休"),
            new(new(2024, 4, 28), "劳动节调休"), new(new(2024, 5, 11), "劳动节调休"),
            new(new(2024, 9, 14), "中秋节调休"),
            new(new(2024, 9, 29), "国庆节调休"), new(new(2024, 10, 12), "国庆节调休"),
        ]);

    /// <summary>
    /// 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 12 November 2024), the first under the revised
    /// 《全国年节及纪念日放假办法》 (除夕 and 2 May added), as published by 新华社 on 光明网:
    /// https://m.gmw.cn/2024-11/12/content_1303894933.htm
    /// </summary>
    private static CalendarYear Year2025() => new(2025,
        [
            .. Days("元旦", new(2025, 1, 1), new(2025, 1, 1)),
            .. Days("春节", new(2025, 1, 28), new(2025, 2, 4)),
            .. Days("清明节", new(2025, 4, 4), new(2025, 4, 6)),
            .. Days("劳动节", new(2025, 5, 1), new(2025, 5, 5)),
            .. Days("端午节", new(2025, 5, 31), new(2025, 6, 2)),
            .. Days("国庆节、中秋节", new(2025, 10, 1), new(2025, 10, 8)),
        ],
        [
            new(new(2025, 1, 26), "春节调休"), new(new(2025, 2, 8), "春节调休"),
            new(new(2025, 4, 27), "劳动节调休"),
            new(new(2025, 9, 28), "国庆节调休"), new(new(2025, 10, 11), "国庆节调休"),
        ]);

    /// <summary>
    /// 国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025), as published by 新华社 on 光明网:
    /// https://politics.gmw.cn/2025-11/04/content_38391083.htm
    /// </summary>
    private static CalendarYear Year2026() => new(2026,
        [
            .. Days("元旦", new(2026, 1, 1), new(2026, 1, 3)),
            .. Days("春节", new(2026, 2, 15), new(2026, 2, 23)),
            .. Days("清明节", new(2026, 4, 4), new(2026, 4, 6)),
            .. Days("劳动节", new(2026, 5, 1), new(2026, 5, 5)),
            .. Days("端午节", new(2026, 6, 19), new(2026, 6, 21)),
            .. Days("中秋节", new(2026, 9, 25), new(2026, 9, 27)),
            .. Days("国庆节", new(2026, 10, 1), new(2026, 10, 7)),
        ],
        [
            new(new(2026, 1, 4), "元旦调休"),
            new(new(2026, 2, 14), "春节调休"), new(new(2026, 2, 28), "春节调休"),
            new(new(2026, 5, 9), "劳动节调休"),
            new(new(2026, 9, 20), "国庆节调休"), new(new(2026, 10, 10), "国庆节调休"),
        ]);

    private static IEnumerable<CalendarDay> Days(string name, DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
            yield return new CalendarDay(day, name);
    }
}
