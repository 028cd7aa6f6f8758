using Guanxi.Domain.Accounts;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;

namespace Guanxi.Domain.Tests;

/// <summary>SAT-6, SAT-8, SAT-10: who runs, sees and changes the surveys, stated once over the caller.</summary>
public sealed class SurveyAccessTests
{
    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly Guid Service = Guid.NewGuid();
    private static readonly Guid CustomerService = Guid.NewGuid();

    private static Viewer As(Role role, Guid department, string id = "viewer") => new(id, department, new HashSet<Role> { role });

    [Theory]
    [InlineData(Role.CallbackSpecialist, true, true, false)]
    [InlineData(Role.CustomerServiceManager, true, true, true)]
    [InlineData(Role.GeneralManager, false, true, false)]
    [InlineData(Role.Administrator, false, false, true)]
    [InlineData(Role.SalesConsultant, false, false, false)]
    [InlineData(Role.DepartmentManager, false, false, false)]
    public void SAT_6_customer_service_runs_the_surveys_leadership_reads_the_lists_and_the_cs_manager_and_administrators_generate(Role role, bool runs, bool sees, bool generates)
    {
        var viewer = As(role, CustomerService);
        Assert.Equal((runs, sees, generates), (SurveyAccess.RunsSurveys(viewer), SurveyAccess.SeesTasks(viewer), SurveyAccess.Generates(viewer)));
    }

    [Fact]
    public void SAT_6_a_department_manager_opens_their_department_s_call_sheets_and_reads_the_answers_once_published()
    {
        var manager = As(Role.DepartmentManager, Sales);
        Assert.True(SurveyAccess.OpensCallSheets(manager));
        Assert.True(SurveyAccess.OpensCallSheet(manager, Sales));
        Assert.False(SurveyAccess.OpensCallSheet(manager, Service));
        Assert.False(SurveyAccess.ReadsAnswers(manager, published: false));
        Assert.True(SurveyAccess.ReadsAnswers(manager, published: true));
        Assert.True(SurveyAccess.ReadsAnswers(As(Role.CallbackSpecialist, CustomerService), published: false));
        Assert.False(SurveyAccess.OpensCallSheets(As(Role.SalesConsultant, Sales)));
    }

    [Fact]
    public void SAT_8_the_requesting_department_s_manager_the_cs_manager_and_the_vp_agree_to_a_change()
    {
        Assert.Equal([ChangeParty.Department], SurveyAccess.PartiesOf(As(Role.DepartmentManager, Service), Service));
        Assert.Empty(SurveyAccess.PartiesOf(As(Role.DepartmentManager, Sales), Service));
        Assert.Equal([ChangeParty.Department, ChangeParty.CustomerService], SurveyAccess.PartiesOf(As(Role.CustomerServiceManager, CustomerService), CustomerService));
        Assert.Equal([ChangeParty.CustomerService], SurveyAccess.PartiesOf(As(Role.CustomerServiceManager, CustomerService), Service));
        Assert.Equal([ChangeParty.ExecutiveVp], SurveyAccess.PartiesOf(As(Role.ExecutiveVp, Sales), Service));
        Assert.Empty(SurveyAccess.PartiesOf(As(Role.SalesConsultant, Service), Service));
    }

    [Fact]
    public void SAT_10_12_a_member_of_staff_reads_only_their_own_personal_score_once_the_month_is_published()
    {
        var consultant = As(Role.SalesConsultant, Sales, "me");
        Assert.Null(SurveyAccess.Sight(consultant, ReportKind.Personal, published: false, "me"));
        Assert.Equal(new ReportSight(Sales, false), SurveyAccess.Sight(consultant, ReportKind.Personal, published: true, "me"));
        Assert.Null(SurveyAccess.Sight(consultant, ReportKind.Personal, published: true, "someone else"));
        Assert.Null(SurveyAccess.Sight(consultant, ReportKind.Monthly, published: true, null));
        Assert.Null(SurveyAccess.Sight(As(Role.DepartmentManager, Sales), ReportKind.Monthly, published: false, null));
        Assert.Equal(new ReportSight(Sales, true), SurveyAccess.Sight(As(Role.DepartmentManager, Sales), ReportKind.Monthly, published: true, null));
        Assert.Equal(new ReportSight(null, false), SurveyAccess.Sight(As(Role.GeneralManager, Sales), ReportKind.Monthly, published: false, null));
        Assert.Equal(new ReportSight(null, true), SurveyAccess.Sight(As(Role.DutyManager, CustomerService), ReportKind.Weekly, published: false, null));
    }
}
