using Guanxi.Domain.Customers;
using Guanxi.Domain.Reviews;

namespace Guanxi.Domain.Tests;

/// <summary>ARC-6 periodic review and LIF-4 key-account relationships.</summary>
public sealed class ReviewTests
{
    private static readonly ReviewPolicy Policy = ReviewPolicy.Default;
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Since = new(2026, 9, 23);

    private static Customer Firm() => Customer.Create(new CustomerDetails(
        CustomerType.Organization, "常州龙城出租汽车", null, [new CustomerPhone(PhoneKind.Office, "+8651988881234")], [], null,
        [], null, false, Gender.Unknown, "交通运输", "中型", null, "owner-1", Guid.NewGuid(), null, null, null), DateTimeOffset.UnixEpoch, Today).Value!;

    [Fact]
    public void ARC_6_a_cycle_opens_every_two_months_the_first_at_once()
    {
        Assert.True(Policy.IsDue(null, Today));
        var last = new DateOnly(2026, 9, 23);
        Assert.True(Policy.IsDue(last, Today));
        Assert.False(Policy.IsDue(last, Today.AddDays(-1)));
        Assert.Equal(last, Policy.Since(last, Today));
        Assert.Equal(new DateOnly(2026, 9, 23), Policy.Since(null, Today));
        Assert.False((Policy with { IntervalMonths = 3 }).IsDue(last, Today));
    }

    [Fact]
    public void ARC_6_fast_growth_and_churn_since_the_last_cycle_are_flagged_for_cause_analysis()
    {
        Assert.Null(Policy.CauseFor(Since, 100_000m, 149_999m, null));
        var grew = Policy.CauseFor(Since, 100_000m, 150_000m, null);
        Assert.Equal(ReviewCause.FastGrowth, grew?.Cause);
        Assert.Contains("增长 50%", grew?.Zh, StringComparison.Ordinal);
        Assert.Equal("近 12 个月成交额 ¥150,000.00，2026-09-23 时为 ¥100,000.00，增长 50%，请分析原因", grew?.Zh);
        // A new customer has no amount to grow from: that is a first purchase, not growth.
        Assert.Null(Policy.CauseFor(Since, 0m, 300_000m, null));
        var lost = Policy.CauseFor(Since, 100_000m, 500_000m, new DateOnly(2026, 10, 2));
        Assert.Equal(ReviewCause.Churned, lost?.Cause);
        Assert.Contains("2026-10-02", lost?.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void ARC_6_filing_needs_a_category_and_for_a_flagged_customer_a_note_and_happens_once()
    {
        var plain = CustomerReview.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 0m, 0m, null);
        Assert.Equal(ReviewErrors.CategoryRequired, Assert.Single(plain.File(null, null).Errors));
        Assert.True(plain.File(ReviewCategory.General, " ").Succeeded);
        Assert.Equal(("归档为一般", "Filed as General"), plain.Outcome);
        Assert.Equal(ReviewErrors.AlreadyFiled, Assert.Single(plain.File(ReviewCategory.Important, "再来").Errors));

        var flagged = CustomerReview.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1m, 2m, Policy.CauseFor(Since, 1m, 2m, null));
        Assert.Equal(ReviewErrors.NoteRequired, Assert.Single(flagged.File(ReviewCategory.Important, null).Errors));
        Assert.Equal(ReviewErrors.NoteTooLong, Assert.Single(flagged.File(ReviewCategory.Important, new string('长', 481)).Errors));
        Assert.Null(flagged.Category);
        Assert.True(flagged.File(ReviewCategory.Important, "新增三台出租车").Succeeded);
        Assert.Equal("归档为重要：新增三台出租车", flagged.Outcome.Zh);

        var customer = Firm();
        Assert.True(customer.File(ReviewCategory.Special, Today).Succeeded);
        Assert.Equal((ReviewCategory.Special, Today), (customer.ArchiveCategory, customer.ReviewedOn));
    }

    [Fact]
    public void ARC_6_the_settings_are_validated()
    {
        Assert.Empty(Policy.Validate());
        Assert.Equal([ReviewErrors.Interval, ReviewErrors.DueDays, ReviewErrors.Growth], new ReviewPolicy(0, 0, 0).Validate());
    }

    [Fact]
    public void LIF_4_the_relationship_with_a_key_account_is_recorded_and_can_be_cleared()
    {
        var customer = Firm();
        Assert.True(customer.RecordRelationship(new KeyAccountRelationship(RelationshipStage.Understanding, RelationshipType.Proactive, RelationshipPhase.Breakthrough, " 已签三年框架协议 ")).Succeeded);
        Assert.Equal(new KeyAccountRelationship(RelationshipStage.Understanding, RelationshipType.Proactive, RelationshipPhase.Breakthrough, "已签三年框架协议"), customer.Relationship);
        Assert.Equal(CustomerErrors.RelationshipInvalid, Assert.Single(customer.RecordRelationship(new KeyAccountRelationship((RelationshipStage)9, null, null, null)).Errors));
        Assert.Equal(CustomerErrors.RelationshipNoteTooLong, Assert.Single(customer.RecordRelationship(new KeyAccountRelationship(null, null, null, new string('长', 501))).Errors));
        Assert.Equal(RelationshipPhase.Breakthrough, customer.RelationshipPhase);
        Assert.True(customer.RecordRelationship(new KeyAccountRelationship(null, null, null, "")).Succeeded);
        Assert.Equal(new KeyAccountRelationship(null, null, null, null), customer.Relationship);
    }
}
