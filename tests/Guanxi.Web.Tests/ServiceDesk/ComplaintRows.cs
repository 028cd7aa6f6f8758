using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Service;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.ServiceDesk;

/// <summary>Complaints made as the desk makes them, received at any instant, for tests that write them straight into the database.</summary>
public static class ComplaintRows
{
    public static readonly SlaRules Sla = new(new WorkCalendar(WorkCalendar.DefaultWorkdays, WorkCalendar.DefaultPeriods, [], [], Shanghai), ComplaintPolicy.Default);

    public static Complaint Received(Guid customer, Guid department, string category, DateTimeOffset at, ComplaintSeverity severity = ComplaintSeverity.Medium,
        Touchpoint touchpoint = Touchpoint.AfterSale, ContactChannel channel = ContactChannel.Phone, Tier tier = Tier.Ordinary)
    {
        var made = Complaint.Receive(new ComplaintIntake(customer, department, null, null, tier, channel, category, severity, touchpoint, "测试投诉", null),
            ComplaintCategory.Defaults, ServiceStandard.Defaults.Single(s => s.Tier == tier), Sla, Actor.System(), at);
        Assert.True(made.Succeeded);
        return made.Value!;
    }
}
