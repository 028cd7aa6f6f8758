using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Service;

namespace Guanxi.Domain.Tests;

/// <summary>SVC-7 案例库: what a case holds, and who writes, reads, corrects and publishes it.</summary>
public sealed class CaseLibraryTests
{
    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly Guid CustomerService = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));

    private static Viewer As(Role role, string id, Guid? department = null) => new(id, department ?? Sales, new HashSet<Role> { role });

    private static CaseContent Content(CaseKind? kind = CaseKind.Success, string? title = "钣金返修一次修好", string? story = "客户的车门钣金返修两次仍有色差。",
        string? lesson = "返修前先与客户确认色号。", IReadOnlyList<string?>? tags = null, IReadOnlyList<Guid>? customers = null, IReadOnlyList<Guid>? complaints = null) =>
        new(kind, title, story, lesson, tags ?? ["返修", "Paint"], customers ?? [], complaints ?? []);

    private static ServiceCase Draft(string author = "writer") => ServiceCase.Write(Content(), author, Sales, Now).Value!;

    private static string[] Fields(IEnumerable<Error> errors) => [.. errors.Select(e => e.Field ?? "").Order(StringComparer.Ordinal)];

    [Fact]
    public void SVC7_a_written_case_is_a_draft_of_its_author_in_their_department_with_its_text_folded_for_search()
    {
        var written = ServiceCase.Write(Content(title: "  ＶＩＰ 客户的钣金返修 ", tags: [" 返修 ", "Paint"]), "writer", Sales, Now).Value!;
        Assert.Equal(CaseStatus.Draft, written.Status);
        Assert.Equal(("writer", Sales, "writer", Now), (written.AuthorId, written.DepartmentId, written.UpdatedById, written.UpdatedAt));
        Assert.Equal("ＶＩＰ 客户的钣金返修", written.Title);
        Assert.Equal(["返修", "Paint"], written.Tags);
        Assert.Contains("vip 客户的钣金返修", written.SearchText, StringComparison.Ordinal);
        Assert.Contains("\npaint", written.SearchText, StringComparison.Ordinal);
        Assert.Null(written.PublishedAt);
    }

    [Fact]
    public void SVC7_each_broken_rule_is_reported_on_its_field_and_changes_nothing()
    {
        var draft = Draft();
        var before = (draft.Title, draft.Version);
        var changed = draft.Change(Content(kind: null, title: new string('标', ServiceCase.MaxTitleLength + 1), story: " ", lesson: new string('训', ServiceCase.MaxLessonLength + 1),
            tags: ["返修", null, "返修", new string('长', ServiceCase.MaxTagLength + 1), "", "a", "b", "c", "d", "e", "f"],
            customers: [Guid.Empty, .. Enumerable.Range(0, ServiceCase.MaxCustomers).Select(_ => Guid.NewGuid())],
            complaints: [.. Enumerable.Repeat(Guid.Parse("0192f0c4-0000-7000-8000-000000000001"), 2)]), "writer", Now.AddHours(1));
        Assert.False(changed.Succeeded);
        Assert.Equal(["complaintIds[1]", "customerIds", "customerIds[0]", "kind", "lesson", "story", "tags", "tags[1]", "tags[2]", "tags[3]", "tags[4]", "title"], Fields(changed.Errors));
        Assert.Equal(CaseErrors.DuplicateTag.Code, changed.Errors.Single(e => e.Field == "tags[2]").Code);
        Assert.Equal(before, (draft.Title, draft.Version));
    }

    [Fact]
    public void SVC7_the_longest_case_allowed_is_accepted_and_tags_differing_only_in_case_are_duplicates()
    {
        var longest = Content(title: new string('标', ServiceCase.MaxTitleLength), story: new string('事', ServiceCase.MaxStoryLength), lesson: new string('训', ServiceCase.MaxLessonLength),
            tags: [.. Enumerable.Range(0, ServiceCase.MaxTags).Select(i => $"标签{i}")], customers: [.. Enumerable.Range(0, ServiceCase.MaxCustomers).Select(_ => Guid.NewGuid())]);
        Assert.Empty(ServiceCase.Check(longest));
        Assert.Equal(["tags[1]"], Fields(ServiceCase.Check(Content(tags: ["Paint", "PAINT"]))));
    }

    [Fact]
    public void SVC7_publishing_records_who_and_when_and_a_second_publish_is_a_conflict()
    {
        var draft = Draft();
        var version = draft.Version;
        Assert.True(draft.Publish("cs.manager", Now.AddDays(1)).Succeeded);
        Assert.Equal((CaseStatus.Published, "cs.manager", Now.AddDays(1)), (draft.Status, draft.PublishedById, draft.PublishedAt));
        Assert.NotEqual(version, draft.Version);
        Assert.Equal(ErrorKind.Conflict, draft.Publish("cs.manager", Now.AddDays(2)).Kind);
        Assert.Equal(Now.AddDays(1), draft.PublishedAt);
    }

    [Fact]
    public void SVC7_a_correction_of_a_published_case_keeps_it_published_with_a_new_version()
    {
        var published = Draft();
        published.Publish("cs.manager", Now);
        var version = published.Version;
        Assert.True(published.Change(Content(lesson: "返修前先确认色号，并请客户验车签字。"), "cs.manager", Now.AddDays(3)).Succeeded);
        Assert.Equal((CaseStatus.Published, "cs.manager"), (published.Status, published.UpdatedById));
        Assert.NotEqual(version, published.Version);
    }

    [Theory]
    [InlineData(Role.Administrator)]
    [InlineData(Role.GeneralManager)]
    [InlineData(Role.CustomerServiceManager)]
    [InlineData(Role.CallbackSpecialist)]
    [InlineData(Role.SalesConsultant)]
    [InlineData(Role.ServiceAdvisor)]
    [InlineData(Role.Administration)]
    public void SVC7_anyone_on_the_staff_writes_a_case(Role role) => Assert.True(CaseAccess.CanWrite(As(role, "someone")));

    [Fact]
    public void SVC7_an_account_without_a_role_writes_none() =>
        Assert.False(CaseAccess.CanWrite(new Viewer("nobody", Sales, new HashSet<Role>())));

    [Theory]
    [InlineData(Role.SalesConsultant)]
    [InlineData(Role.DepartmentManager)]
    [InlineData(Role.DutyManager)]
    [InlineData(Role.GeneralManager)]
    [InlineData(Role.ExecutiveVp)]
    [InlineData(Role.Administrator)]
    public void SVC7_a_draft_is_hidden_from_everyone_but_its_author_and_the_customer_service_manager(Role role)
    {
        var draft = Draft("writer");
        Assert.False(CaseAccess.CanSee(As(role, "other"), draft));
        Assert.False(CaseAccess.CanEdit(As(role, "other"), draft));
        Assert.True(CaseAccess.CanSee(As(Role.SalesConsultant, "writer"), draft));
        Assert.True(CaseAccess.CanSee(As(Role.CustomerServiceManager, "manager", CustomerService), draft));
    }

    [Fact]
    public void SVC7_a_published_case_is_read_by_all_staff_and_corrected_only_by_the_customer_service_manager()
    {
        var published = Draft("writer");
        published.Publish("manager", Now);
        foreach (var role in Roles.All)
            Assert.True(CaseAccess.CanSee(As(role, "other"), published), role.ToString());
        Assert.False(CaseAccess.CanEdit(As(Role.SalesConsultant, "writer"), published));
        Assert.False(CaseAccess.CanEdit(As(Role.DepartmentManager, "other"), published));
        Assert.True(CaseAccess.CanEdit(As(Role.CustomerServiceManager, "manager", CustomerService), published));
    }

    [Fact]
    public void SVC7_the_author_edits_their_draft_and_the_customer_service_manager_any()
    {
        var draft = Draft("writer");
        Assert.True(CaseAccess.CanEdit(As(Role.SalesConsultant, "writer"), draft));
        Assert.True(CaseAccess.CanEdit(As(Role.CustomerServiceManager, "manager", CustomerService), draft));
    }

    [Theory]
    [InlineData(Role.SalesConsultant, false)]
    [InlineData(Role.DepartmentManager, false)]
    [InlineData(Role.DutyManager, false)]
    [InlineData(Role.CallbackSpecialist, false)]
    [InlineData(Role.ExecutiveVp, false)]
    [InlineData(Role.GeneralManager, false)]
    [InlineData(Role.Administrator, false)]
    [InlineData(Role.CustomerServiceManager, true)]
    public void SVC7_only_the_customer_service_manager_publishes(Role role, bool publishes) =>
        Assert.Equal(publishes, CaseAccess.CanPublish(As(role, "writer")));

    [Fact]
    public void SVC7_only_the_customer_service_manager_reads_a_cases_history_on_the_case() =>
        Assert.Equal([Role.CustomerServiceManager], Roles.All.Where(r => CaseAccess.ReadsHistory(As(r, "writer"))));

    [Theory]
    [InlineData("王小明", "王**")]
    [InlineData("常州琥珀光学有限公司", "常**")]
    [InlineData("  Li Wei", "L**")]
    [InlineData("", "****")]
    [InlineData(null, "****")]
    public void ARC_9_a_name_out_of_sight_keeps_its_first_character(string? name, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Name(name));
}
