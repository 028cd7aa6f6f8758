using System.Xml.Linq;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Orders;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Demo;
using Guanxi.Web.Features.Notifications;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Tests;

/// <summary>
/// Issue 22, the demo's oddities: what the generator makes, without a database — each organisation a name of its own, no
/// group named like a tier, service orders at a dealer's prices.
/// </summary>
public sealed class DemoGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid Sales = Guid.NewGuid(), Service = Guid.NewGuid();

    private static List<Customer> Customers(int count) =>
        [.. DemoCustomers.Generate(new Random(DemoEnterprise.Seed), ChineseNames.LoadShipped(), Divisions.LoadShipped(),
            [new DemoCustomers.Owner("owner-1", Sales), new DemoCustomers.Owner("owner-2", Service)], count, Now, Today)];

    [Theory]
    [InlineData(DemoCustomers.DefaultCount)]
    [InlineData(60_000)]   // a bench's scale: beyond the plain names, their branches
    public void Every_demo_organisation_has_a_name_of_its_own(int count)
    {
        var customers = Customers(count);
        var organisations = customers.Where(c => c.Type == CustomerType.Organization).Select(c => c.Name).ToList();
        Assert.True(organisations.Count > count / 20);
        Assert.Equal(organisations.Count, organisations.Distinct(StringComparer.Ordinal).Count());
        Assert.All(organisations, n => Assert.Matches("(公司|分公司)$", n));
        // The duplicates page still has its planted pairs: persons entered twice with the same mobile, never a firm.
        var planted = customers.GroupBy(c => c.Phones[0].Number).Where(g => g.Count() > 1).ToList();
        Assert.True(planted.Count >= count / 300 - 1);
        Assert.All(planted.SelectMany(g => g), c => Assert.Equal(CustomerType.Person, c.Type));
        Assert.Contains(customers, c => c.TradeCustomer);   // dealers among the firms, excluded from surveys (SAT-1)
    }

    [Fact]
    public void No_demo_group_is_named_like_a_tier()
    {
        var groups = DemoCustomers.Groups(new Random(1), [], "owner-1", Now).Groups.Select(g => g.Name).ToList();
        Assert.Equal(6, groups.Count);
        var tiers = Enum.GetValues<Tier>().SelectMany(t => new[] { t.Chinese(), t.English() })
            .Concat(TierResources("SharedResource.resx")).Concat(TierResources("SharedResource.en.resx")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("重要客户", tiers);
        Assert.DoesNotContain(groups, tiers.Contains);
    }

    [Fact]
    public void Demo_service_orders_cost_what_a_dealers_workshop_charges()
    {
        var customers = Customers(DemoCustomers.DefaultCount);
        var site = new DemoOrders.Site(Sales, ["consultant"], Service, ["advisor"]);
        var service = DemoOrders.Generate(new Random(DemoEnterprise.Seed), customers, _ => site, Today).Where(o => o.Kind == OrderKind.Service)
            .Select(o => (o.Items, Amount: o.Items.Sum(i => i.Amount), o.Payments)).ToList();
        Assert.True(service.Count > 1000);
        Assert.All(service, o =>
        {
            Assert.InRange(o.Amount, 300m, 50_000m);   // never ¥0: the first service's labour is free, its oil and filter are not
            Assert.All(o.Items, i => Assert.True(i.Amount > 0));
            Assert.Equal(o.Amount, o.Payments.Sum(p => p.Amount));
        });
        var amounts = service.Select(o => o.Amount).Order().ToList();
        Assert.InRange(amounts[amounts.Count / 2], 300m, 3_000m);   // most visits are maintenance
        Assert.InRange(amounts.Count(a => a > 3_000m), amounts.Count / 50, amounts.Count / 4);   // repairs cost more, now and then
        Assert.True(amounts.Distinct().Count() > 200);   // a spread, not a price list of eight
        Assert.All(service.Where(o => o.Items[0].Name.StartsWith("首次保养", StringComparison.Ordinal)), o => Assert.InRange(o.Amount, 300m, 800m));
    }

    private static IEnumerable<string> TierResources(string file)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Guanxi.slnx")))
            root = Path.GetDirectoryName(root)!;
        return XDocument.Load(Path.Combine(root, "src", "Guanxi.Web", "Resources", file)).Root!.Elements("data")
            .Where(d => ((string)d.Attribute("name")!).StartsWith("Tier.", StringComparison.Ordinal) && Enum.TryParse<Tier>(((string)d.Attribute("name")!)[5..], out _))
            .Select(d => (string)d.Element("value")!);
    }
}

/// <summary>Issue 22, the demo as the first start seeds it, on both databases: the managers' inboxes.</summary>
public abstract class DemoSeedTests(GuanxiApp app)
{
    [Fact]
    public async Task The_demos_alerts_are_spread_over_its_history_in_working_hours_and_mostly_read()
    {
        app.EnsureAvailable();
        using var db = app.NewDbContext(out var scope);
        using var _ = scope;
        // What the demo wrote: before the moment it made its staff (other tests add alerts of their own, now).
        var seeded = (await db.Users.Select(u => u.CreatedAt).ToListAsync()).Min();
        var inbox = (await db.Set<Notification>().AsNoTracking().ToListAsync()).Where(n => n.At <= seeded).ToList();
        Assert.NotEmpty(inbox);
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, shanghai).DateTime);
        // Those of the seeding day itself may have come in just before it, whatever the hour.
        Assert.All(inbox.Where(n => Day(n.At) < Day(seeded)), n => Assert.InRange(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(n.At, shanghai).DateTime), new TimeOnly(8, 30), new TimeOnly(17, 30)));
        Assert.True(inbox.Select(n => n.At).Distinct().Count() > inbox.Count / 3);
        Assert.All(inbox.Where(n => n.At < seeded.AddDays(-4)), n => Assert.NotNull(n.ReadAt));
        Assert.DoesNotContain(inbox, n => n.Title.StartsWith("关注客户等级变化", StringComparison.Ordinal));   // the first grading is no news
        Assert.All(inbox, n => Assert.Contains("（最长 1 天）", n.Body));   // told the day after the instalment fell due
    }

    [Fact]
    public async Task The_demo_has_a_year_of_contacts_follow_ups_some_overdue_and_a_case_library()
    {
        app.EnsureAvailable();
        using var db = app.NewDbContext(out var scope);
        using var _ = scope;
        var seeded = (await db.Users.Select(u => u.CreatedAt).ToListAsync()).Min();   // the demo's customers, not those other tests add
        var customers = await db.Set<Customer>().CountAsync(c => c.Status == CustomerStatus.Active && c.CreatedAt < seeded);
        var contacted = await db.Set<Customer>().CountAsync(c => c.Status == CustomerStatus.Active && c.CreatedAt < seeded && c.LastContactAt != null);
        Assert.InRange(contacted, customers * 6 / 10, customers);
        var channels = await db.Set<Domain.Service.Contact>().Select(k => k.Channel).Distinct().CountAsync();
        Assert.True(channels >= 5, $"{channels} channels");
        var followUps = db.Set<Domain.Tasks.CustomerTask>().Where(t => t.Kind == Domain.Tasks.CustomerTaskKind.FollowUpCall || t.Kind == Domain.Tasks.CustomerTaskKind.FollowUpVisit);
        Assert.True(await followUps.AnyAsync(t => t.DoneAt != null && t.FollowUp != null && t.FollowUp.Opportunity));
        Assert.True(await followUps.AnyAsync(t => t.DoneAt == null && t.DueOn < Days.Today), "some follow-ups are overdue in their owners' lists");
        Assert.True(await followUps.AnyAsync(t => t.DoneAt == null && t.DueOn >= Days.Today), "the next ones are planned");
        var complaints = await db.Set<Domain.Complaints.Complaint>().AsNoTracking().Where(c => c.ReceivedAt < seeded).ToListAsync();
        Assert.True(complaints.Count >= 60, $"{complaints.Count} complaints");
        Assert.Contains(complaints, c => c.Status == Domain.Complaints.ComplaintStatus.Closed && c.ResolutionUsed <= c.ResolutionTarget);   // most on time
        Assert.Contains(complaints, c => c.ResolutionUsed > c.ResolutionTarget);                                                      // some late
        Assert.Contains(complaints, c => c.IsOpen);
        Assert.True(await db.Set<Domain.Complaints.ComplaintStep>().AnyAsync(s => s.Kind == Domain.Complaints.ComplaintStepKind.Escalated), "late ones escalated");
        var month = new DateOnly(Days.Today.Year, Days.Today.Month, 1).AddMonths(-1);
        var shanghai = Days.Shanghai;
        Assert.True(complaints.Count(c => c.Category == "repairQuality" && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.ReceivedAt, shanghai).DateTime) is var d
            && d >= month.AddDays(10) && d < month.AddDays(15)) >= 12, "last month's 维修质量 spike");
        var warnings = await db.Set<Domain.Service.CrisisWarning>().AsNoTracking().Where(w => w.RaisedAt < seeded).ToListAsync();
        var spiking = Assert.Single(warnings, w => w.Kind == Domain.Service.CrisisSeriesKind.Category && w.SeriesKey == "repairQuality" && w.Window == Domain.Service.SpikeWindow.Week);
        Assert.Equal(Domain.Service.CrisisStatus.Open, spiking.Status);
        Assert.False(string.IsNullOrWhiteSpace(spiking.Plan));
        Assert.True(spiking.Communications.Count >= 2);
        var cases = await db.Set<Domain.Service.ServiceCase>().ToListAsync();
        Assert.InRange(cases.Count, 10, 12);
        Assert.Contains(cases, c => c.Status == Domain.Service.CaseStatus.Draft);
        Assert.True(cases.Count(c => c.Status == Domain.Service.CaseStatus.Published) >= 8);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemoSeedTests_Sqlite(SqliteApp app) : DemoSeedTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DemoSeedTests_Postgres(PostgresApp app) : DemoSeedTests(app);
