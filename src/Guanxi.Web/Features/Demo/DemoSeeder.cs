using System.Globalization;
using Guanxi.Web.Shared.Auth;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Credit;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Reviews;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static Guanxi.Web.Features.Demo.DemoOrders;

namespace Guanxi.Web.Features.Demo;

/// <summary>Seeds the demo dealership into an empty database (no staff yet), unless Demo:Seed is false.</summary>
public static class DemoSeeder
{
    public static async Task SeedDemoAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        if (!provider.GetRequiredService<IConfiguration>().GetValue("Demo:Seed", true))
            return;
        var db = provider.GetRequiredService<GuanxiDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
            return;

        var progress = DemoProgress.For(provider);
        var names = ChineseNames.LoadShipped();
        var demo = new DemoEnterprise(names);
        progress.Stage($"部门与员工（{demo.StaffMembers.Count} 人）", $"departments and staff ({demo.StaffMembers.Count})");
        var units = new Dictionary<string, Department>();
        foreach (var unit in DemoEnterprise.Units)
        {
            var department = Department.Create(unit.Name, unit.Kind, unit.ParentKey is null ? null : units[unit.ParentKey]).Value!;
            units[unit.Key] = department;
            db.Add(department);
        }

        // One hash for the one demo password: hashing 40 times would only slow the first start.
        var hasher = provider.GetRequiredService<IPasswordHasher<StaffUser>>();
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        string? hash = null;
        var owners = new List<DemoCustomers.Owner>();
        foreach (var member in demo.StaffMembers)
        {
            var user = new StaffUser
            {
                UserName = member.Email, NormalizedUserName = member.Email.ToUpperInvariant(),
                Email = member.Email, NormalizedEmail = member.Email.ToUpperInvariant(), EmailConfirmed = true,
                DisplayName = member.Name, DepartmentId = units[member.UnitKey].Id, CreatedAt = now,
                SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            user.PasswordHash = hash ??= hasher.HashPassword(user, DemoEnterprise.Password);
            db.Users.Add(user);
            foreach (var role in member.Roles)
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Name() });
            if (member.Roles.Any(r => r is Role.SalesConsultant or Role.ServiceAdvisor or Role.DepartmentManager))
                owners.Add(new DemoCustomers.Owner(user.Id, user.DepartmentId));
        }
        await db.SaveChangesAsync(cancellationToken);

        var clock = provider.GetRequiredService<Guanxi.Domain.Common.EnterpriseClock>();
        var count = provider.GetRequiredService<IConfiguration>().GetValue("Demo:Customers", DemoCustomers.DefaultCount);
        var customers = DemoCustomers.Generate(demo.Random, names, Customers.Divisions.LoadShipped(), owners, count, now, clock.Today).ToList();
        progress.Stage("客户", "customers");
        var saved = 0;
        foreach (var chunk in customers.Chunk(500))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress.Count("客户", "customers", saved += chunk.Length, customers.Count);
        }
        progress.Stage("客户分组", "customer groups");
        var (groups, members) = DemoCustomers.Groups(demo.Random, customers, owners[0].UserId, now);
        db.AddRange(groups);
        db.AddRange(members);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var ids = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        Site SiteOf(string salesUnit, string serviceUnit)
        {
            string[] Staff(string unit, Role role) => [.. demo.StaffMembers.Where(m => m.UnitKey == unit && m.Roles.Contains(role)).Select(m => ids[m.Email])];
            return new Site(units[salesUnit].Id, Staff(salesUnit, Role.SalesConsultant), units[serviceUnit].Id, Staff(serviceUnit, Role.ServiceAdvisor));
        }
        var (main, branch) = (SiteOf("sales", "service"), SiteOf("branch.sales", "branch.service"));
        var branchUnits = new[] { units["branch.sales"].Id, units["branch.service"].Id };
        var orders = DemoOrders.Generate(demo.Random, customers, department => branchUnits.Contains(department) ? branch : main, clock.Today);
        progress.Stage(string.Create(CultureInfo.InvariantCulture, $"订单 {orders.Count:N0} 张（两年的销售与售后）"), string.Create(CultureInfo.InvariantCulture, $"{orders.Count:N0} orders (two years of sales and service)"));
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await provider.GetRequiredService<Orders.OrderWriter>().Upsert(orders, "演示数据", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var seeding = Actor.System(ActorCause.Demo);
        progress.Stage("生命周期阶段", "lifecycle stages");
        await provider.GetRequiredService<Lifecycle.UpdateLifecycle>().Handle(seeding, cancellationToken: cancellationToken);
        progress.Stage("信用评定", "credit ratings");
        await provider.GetRequiredService<Credit.EvaluateCredit>().Handle(seeding, cancellationToken: cancellationToken);
        progress.Stage("流失原因与关怀回访", "churn reasons and care calls");
        await Aftercare(db, demo.Random, clock.Today, now, cancellationToken);
        progress.Stage("客户分级与二八分析", "tiers and the 80/20 report");
        await provider.GetRequiredService<Grading.RecomputeGrades>().Handle(seeding, cancellationToken: cancellationToken);   // tiers and reports from the first start
        progress.Stage("定期核查", "the periodic review");
        await provider.GetRequiredService<Reviews.OpenReviewCycle>().Handle(seeding, early: true, cancellationToken);
        progress.Stage("商品共购统计（个性化推荐）", "items bought together (recommendations)");
        await provider.GetRequiredService<Recommendations.KeepItemPairs>().Handle(cancellationToken);
        await KeyAccounts(db, demo.Random, clock.Today, now, cancellationToken);
        await DemoSurveys.Seed(provider, db, demo.Random, clock.Today, progress, cancellationToken);
        await DemoService.Seed(provider, db, demo.Random, clock.Today, progress, cancellationToken);
        await DemoComplaints.Seed(provider, db, demo.Random, clock.Today, progress, cancellationToken);
        await DemoImprovement.Seed(provider, db, new Random(240), clock.Today, progress, cancellationToken);   // its own draws: the inboxes after it stay as they were
        await DemoInspections.Seed(provider, db, new Random(248), clock.Today, progress, cancellationToken);   // its own draws too
        await DemoStock.Seed(provider, db, clock.Today, progress, cancellationToken);   // no draws
        await DemoMessaging.Seed(provider, db, new Random(252), clock.Today, progress, cancellationToken);   // its own draws
        progress.Stage("通知", "notifications");
        await Inbox(db, demo.Random, orders, clock, now, cancellationToken);
        progress.Done(customers.Count);
    }

    /// <summary>
    /// The inboxes as staff who have used Guanxi for two years find them (issue 22): the alert that a customer fell overdue
    /// is dated on the day after the instalment fell due, in working hours, and says what was overdue then; what came more
    /// than a few days ago has been read. The first grading's tier changes — every customer off the default tier at once,
    /// on this start — were never news to anyone, and are left out.
    /// </summary>
    private static async Task Inbox(GuanxiDbContext db, Random random, IReadOnlyList<OrderDetails> orders, EnterpriseClock clock, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var overdue = await (from r in db.Set<Credit.CustomerCredit>()
                             where r.OverdueSince != null
                             join c in db.Set<Customer>() on r.CustomerId equals c.Id
                             orderby c.Id
                             select new { c.Id, c.Name, c.OwnerId, c.DepartmentId, Since = r.OverdueSince!.Value }).ToListAsync(cancellationToken);
        var payments = orders.ToLookup(o => o.CustomerId, o => o.Payments);
        var alerts = (await db.Set<Notification>().AsNoTracking().Where(n => n.CustomerId != null).ToListAsync(cancellationToken))
            .OrderBy(n => n.UserId, StringComparer.Ordinal).ToLookup(n => (n.CustomerId, n.Title));
        var inbox = new List<Notification>();
        foreach (var customer in overdue)
        {
            var day = customer.Since.AddDays(1);
            var record = PaymentRecord.Of(payments[customer.Id].SelectMany(p => p), day);
            var alert = Credit.EvaluateCredit.Overdue(customer.Id, customer.Name, customer.OwnerId, customer.DepartmentId, record,
                CreditRating.Evaluate(CreditPolicy.Default, record, []).Level);
            var at = WorkingHours(random, day, clock.Zone);
            if (at > now)
                at = now.AddMinutes(-random.Next(1, 5));   // fell due yesterday, and today's working hours are still to come: just in
            foreach (var sent in alerts[(customer.Id, alert.Title)])
            {
                var read = at < now.AddDays(-4) || random.NextDouble() < 0.3 ? Min(at.AddMinutes(random.Next(5, 240)), now) : (DateTimeOffset?)null;
                inbox.Add(new Notification
                {
                    Id = sent.Id, UserId = sent.UserId, At = at, CustomerId = customer.Id, Title = alert.Title, TitleEn = alert.TitleEn, Body = alert.Body, BodyEn = alert.BodyEn,
                    Link = sent.Link, ReadAt = read,
                });
            }
        }
        await db.Set<Notification>().Where(n => n.CustomerId != null).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(inbox);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }

    /// <summary>A moment of a working day (08:30–17:30) in the enterprise's zone.</summary>
    private static DateTimeOffset WorkingHours(Random random, DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(8, 30)).AddMinutes(random.Next(9 * 60));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// The first review cycle under way (ARC-6): about a third of the reviews filed — VIP and important customers as 重要,
    /// a few as 特殊, the rest 一般 — and the relationships with the VIP accounts recorded (LIF-4).
    /// </summary>
    private static async Task KeyAccounts(GuanxiDbContext db, Random random, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reviews = await db.Set<CustomerReview>().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var customers = await db.Set<Customer>().Where(c => c.Status == CustomerStatus.Active).ToDictionaryAsync(c => c.Id, cancellationToken);
        var tasks = await db.Set<CustomerTask>().Where(t => t.Kind == CustomerTaskKind.Review).ToDictionaryAsync(t => t.Id, cancellationToken);
        string[] growth = ["新增两台车用于网约车运营，已推荐延保", "公司扩大车队，年内还有采购计划", "家里新添一台车，对服务满意"];
        string[] lost = ["已转到竞品 4S 店保养，价格是主因", "客户搬迁外地，联系不上", "车辆已出售，暂无购车计划"];
        foreach (var review in reviews.Where(_ => random.NextDouble() < 0.35))
        {
            var customer = customers[review.CustomerId];
            var category = customer.Tier is Tier.Vip or Tier.Important ? ReviewCategory.Important : random.NextDouble() < 0.1 ? ReviewCategory.Special : ReviewCategory.General;
            var note = review.Cause switch
            {
                ReviewCause.FastGrowth => growth[random.Next(growth.Length)],
                ReviewCause.Churned => lost[random.Next(lost.Length)],
                _ => null,
            };
            if (review.File(category, note).Succeeded && customer.File(category, today).Succeeded)
                tasks[review.Id].Complete(review.Outcome.Zh, tasks[review.Id].AssigneeId, now);
        }
        RelationshipStage[] stages = Enum.GetValues<RelationshipStage>();
        RelationshipType[] types = Enum.GetValues<RelationshipType>();
        RelationshipPhase[] phases = Enum.GetValues<RelationshipPhase>();
        foreach (var customer in customers.Values.Where(c => c.Tier == Tier.Vip).OrderBy(c => c.Id))
            customer.RecordRelationship(new KeyAccountRelationship(stages[random.Next(1, stages.Length)], types[random.Next(1, types.Length)], phases[random.Next(phases.Length)], null));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The owners' work so far: most lost customers have a recorded reason (LIF-3), care calls that fell due are made.</summary>
    private static async Task Aftercare(GuanxiDbContext db, Random random, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ChurnReason[] likely = [ChurnReason.Price, ChurnReason.Price, ChurnReason.Competitor, ChurnReason.Competitor, ChurnReason.Competitor, ChurnReason.Service,
            ChurnReason.Service, ChurnReason.Moved, ChurnReason.NoNeed, ChurnReason.Quality, ChurnReason.Business, ChurnReason.Unreachable];
        var churns = await db.Set<Lifecycle.StageChange>().Where(s => s.To == LifecycleStage.Churned).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var churned = churns.Select(s => s.CustomerId).Distinct().ToList();
        var owners = await db.Set<Customer>().Where(c => churned.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.OwnerId, cancellationToken);
        foreach (var churn in churns)
        {
            if (random.NextDouble() < 0.7)
                (churn.ChurnReason, churn.ChurnRecordedById) = (likely[random.Next(likely.Length)], owners[churn.CustomerId]);   // the owner records it
        }
        var due = today.AddDays(-2);
        foreach (var task in await db.Set<CustomerTask>().Where(t => t.Kind == CustomerTaskKind.CareCall && t.DueOn < due).OrderBy(t => t.Id).ToListAsync(cancellationToken))
            task.Complete("客户对交车满意，已介绍首保和会员权益", task.AssigneeId, now);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
