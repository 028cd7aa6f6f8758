using Guanxi.Domain.Credit;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;

namespace Guanxi.Domain.Tests;

/// <summary>ARC-5: the payment record, the rule table, business conditions, manual adjustments.</summary>
public sealed class CreditTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Customer Firm() => Customer.Create(new CustomerDetails(
        CustomerType.Organization, "常州龙城出租汽车", null, [new CustomerPhone(PhoneKind.Office, "+8651988881234")], [], null,
        [], null, false, Gender.Unknown, "交通运输", "中型", null, "owner-1", Guid.NewGuid(), null, null, null), DateTimeOffset.UnixEpoch, Today).Value!;

    [Fact]
    public void ARC_5_the_record_counts_instalments_due_paid_on_time_and_what_is_overdue_now()
    {
        OrderPayment[] payments =
        [
            new(Today.AddMonths(-3), Today.AddMonths(-3), 10_000m),      // on time
            new(Today.AddMonths(-2), Today.AddMonths(-2).AddDays(5), 10_000m),   // late
            new(Today.AddMonths(-1), null, 10_000m),                     // overdue 31 days
            new(Today.AddDays(-3), null, 10_000m),                       // overdue 3 days
            new(Today.AddMonths(1), null, 10_000m),                      // not due yet
        ];
        var record = PaymentRecord.Of(payments, Today);
        Assert.Equal(new PaymentRecord(4, 1, 20_000m, 31, Today.AddMonths(-1)), record);
        // Stored with the day the overdue began, the record tells its days on any later day without being evaluated again.
        Assert.Equal(record with { OverdueDays = 41 }, PaymentRecord.Stored(4, 1, 20_000m, record.OverdueSince, Today.AddDays(10)));
        Assert.Equal(25m, record.OnTimePercent);
        Assert.Equal(100m, PaymentRecord.None.OnTimePercent);
    }

    [Fact]
    public void ARC_5_the_rule_table_gives_the_best_level_met_and_business_conditions_cap_it()
    {
        var policy = CreditPolicy.Default;
        Assert.Equal(CreditLevel.AAA, CreditRating.Evaluate(policy, new(12, 12, 0, 0), []).Level);
        Assert.Equal(CreditLevel.AA, CreditRating.Evaluate(policy, new(20, 19, 5_000m, 10), []).Level);
        var b = CreditRating.Evaluate(policy, new(10, 8, 60_000m, 45), []);
        Assert.Equal(CreditLevel.B, b.Level);
        Assert.Contains("准时付款 8/10（80%），逾期 ¥60,000.00、45 天，符合 B 级条件", b.Reason);
        Assert.Equal(CreditLevel.C, CreditRating.Evaluate(policy, new(10, 5, 60_000m, 45), []).Level);
        Assert.Equal(CreditLevel.B, CreditRating.Evaluate(policy, new(12, 12, 0, 0), [BusinessCondition.Debts]).Level);
        Assert.Contains("破产一律为 C", CreditRating.Evaluate(policy, new(12, 12, 0, 0), [BusinessCondition.Bankruptcy]).Reason);

        var stricter = new CreditPolicy([.. policy.Rules.Select(r => r.Level == CreditLevel.AA ? r with { MaxOverdueDays = 5 } : r)]);
        Assert.Equal(CreditLevel.A, CreditRating.Evaluate(stricter, new(20, 19, 5_000m, 10), []).Level);
        Assert.Empty(policy.Validate());
        Assert.Equal("rules[1]", Assert.Single(new CreditPolicy([policy.Rules[0], policy.Rules[1] with { MinOnTimePercent = 99m }, policy.Rules[2], policy.Rules[3]]).Validate()).Field);
        Assert.Equal(CreditErrors.Rules, Assert.Single(new CreditPolicy([.. policy.Rules.Take(3)]).Validate()));
    }

    [Fact]
    public void ARC_5_no_payment_history_is_not_rated()
    {
        // Nothing has fallen due and no business condition is recorded: nothing to rate on, so no level — not A by default.
        var none = CreditRating.Evaluate(CreditPolicy.Default, PaymentRecord.None, []);
        Assert.Null(none.Level);
        Assert.Equal(("尚无付款记录，未评定", "No payment history yet: not rated"), (none.Reason, none.ReasonEn));
        Assert.Null(CreditRating.Evaluate(CreditPolicy.Default, PaymentRecord.Of([new OrderPayment(Today.AddMonths(1), null, 10_000m)], Today), []).Level);   // due next month
        Assert.Equal(("未评定", "Not rated", false), (((CreditLevel?)null).Chinese(), ((CreditLevel?)null).English(), ((CreditLevel?)null).IsRisky()));

        // A new customer is not rated until the first instalment falls due; then the rule table rates them.
        var firm = Firm();
        Assert.Equal(new CreditStanding(null, null, false), firm.CreditStanding);
        Assert.False(firm.Rate(none.Level));
        Assert.True(firm.Rate(CreditRating.Evaluate(CreditPolicy.Default, PaymentRecord.Of([new OrderPayment(Today.AddDays(-1), Today.AddDays(-1), 10_000m)], Today), []).Level));
        Assert.Equal(CreditLevel.AAA, firm.Credit);

        // A business condition is something to rate on, even without payments: it caps the level (B), bankruptcy is C.
        Assert.Equal(CreditLevel.B, CreditRating.Evaluate(CreditPolicy.Default, PaymentRecord.None, [BusinessCondition.Debts]).Level);
        Assert.Equal(CreditLevel.C, CreditRating.Evaluate(CreditPolicy.Default, PaymentRecord.None, [BusinessCondition.Bankruptcy]).Level);
    }

    [Fact]
    public void ARC_5_a_manual_adjustment_needs_a_reason_and_stands_until_the_record_changes()
    {
        var firm = Firm();
        Assert.False(firm.Rate(null));
        Assert.Equal(CreditErrors.ReasonRequired, firm.AdjustCredit(CreditLevel.B, " ").Errors.Single());
        // A customer not rated yet may be given a level by hand (a firm known to the manager); it stands until there is a record.
        Assert.Null(firm.AdjustCredit(CreditLevel.A, "市属国企").Value);
        Assert.Equal((CreditLevel.A, true), (firm.Credit, firm.CreditManual));
        Assert.False(firm.Rate(null));   // still no record: the manual level stands
        Assert.Equal(CreditErrors.Unchanged, firm.AdjustCredit(CreditLevel.A, "x").Errors.Single());
        Assert.Equal(CreditLevel.A, firm.AdjustCredit(CreditLevel.B, "法人涉诉，暂停赊销").Value);
        Assert.Equal((CreditLevel.B, true), (firm.Credit, firm.CreditManual));
        Assert.False(firm.Rate(null));   // the rules say what they said: the manual level stands
        Assert.True(firm.Rate(CreditLevel.C));   // the record changed: the rules take over
        Assert.Equal((CreditLevel.C, false), (firm.Credit, firm.CreditManual));
        Assert.True(firm.RecordBusinessConditions([BusinessCondition.Debts, BusinessCondition.PoorCondition, BusinessCondition.Debts]).Succeeded);
        Assert.Equal([BusinessCondition.PoorCondition, BusinessCondition.Debts], firm.BusinessConditions);
        Assert.False(firm.RecordBusinessConditions([(BusinessCondition)9]).Succeeded);
    }

    [Fact]
    public void ARC_5_one_rule_rates_an_entity_and_a_row_and_a_rating_never_bumps_the_version()
    {
        var manualB = new CreditStanding(CreditLevel.B, CreditLevel.A, Manual: true);
        Assert.Null(CreditRating.Rate(manualB, CreditLevel.A));
        Assert.Equal(new CreditStanding(CreditLevel.C, CreditLevel.C, false), CreditRating.Rate(manualB, CreditLevel.C));
        Assert.Null(CreditRating.Rate(new(CreditLevel.A, CreditLevel.A, false), CreditLevel.A));
        // The level in force stands but what the rules gave moves: still a write.
        Assert.Equal(new CreditStanding(CreditLevel.A, CreditLevel.A, false), CreditRating.Rate(new(CreditLevel.A, CreditLevel.B, false), CreditLevel.A));

        var firm = Firm();
        var version = firm.Version;
        Assert.True(firm.Rate(CreditLevel.C));
        Assert.Equal((new CreditStanding(CreditLevel.C, CreditLevel.C, false), version), (firm.CreditStanding, firm.Version));
        Assert.True(firm.File(Reviews.ReviewCategory.Important, Today).Succeeded);
        Assert.Equal(version, firm.Version);   // derived state: an edit form read before still saves
    }
}
