namespace Guanxi.Domain.Common;

/// <summary>
/// Who did something (issue 21): a member of staff by their id — never their name, which changes and has a language —
/// or the system, with an id of its own, for what no one did by hand (the nightly jobs, a public survey link). A job a
/// person started is that person's, with the <see cref="Cause"/> that says why it ran ("（订单）"), kept apart from the
/// name and translated when shown.
/// </summary>
public readonly record struct Actor(string Id, ActorCause? Cause = null)
{
    /// <summary>The system's id: never a staff id (ASP.NET Identity ids are GUIDs).</summary>
    public const string SystemId = "system";

    /// <summary>The length of an id column, as for every user id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The length of a column that keeps the text an older version stored for who did something.</summary>
    public const int MaxTextLength = 100;

    public static Actor System(ActorCause? cause = null) => new(SystemId, cause);

    /// <summary>A member of staff, or the system when there is no one signed in.</summary>
    public static Actor Staff(string? id, ActorCause? cause = null) => new(string.IsNullOrEmpty(id) ? SystemId : id, cause);

    public bool IsSystem => Id == SystemId;

    public static string SystemName(bool english) => english ? "System" : "系统";

    public static string CauseText(ActorCause cause, bool english) => cause switch
    {
        ActorCause.Nightly => english ? "nightly recompute" : "夜间重算",
        ActorCause.Orders => english ? "orders" : "订单",
        ActorCause.OrdersWritten => english ? "rated after orders were written" : "订单写入后评定",
        ActorCause.Import => english ? "import" : "导入",
        ActorCause.LifecycleSettings => english ? "lifecycle settings changed" : "修改生命周期设置",
        ActorCause.BusinessConditions => english ? "business conditions" : "经营状况",
        ActorCause.ReviewSchedule => english ? "scheduled review" : "定期核查",
        ActorCause.SatisfactionReport => english ? "satisfaction report" : "满意度报告",
        _ => english ? "demo data" : "演示数据",
    };

    /// <summary>A name with the cause, as the viewer's language writes it: "李伟丹（订单）", "Li Weidan (orders)".</summary>
    public static string Show(string name, ActorCause? cause, bool english) => cause switch
    {
        null => name,
        { } c when english => $"{name} ({CauseText(c, true)})",
        { } c => $"{name}（{CauseText(c, false)}）",
    };
}

/// <summary>Why a job or a person's indirect act ran: shown after the name, never part of it. Stored by name.</summary>
public enum ActorCause
{
    Nightly,
    Orders,
    OrdersWritten,
    Import,
    LifecycleSettings,
    BusinessConditions,
    ReviewSchedule,
    SatisfactionReport,
    Demo,
}
