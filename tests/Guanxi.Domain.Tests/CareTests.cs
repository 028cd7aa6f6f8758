using Guanxi.Domain.Care;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Messaging;

namespace Guanxi.Domain.Tests;

/// <summary>SVC-5: the calendar of care, the SMS's length, quiet hours and the outbox's one hand-over; SEC-1: the consent ledger.</summary>
public sealed class CareTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 20, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(2025, "2025-01-29", "2025-10-06")]
    [InlineData(2026, "2026-02-17", "2026-09-25")]
    [InlineData(2027, "2027-02-06", "2027-09-15")]
    [InlineData(2028, "2028-01-26", "2028-10-03")]
    [InlineData(2029, "2029-02-13", "2029-09-22")]
    [InlineData(2030, "2030-02-03", "2030-09-12")]
    public void SVC5_Spring_Festival_and_Mid_Autumn_fall_on_the_published_dates(int year, string springFestival, string midAutumn)
    {
        Assert.Equal(DateOnly.Parse(springFestival, System.Globalization.CultureInfo.InvariantCulture), CareCalendar.DateOf(Occasion.SpringFestival, year));
        Assert.Equal(DateOnly.Parse(midAutumn, System.Globalization.CultureInfo.InvariantCulture), CareCalendar.DateOf(Occasion.MidAutumn, year));
    }

    [Fact]
    public void SVC5_the_other_lunar_holidays_and_Qingming_of_2026_are_the_published_ones()
    {
        Assert.Equal(new DateOnly(2026, 3, 3), CareCalendar.DateOf(Occasion.LanternFestival, 2026));
        Assert.Equal(new DateOnly(2026, 6, 19), CareCalendar.DateOf(Occasion.DragonBoat, 2026));
        Assert.Equal(new DateOnly(2026, 8, 19), CareCalendar.DateOf(Occasion.Qixi, 2026));
        Assert.Equal(new DateOnly(2026, 10, 18), CareCalendar.DateOf(Occasion.DoubleNinth, 2026));
        Assert.Equal(new DateOnly(2026, 4, 5), CareCalendar.DateOf(Occasion.Qingming, 2026));
        Assert.Equal(new DateOnly(2025, 4, 4), CareCalendar.DateOf(Occasion.Qingming, 2025));
        Assert.Null(CareCalendar.DateOf(Occasion.Birthday, 2026));
    }

    [Fact]
    public void SVC5_a_lunar_birthday_in_a_leap_month_falls_in_the_ordinary_month_of_that_number()
    {
        var born = new DateOnly(2020, 6, 10);   // 闰四月十九 of 2020
        Assert.Equal([new DateOnly(2023, 6, 6)], CareCalendar.BirthdaysIn(born, lunar: true, 2023));   // 2023 has 闰二月: 四月十九
        Assert.Equal([new DateOnly(2026, 6, 4)], CareCalendar.BirthdaysIn(born, lunar: true, 2026));
        Assert.Equal([new DateOnly(2026, 6, 10)], CareCalendar.BirthdaysIn(born, lunar: false, 2026));
    }

    [Fact]
    public void SVC5_a_lunar_birthday_on_the_30th_falls_on_the_29th_of_a_short_month()
    {
        var born = new DateOnly(2024, 2, 9);   // 腊月三十 of the lunar year 2023
        Assert.Equal([new DateOnly(2026, 2, 16)], CareCalendar.BirthdaysIn(born, lunar: true, 2026));   // 腊月 of 2025 has 29 days: 除夕 is 廿九
    }

    [Fact]
    public void SVC5_a_birthday_on_29_February_is_greeted_on_the_28th_in_other_years()
    {
        Assert.Equal([new DateOnly(2027, 2, 28)], CareCalendar.BirthdaysIn(new DateOnly(2000, 2, 29), lunar: false, 2027));
        Assert.Equal([new DateOnly(2028, 2, 29)], CareCalendar.BirthdaysIn(new DateOnly(2000, 2, 29), lunar: false, 2028));
    }

    [Theory]
    [InlineData("【关系汽车】中秋快乐", 10, 1)]
    [InlineData("Happy Mid-Autumn", 16, 1)]
    public void SVC5_an_sms_counts_its_characters_and_segments(string text, int characters, int segments) =>
        Assert.Equal((characters, segments), SmsText.Measure(text));

    [Fact]
    public void SVC5_a_chinese_sms_is_one_message_up_to_70_characters_and_67_a_segment_beyond()
    {
        Assert.Equal((70, 1), SmsText.Measure(new string('好', 70)));
        Assert.Equal((71, 2), SmsText.Measure(new string('好', 71)));
        Assert.Equal((134, 2), SmsText.Measure(new string('好', 134)));
        Assert.Equal((135, 3), SmsText.Measure(new string('好', 135)));
        Assert.Equal((161, 2), SmsText.Measure(new string('a', 161)));
    }

    [Fact]
    public void SVC5_a_marketing_sms_carries_its_opt_out_and_a_service_one_does_not()
    {
        Assert.Equal("【关系汽车】中秋快乐 回T退订", SmsText.Compose("关系汽车", "中秋快乐", MessageKind.Marketing, "回T退订"));
        Assert.Equal("【关系汽车】中秋快乐，回T退订", SmsText.Compose("关系汽车", "中秋快乐，回T退订", MessageKind.Marketing, "回T退订"));
        Assert.Equal("【关系汽车】请评价本次服务", SmsText.Compose("关系汽车", "请评价本次服务", MessageKind.Service, "回T退订"));
    }

    [Fact]
    public void SVC5_quiet_hours_hold_a_message_of_22_30_to_08_00_the_next_morning()
    {
        var hours = QuietHours.Default;
        Assert.Equal(new DateTime(2026, 9, 21, 8, 0, 0), hours.NextAllowed(new DateTime(2026, 9, 20, 22, 30, 0)));
        Assert.Equal(new DateTime(2026, 9, 20, 8, 0, 0), hours.NextAllowed(new DateTime(2026, 9, 20, 6, 0, 0)));
        Assert.Equal(new DateTime(2026, 9, 20, 20, 59, 0), hours.NextAllowed(new DateTime(2026, 9, 20, 20, 59, 0)));
        Assert.Equal(new DateTime(2026, 9, 21, 8, 0, 0), hours.NextAllowed(new DateTime(2026, 9, 20, 21, 0, 0)));
    }

    [Theory]
    [InlineData(MessageKind.Marketing, null, SuppressionReason.NoConsent)]
    [InlineData(MessageKind.Marketing, ConsentState.Refused, SuppressionReason.NoConsent)]
    [InlineData(MessageKind.Marketing, ConsentState.Withdrawn, SuppressionReason.OptedOut)]
    [InlineData(MessageKind.Marketing, ConsentState.Granted, null)]
    [InlineData(MessageKind.Service, null, null)]
    [InlineData(MessageKind.Service, ConsentState.Withdrawn, SuppressionReason.OptedOut)]
    public void SEC1_marketing_needs_consent_and_service_goes_unless_refused(MessageKind kind, ConsentState? state, SuppressionReason? expected) =>
        Assert.Equal(expected, ConsentPolicy.Check(kind, state));

    [Theory]
    [InlineData("T", true)]
    [InlineData(" td ", true)]
    [InlineData("Ｔ", true)]
    [InlineData("退订", true)]
    [InlineData("请帮我退订，谢谢", true)]
    [InlineData("R", true)]
    [InlineData("Thanks", false)]
    [InlineData("好的", false)]
    [InlineData("", false)]
    public void SEC1_an_sms_reply_of_T_TD_R_or_退订_opts_out(string reply, bool optOut) =>
        Assert.Equal(optOut, ConsentPolicy.IsOptOutReply(reply));

    [Theory]
    [InlineData("电话", new[] { Channel.Phone })]
    [InlineData("短信、邮件", new[] { Channel.Sms, Channel.Email })]
    [InlineData("SMS, E-mail", new[] { Channel.Sms, Channel.Email })]
    [InlineData("电子邮箱", new[] { Channel.Email })]
    [InlineData("客户口头同意", new[] { Channel.Sms, Channel.Email, Channel.Phone })]
    [InlineData(null, new[] { Channel.Sms, Channel.Email, Channel.Phone })]
    public void SEC1_a_written_consent_names_its_channels_or_else_is_for_all_of_them(string? text, Channel[] channels) =>
        Assert.Equal(channels, ConsentPolicy.ChannelsNamed(text));

    [Theory]
    [InlineData(ConsentState.Granted, ConsentState.Withdrawn)]
    [InlineData(null, ConsentState.Refused)]
    [InlineData(ConsentState.Refused, null)]
    [InlineData(ConsentState.Withdrawn, null)]
    public void SEC1_a_no_withdraws_a_consent_given_and_is_a_refusal_from_a_customer_never_asked(ConsentState? current, ConsentState? recorded) =>
        Assert.Equal(recorded, ConsentPolicy.NoFrom(current));

    [Fact]
    public void SEC1_channels_are_written_in_the_archive_s_words_in_a_fixed_order() =>
        Assert.Equal("短信、邮件、电话", ConsentPolicy.ChannelsText([Channel.Phone, Channel.Sms, Channel.Email]));

    [Fact]
    public void SEC1_a_consent_change_is_kept_and_the_same_word_twice_changes_nothing()
    {
        var consent = Consent.New(Guid.NewGuid(), Channel.Sms, MessageKind.Marketing);
        Assert.NotNull(consent.Record(ConsentState.Granted, ConsentSource.Form, "纸质表单", "staff-1", Now));
        Assert.Null(consent.Record(ConsentState.Granted, ConsentSource.Staff, null, "staff-1", Now.AddDays(1)));
        var change = consent.Record(ConsentState.Withdrawn, ConsentSource.Reply, "回复：T", "system", Now.AddDays(2));
        Assert.Equal((ConsentState.Withdrawn, ConsentSource.Reply), (change!.State, change.Source));
        Assert.Equal(ConsentState.Withdrawn, consent.State);
    }

    private static OutboxMessage Message(DateTimeOffset planned, DateTimeOffset? sendBy = null, SuppressionReason? suppressed = null) =>
        OutboxMessage.Write(new OutboxMessage.Draft(Guid.NewGuid(), Channel.Sms, MessageKind.Marketing, "+8613900000000", null, "中秋快乐", null, SendBy: sendBy),
            planned, suppressed, at => at.Hour is >= 8 and < 21 ? at : new DateTimeOffset(at.Date.AddDays(at.Hour >= 21 ? 1 : 0).AddHours(8), at.Offset), "staff-1", Now);

    [Fact]
    public void SVC5_a_message_past_its_send_by_time_because_of_quiet_hours_is_suppressed()
    {
        var late = Now.Date.AddHours(22);
        var held = Message(new DateTimeOffset(late, Now.Offset));
        Assert.Equal((MessageStatus.Queued, 8, 21), (held.Status, held.PlannedAt.Hour, held.PlannedAt.Day));
        var greeting = Message(new DateTimeOffset(late, Now.Offset), sendBy: new DateTimeOffset(Now.Date.AddDays(1), Now.Offset));
        Assert.Equal((MessageStatus.Suppressed, SuppressionReason.QuietHours), (greeting.Status, greeting.Reason));
    }

    [Fact]
    public void SVC5_a_message_is_claimed_once_retried_on_a_passing_refusal_and_failed_as_uncertain_after_a_crash()
    {
        var message = Message(Now);
        message.Claim(Now);
        Assert.Throws<InvalidOperationException>(() => message.Claim(Now));
        message.Refused("isv.BUSINESS_LIMIT_CONTROL", "触发流控", retry: true, invalidAddress: false, Now, TimeSpan.FromMinutes(1));
        Assert.Equal(MessageStatus.Queued, message.Status);
        message.Claim(Now.AddMinutes(1));
        message.Uncertain(Now.AddMinutes(20));
        Assert.Equal((MessageStatus.Failed, "uncertain"), (message.Status, message.ErrorCode));
        var invalid = Message(Now);
        invalid.Claim(Now);
        invalid.Refused("isv.MOBILE_NUMBER_ILLEGAL", "号码格式错误", retry: false, invalidAddress: true, Now, TimeSpan.Zero);
        Assert.Equal((MessageStatus.Suppressed, SuppressionReason.InvalidAddress), (invalid.Status, invalid.Reason));
    }

    [Fact]
    public void SVC5_a_receipt_a_day_later_still_marks_the_message_delivered_or_failed()
    {
        var message = Message(Now);
        message.Claim(Now);
        message.Accepted("biz-1", Now);
        message.Receipt(false, "MK:0001", "空号", Now.AddDays(1));
        Assert.Equal((MessageStatus.Failed, "MK:0001"), (message.Status, message.ErrorCode));
    }

    [Fact]
    public void SVC5_a_care_plan_greets_its_tiers_and_stages_and_calls_its_vips()
    {
        var plan = CarePlan.Create(new CarePlan.Details("中秋问候", Occasion.MidAutumn, [Tier.Vip, Tier.Important], [], null, Channel.Sms, Guid.NewGuid(), 3,
            new TimeOnly(9, 0), [Tier.Vip], true), "staff-1", Now).Value!;
        Assert.True(plan.Covers(Tier.Important, LifecycleStage.Loyal));
        Assert.False(plan.Covers(Tier.Ordinary, LifecycleStage.Loyal));
        Assert.True(plan.Calls(Tier.Vip));
        Assert.Equal(new DateOnly(2026, 9, 25), plan.GreetsOn(new DateOnly(2026, 9, 22)));
        var bad = CarePlan.Create(plan.ToDetails() with { Channel = Channel.Phone, DaysBefore = 40, Name = " " }, "staff-1", Now);
        Assert.Equal(["name", "channel", "daysBefore"], bad.Errors.Select(e => e.Field));
    }

    [Fact]
    public void SVC5_a_lunar_birthday_is_greeted_on_its_lunar_day_and_a_solar_one_on_its_date()
    {
        var born = new DateOnly(1980, 2, 16);   // 正月初一 of 1980
        Assert.True(CareDays.IsBirthday(born, lunar: true, new DateOnly(2028, 1, 26)));   // 春节 2028
        Assert.False(CareDays.IsBirthday(born, lunar: true, new DateOnly(2028, 2, 16)));
        Assert.True(CareDays.IsBirthday(born, lunar: false, new DateOnly(2028, 2, 16)));
        Assert.False(CareDays.IsBirthday(born, lunar: false, new DateOnly(2028, 1, 26)));
        Assert.False(CareDays.IsBirthday(new DateOnly(2028, 1, 26), lunar: false, new DateOnly(2028, 1, 26)));   // the day of birth itself is no birthday
    }

    [Fact]
    public void SVC5_an_anniversary_is_the_same_day_at_least_a_year_later()
    {
        Assert.True(CareDays.IsAnniversary(new DateOnly(2026, 3, 5), new DateOnly(2027, 3, 5)));
        Assert.True(CareDays.IsAnniversary(new DateOnly(2020, 3, 5), new DateOnly(2027, 3, 5)));
        Assert.False(CareDays.IsAnniversary(new DateOnly(2027, 3, 5), new DateOnly(2027, 3, 5)));
        Assert.False(CareDays.IsAnniversary(new DateOnly(2026, 3, 5), new DateOnly(2027, 3, 6)));
        Assert.True(CareDays.IsAnniversary(new DateOnly(2024, 2, 29), new DateOnly(2027, 2, 28)));
    }

    [Fact]
    public void SVC5_a_holiday_plan_greets_on_the_holidays_date_only()
    {
        Assert.True(CareDays.IsHoliday(Occasion.MidAutumn, new DateOnly(2027, 9, 15)));
        Assert.False(CareDays.IsHoliday(Occasion.MidAutumn, new DateOnly(2027, 9, 16)));
        Assert.True(CareDays.IsHoliday(Occasion.Qingming, new DateOnly(2027, 4, 5)));
        Assert.False(CareDays.IsHoliday(Occasion.Birthday, new DateOnly(2027, 9, 15)));
    }

    [Fact]
    public void SVC5_the_owners_care_call_names_the_occasion_and_shows_the_customers_preferences_and_needs()
    {
        var (zh, en) = CareDays.CallNote(Occasion.Birthday, new DateOnly(2028, 1, 26), " 喜欢普洱茶，周末不接电话 ", "想换七座车");
        Assert.Equal("生日（2028-01-26）关怀：请致电问候客户。偏好：喜欢普洱茶，周末不接电话。需求：想换七座车。", zh);
        Assert.Contains("Preferences: 喜欢普洱茶", en, StringComparison.Ordinal);
        Assert.DoesNotContain("偏好", CareDays.CallNote(Occasion.MidAutumn, new DateOnly(2027, 9, 15), null, " ").Zh, StringComparison.Ordinal);
        Assert.Equal(500, CareDays.CallNote(Occasion.MidAutumn, new DateOnly(2027, 9, 15), new string('茶', 900), null).Zh.Length);
        Assert.Equal(0.5, CareDays.Share(1, 2));
        Assert.Null(CareDays.Share(0, 0));
    }
}
