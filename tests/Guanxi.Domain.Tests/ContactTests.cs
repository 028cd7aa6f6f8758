using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;

namespace Guanxi.Domain.Tests;

/// <summary>SVC-1 contacts, SVC-11 their touchpoints, SVC-4 the customers not contacted for longer than their tier allows.</summary>
public sealed class ContactTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Customer = Guid.NewGuid();
    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly Guid Service = Guid.NewGuid();

    private static ContactDetails Call(DateTimeOffset? at = null, string? summary = "客户询问保养时间，已约周六上午。", string? outcome = "已预约") =>
        new(ContactChannel.Phone, ContactDirection.Inbound, at, summary, outcome, Touchpoint.AfterSale);

    private static Viewer As(Role role, Guid department) => new("viewer", department, new HashSet<Role> { role });

    private static List<string?> FieldsOf(ContactDetails details) =>
        [.. Contact.Record(Customer, Sales, "staff-1", details, Now).Errors.Select(e => e.Field)];

    [Fact]
    public void SVC1_a_contact_keeps_channel_direction_staff_time_summary_outcome_touchpoint_and_the_customers_department()
    {
        var at = Now.AddHours(-2);
        var contact = Contact.Record(Customer, Sales, "staff-1", Call(at, "  客户询问保养时间。 ", "  已预约 "), Now).Value!;
        Assert.Equal((Customer, Sales, "staff-1"), (contact.CustomerId, contact.DepartmentId, contact.StaffId));
        Assert.Equal((ContactChannel.Phone, ContactDirection.Inbound, Touchpoint.AfterSale), (contact.Channel, contact.Direction, contact.Touchpoint));
        Assert.Equal(at, contact.At);
        Assert.Equal(TimeSpan.Zero, contact.At.Offset);   // an instant, kept in UTC
        Assert.Equal(("客户询问保养时间。", "已预约"), (contact.Summary, contact.Outcome));
        Assert.Equal(Now, contact.CreatedAt);
        Assert.NotEqual(Guid.Empty, contact.Version);
    }

    [Fact]
    public void SVC1_a_contact_without_a_time_happened_now_and_a_blank_outcome_is_none()
    {
        var contact = Contact.Record(Customer, Sales, "staff-1", Call(null, outcome: "  "), Now).Value!;
        Assert.Equal(Now, contact.At);
        Assert.Null(contact.Outcome);
    }

    [Fact]
    public void SVC1_a_contact_needs_a_summary_of_at_most_2000_characters_and_an_outcome_of_at_most_500()
    {
        Assert.Equal(["summary"], FieldsOf(Call(summary: null)));
        Assert.Equal(["summary"], FieldsOf(Call(summary: "   ")));
        Assert.Equal(["summary"], FieldsOf(Call(summary: new string('话', Contact.MaxSummaryLength + 1))));
        Assert.Empty(FieldsOf(Call(summary: new string('话', Contact.MaxSummaryLength))));
        Assert.Equal(["outcome"], FieldsOf(Call(outcome: new string('果', Contact.MaxOutcomeLength + 1))));
        Assert.Empty(FieldsOf(Call(outcome: new string('果', Contact.MaxOutcomeLength))));
    }

    [Fact]
    public void SVC1_a_contact_is_not_in_the_future_beyond_a_few_minutes_nor_before_2000()
    {
        Assert.Empty(FieldsOf(Call(Now + Contact.MaxAhead)));
        Assert.Equal(["at"], FieldsOf(Call(Now + Contact.MaxAhead + TimeSpan.FromSeconds(1))));
        Assert.Equal(["at"], FieldsOf(Call(Now.AddDays(1))));
        Assert.Equal(["at"], FieldsOf(Call(new DateTimeOffset(1999, 12, 31, 12, 0, 0, TimeSpan.Zero))));
        Assert.Empty(FieldsOf(Call(Now.AddYears(-5))));
    }

    [Fact]
    public void SVC1_SVC11_channel_direction_and_touchpoint_are_required_each_on_its_field()
    {
        var errors = Contact.Record(Customer, Sales, "staff-1", new ContactDetails(null, null, null, null, null, null), Now).Errors;
        Assert.Equal(["channel", "direction", "touchpoint", "summary"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.Message) || string.IsNullOrEmpty(e.MessageEn)));
        Assert.Equal(["channel", "direction", "touchpoint"], FieldsOf(new ContactDetails((ContactChannel)99, (ContactDirection)7, null, "摘要", null, (Touchpoint)42)));
    }

    [Theory]
    [InlineData(Role.SalesConsultant, true)]
    [InlineData(Role.ServiceAdvisor, true)]
    [InlineData(Role.DepartmentManager, true)]
    [InlineData(Role.CustomerServiceManager, true)]
    [InlineData(Role.DutyManager, true)]
    [InlineData(Role.CallbackSpecialist, true)]
    [InlineData(Role.GeneralManager, false)]
    [InlineData(Role.ExecutiveVp, false)]
    [InlineData(Role.Administrator, false)]
    [InlineData(Role.Administration, false)]
    public void SVC1_who_records_a_contact_with_a_customer_of_their_department(Role role, bool records) =>
        Assert.Equal(records, ContactAccess.CanRecord(As(role, Sales), Sales));

    [Fact]
    public void SVC1_another_departments_staff_record_no_contact_with_a_customer_out_of_their_sight_customer_service_does()
    {
        Assert.False(ContactAccess.CanRecord(As(Role.SalesConsultant, Service), Sales));
        Assert.False(ContactAccess.CanRecord(As(Role.DepartmentManager, Service), Sales));
        Assert.False(ContactAccess.CanRecord(As(Role.ServiceAdvisor, Service), Sales));
        Assert.True(ContactAccess.CanRecord(As(Role.CallbackSpecialist, Service), Sales));
    }

    [Fact]
    public void SVC4_a_customer_is_overdue_once_the_last_contact_is_longer_ago_than_the_tiers_cadence()
    {
        var today = new DateOnly(2026, 11, 23);
        var entered = new DateOnly(2024, 1, 1);
        Assert.Equal(new DateOnly(2026, 10, 24), FollowUp.Cutoff(today, 30));
        Assert.False(FollowUp.IsOverdue(new DateOnly(2026, 10, 24), entered, 30, today));   // 30 days ago: still within a VIP's 30
        Assert.True(FollowUp.IsOverdue(new DateOnly(2026, 10, 23), entered, 30, today));    // 31 days ago
        Assert.False(FollowUp.IsOverdue(new DateOnly(2026, 10, 23), entered, 60, today));   // the same day is within an important customer's 60
        Assert.False(FollowUp.IsOverdue(today, entered, 1, today));
    }

    [Fact]
    public void SVC4_a_customer_never_contacted_counts_from_the_day_of_entry()
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.False(FollowUp.IsOverdue(null, today.AddDays(-180), 180, today));
        Assert.True(FollowUp.IsOverdue(null, today.AddDays(-181), 180, today));
        Assert.False(FollowUp.IsOverdue(null, today, 30, today));
        // A contact later than the entry counts, whatever the entry.
        Assert.False(FollowUp.IsOverdue(today.AddDays(-10), today.AddDays(-400), 30, today));
    }
}
