using Guanxi.Domain.Common;

namespace Guanxi.Domain.Credit;

/// <summary>
/// One row of the rule table: a customer earns <see cref="Level"/> when at least <see cref="MinOnTimePercent"/>% of the
/// instalments that fell due were paid on time, no more than <see cref="MaxOverdueAmount"/> is overdue, for no longer
/// than <see cref="MaxOverdueDays"/> days, and — unless <see cref="FlagsAllowed"/> — no business-condition flag is set.
/// </summary>
public sealed record CreditRule(CreditLevel Level, decimal MinOnTimePercent, decimal MaxOverdueAmount, int MaxOverdueDays, bool FlagsAllowed);

/// <summary>ARC-5: the rule table an administrator edits, best level first; a customer who meets no rule is C. Bankruptcy is always C.</summary>
public sealed record CreditPolicy(IReadOnlyList<CreditRule> Rules)
{
    /// <summary>Where the enterprise keeps its credit rules among its settings.</summary>
    public const string SettingsKey = "credit.policy";

    /// <summary>Payments of orders older than this and fully paid no longer count: a record is about the recent years.</summary>
    public const int RecordMonths = 36;

    public static CreditPolicy Default { get; } = new([
        new(CreditLevel.AAA, 98m, 0m, 0, false),
        new(CreditLevel.AA, 95m, 10_000m, 15, false),
        new(CreditLevel.A, 85m, 50_000m, 30, false),
        new(CreditLevel.B, 70m, 200_000m, 90, true),
    ]);

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        var levels = Rules.Select(r => r.Level).ToList();
        if (levels.Count != 4 || !levels.SequenceEqual([CreditLevel.AAA, CreditLevel.AA, CreditLevel.A, CreditLevel.B]))
            return [CreditErrors.Rules];
        foreach (var (rule, i) in Rules.Select((r, i) => (r, i)))
        {
            if (rule.MinOnTimePercent is < 0 or > 100 || rule.MaxOverdueAmount < 0 || rule.MaxOverdueDays is < 0 or > 3650)
                errors.Add(CreditErrors.Rule(i));
            else if (i > 0 && (rule.MinOnTimePercent > Rules[i - 1].MinOnTimePercent || rule.MaxOverdueAmount < Rules[i - 1].MaxOverdueAmount || rule.MaxOverdueDays < Rules[i - 1].MaxOverdueDays))
                errors.Add(CreditErrors.Order(i));
        }
        return errors;
    }
}

public static class CreditErrors
{
    public static readonly Error Rules = new("credit.rules", "规则表须依次包含 AAA、AA、A、B 四行（不满足任何一行为 C）。", "The rule table has the rows AAA, AA, A and B in that order (meeting none is C).", "rules");
    public static readonly Error LevelRequired = new("credit.level", "请选择信用等级 AAA、AA、A、B 或 C。", "Choose a level: AAA, AA, A, B or C.", "level");
    public static readonly Error ReasonRequired = new("credit.reason", "人工调整须填写理由（不超过 500 字）。", "A manual adjustment needs a reason (at most 500 characters).", "reason");
    public static readonly Error Unchanged = new("credit.unchanged", "调整后的等级与当前等级相同。", "The level is already that.", "level");
    public static readonly Error Flag = new("credit.flag", "经营状况标记只能是经营不善、债务纠纷、重组或破产。", "A business flag is poorCondition, debts, restructuring or bankruptcy.", "flags");

    public static Error Rule(int i) => new("credit.rule", "准时付款比例须在 0–100 之间，逾期金额和天数不能为负。", "On-time share is 0–100; overdue amount and days cannot be negative.", $"rules[{i}]");

    public static Error Order(int i) => new("credit.rule_order", "较低等级的条件不能比较高等级更严。", "A lower level's rule cannot be stricter than a higher one's.", $"rules[{i}]");
}
