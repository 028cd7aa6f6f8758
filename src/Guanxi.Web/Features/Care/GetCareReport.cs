using System.Text.Json;
using Guanxi.Domain.Care;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Messaging;
using Guanxi.Domain.Tasks;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Care;

/// <summary>
/// One occasion and channel of the care report: the messages the plans wrote for the period, those suppressed (by reason), still
/// waiting, accepted by the provider (sent, including delivered), delivered and failed; the customers messaged, those of them
/// who withdrew their marketing consent on the channel in the period, that rate, and their replies the ledger kept (SMS 退订).
/// </summary>
public sealed record CareReportRow(Occasion Occasion, string OccasionName, Channel Channel, int Written, IReadOnlyDictionary<string, int> Suppressed, int Queued,
    int Sent, int Delivered, int Failed, int Messaged, int OptedOut, double? OptOutRate, int Replies);

/// <summary>The VIPs' birthday calls the plans asked of owners in the period: opened, done on or after the birthday, done at all, and the share called.</summary>
public sealed record VipBirthdayCalls(int Opened, int Called, int Done, double? Share);

public sealed record CareReport(DateOnly From, DateOnly To, IReadOnlyList<CareReportRow> Rows, VipBirthdayCalls VipBirthdayCalls);

/// <summary>
/// Issue 25 item 10: the care report — per occasion and channel what the care plans wrote for a period (by the day planned) and
/// how it fared, the opt-out rate, replies, and the share of VIPs called on their birthday. Whoever oversees customers: department
/// managers their department's customers, customer service and leadership everyone's.
/// </summary>
public sealed class GetCareReport(GuanxiDbContext db, CustomerViewers viewers, EnterpriseClock clock)
{
    public static readonly Error NotAllowed = Error.Forbidden("care.report_not_allowed", "只有管理者和客服可以查看关怀报表。", "Only those who oversee customers read the care report.");
    public static readonly Error BadPeriod = new("care.period", "开始日期不能晚于结束日期，期间不超过 366 天。", "The period starts after it ends or is longer than 366 days.", "to");

    public async Task<Result<CareReport>> Handle(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!CustomerAccess.Oversees(viewer))
            return NotAllowed;
        var today = clock.Today;
        var (first, last) = (from ?? new DateOnly(today.Year, today.Month, 1), to ?? today);
        if (first > last || last.DayNumber - first.DayNumber > 366)
            return BadPeriod;
        var department = CustomerAccess.ListedDepartment(viewer);
        var (start, end) = (clock.StartOf(first).ToUniversalTime(), clock.StartOf(last.AddDays(1)).ToUniversalTime());

        var messages =
            from m in db.Set<OutboxMessage>()
            where m.CarePlanId != null && m.PlannedAt >= start && m.PlannedAt < end
            join p in db.Set<CarePlan>() on m.CarePlanId equals p.Id
            join c in db.Set<Customer>() on m.CustomerId equals c.Id
            where department == null || c.DepartmentId == department
            select new { p.Occasion, m.Channel, m.Status, m.Reason, m.CustomerId };
        var counts = await messages.GroupBy(m => new { m.Occasion, m.Channel, m.Status, m.Reason })
            .Select(g => new { g.Key.Occasion, g.Key.Channel, g.Key.Status, g.Key.Reason, Count = g.Count() }).ToListAsync(cancellationToken);
        var reached = messages.Where(m => m.Status != MessageStatus.Suppressed);
        var messaged = await reached.GroupBy(m => new { m.Occasion, m.Channel })
            .Select(g => new { g.Key.Occasion, g.Key.Channel, Count = g.Select(m => m.CustomerId).Distinct().Count() }).ToListAsync(cancellationToken);
        var changes = db.Set<ConsentChange>().Where(k => k.Kind == MessageKind.Marketing && k.At >= start && k.At < end);
        var optedOut = await reached.Where(m => changes.Any(k => k.CustomerId == m.CustomerId && k.Channel == m.Channel && k.State == ConsentState.Withdrawn))
            .GroupBy(m => new { m.Occasion, m.Channel })
            .Select(g => new { g.Key.Occasion, g.Key.Channel, Count = g.Select(m => m.CustomerId).Distinct().Count() }).ToListAsync(cancellationToken);
        var replies = await reached.Where(m => changes.Any(k => k.CustomerId == m.CustomerId && k.Channel == m.Channel && k.Source == ConsentSource.Reply))
            .GroupBy(m => new { m.Occasion, m.Channel })
            .Select(g => new { g.Key.Occasion, g.Key.Channel, Count = g.Select(m => m.CustomerId).Distinct().Count() }).ToListAsync(cancellationToken);

        var rows = counts.GroupBy(c => (c.Occasion, c.Channel)).OrderBy(g => g.Key.Occasion).ThenBy(g => g.Key.Channel).Select(g =>
        {
            int Of(params MessageStatus[] statuses) => g.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);
            var people = messaged.SingleOrDefault(m => m.Occasion == g.Key.Occasion && m.Channel == g.Key.Channel)?.Count ?? 0;
            var out_ = optedOut.SingleOrDefault(m => m.Occasion == g.Key.Occasion && m.Channel == g.Key.Channel)?.Count ?? 0;
            return new CareReportRow(g.Key.Occasion, g.Key.Occasion.Chinese(), g.Key.Channel, g.Sum(c => c.Count),
                g.Where(c => c.Reason is not null).GroupBy(c => c.Reason!.Value).OrderBy(r => r.Key)
                    .ToDictionary(r => JsonNamingPolicy.CamelCase.ConvertName(r.Key.ToString()), r => r.Sum(c => c.Count)),
                Of(MessageStatus.Queued, MessageStatus.Sending), Of(MessageStatus.Sent, MessageStatus.Delivered), Of(MessageStatus.Delivered), Of(MessageStatus.Failed),
                people, out_, CareDays.Share(out_, people),
                replies.SingleOrDefault(m => m.Occasion == g.Key.Occasion && m.Channel == g.Key.Channel)?.Count ?? 0);
        }).ToList();

        var calls = await (
                from k in db.Set<CareCall>()
                where k.Occasion == Occasion.Birthday && k.Tier == Tier.Vip && k.Day >= first && k.Day <= last
                join t in db.Set<CustomerTask>() on k.TaskId equals t.Id
                where department == null || t.DepartmentId == department
                select new { k.Day, t.DoneAt })
            .ToListAsync(cancellationToken);
        var called = calls.Count(c => c.DoneAt is { } done && DateOnly.FromDateTime(clock.ToLocal(done).DateTime) >= c.Day);
        var vip = new VipBirthdayCalls(calls.Count, called, calls.Count(c => c.DoneAt is not null), CareDays.Share(called, calls.Count));
        return new CareReport(first, last, rows, vip);
    }
}
