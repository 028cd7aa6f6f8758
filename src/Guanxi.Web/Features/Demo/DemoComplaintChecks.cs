using System.Globalization;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Surveys;

namespace Guanxi.Web.Features.Demo;

/// <summary>How a customer answers a satisfaction check after their complaint was resolved (SVC-2).</summary>
public enum DemoCheckAnswer
{
    /// <summary>Satisfied: 8–10 overall, the problem solved.</summary>
    Satisfied,

    /// <summary>Not satisfied: the problem is not really solved.</summary>
    NotSolved,

    /// <summary>Not satisfied although solved: it took too long, or too many trips.</summary>
    TooSlow,

    /// <summary>Three days of calls without an answer: an invalid questionnaire, no verdict.</summary>
    Unreachable,
}

/// <summary>
/// The demo customers' answers to the 投诉处理回访 questionnaire (<see cref="Surveys.StandardQuestionnaires.ComplaintFollowUp"/>):
/// most satisfied, some not (the problem not really solved, or solved too slowly), a few never reached. The unhappy ones
/// are unhappy, not furious — overall 5–7 of 10 and no item below 3 of 5 — so that none reaches the survey engine's escalation
/// thresholds (SAT-11), which the demo, like its routine surveys, does not run.
/// </summary>
public static class DemoComplaintChecks
{
    /// <summary>Of the resolved complaints, the share whose handler asks for the check when resolving it.</summary>
    public const double Share = 0.5;

    public static readonly string[] AskNotes = ["客户上午方便接听", "客户要求下班后联系", "请顺便确认补偿是否到位", "客户对处理速度有意见，回访时注意解释"];

    public const string UnreachableNote = "三次拨打均无人接听";

    private static readonly string[] Praise = ["处理很及时，满意", "服务顾问专门打电话道歉，态度很好", "问题已经解决了，谢谢", "补偿方案合理，可以接受"];

    private static readonly string[] NotSolved = ["问题还是没有彻底解决，过几天又出现了", "只是道歉，没有实际解决问题", "处理结果和当初承诺的不一样", "毛病还在，希望再检查一次"];

    private static readonly string[] Slow = ["解决是解决了，但拖得太久", "来回跑了好几趟才处理好", "一直要自己打电话催进度"];

    /// <summary>
    /// How the customers answer, fourteen at a time in an order the demo shuffles: ten satisfied, two with the problem not really
    /// solved, one solved too slowly, one never reached — so that even a small demo has each.
    /// </summary>
    public static readonly IReadOnlyList<DemoCheckAnswer> Round =
    [
        .. Enumerable.Repeat(DemoCheckAnswer.Satisfied, 10), DemoCheckAnswer.NotSolved, DemoCheckAnswer.NotSolved, DemoCheckAnswer.TooSlow, DemoCheckAnswer.Unreachable,
    ];

    /// <summary>The answers, as the callback specialist enters them on the call sheet (the comment as the questionnaire's free-text question).</summary>
    public static IReadOnlyList<Answer> Answers(Random random, DemoCheckAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(random);
        var (overall, solved, speed, attitude, comment) = answer switch
        {
            DemoCheckAnswer.Satisfied => (8 + random.Next(3), true, random.NextDouble() < 0.15 ? 3 : 4 + random.Next(2), 4 + random.Next(2),
                random.NextDouble() < 0.4 ? Praise[random.Next(Praise.Length)] : null),
            DemoCheckAnswer.NotSolved => (5 + random.Next(3), false, 3 + random.Next(2), 3 + random.Next(3), NotSolved[random.Next(NotSolved.Length)]),
            DemoCheckAnswer.TooSlow => (5 + random.Next(3), true, 3, 3 + random.Next(2), Slow[random.Next(Slow.Length)]),
            _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "An unreachable customer gives no answers."),
        };
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return
        [
            new("overall", N(overall)), new(ComplaintCheck.SolvedQuestionId, solved ? "是" : "否"), new("speed", N(speed)), new("attitude", N(attitude)),
            .. comment is null ? Array.Empty<Answer>() : [new Answer("comment", comment)],
        ];
    }

    /// <summary>What the desk writes when it closes a checked complaint, by the check's verdict.</summary>
    public static string CloseNote(bool? satisfied, bool? solved) => satisfied switch
    {
        true => "满意度回访：客户满意，结案",
        null => "回访中心多次联系未果，按已解决结案",
        false when solved == false => "满意度回访：客户认为问题未解决，已再次致歉并记录",
        false => "满意度回访：客户对处理过程不满意，已致歉并记录改进",
    };
}
