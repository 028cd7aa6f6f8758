using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

public sealed record ProgramRun(Guid ProgramId, string Name, string Period, int Population, int Created);

/// <summary>
/// SAT-15/16: once in each of its periods, every active program draws its sample from its population — active customers,
/// never trade customers, nor one the program already has an open task for — and opens a task per customer drawn, shared
/// among the callback specialists. Run by the daily survey job (<see cref="Handle"/>); a program's first day in a period is
/// the day it draws. The customer-service manager and administrators may draw now (<see cref="Now"/>).
/// </summary>
public sealed class RunSurveyPrograms(GuanxiDbContext db, TimeProvider time, Random random, Customers.CustomerViewers viewers, EnterpriseClock clock)
{
    private sealed record Member(Guid CustomerId, Guid? OrderId, Guid DepartmentId, string? StaffId, DateOnly On);

    /// <summary>A person draws now, as the daily job does, every active program that has not drawn the period of <paramref name="day"/> (default today).</summary>
    public async Task<Result<IReadOnlyList<ProgramRun>>> Now(DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.Generates(viewer))
            return SurveyErrors.GenerateNotAllowed;
        return Result<IReadOnlyList<ProgramRun>>.Ok(await Handle(day ?? clock.Today, cancellationToken: cancellationToken));
    }

    /// <summary>The daily job's draws (of one program when <paramref name="only"/> is given): no caller to check.</summary>
    public async Task<IReadOnlyList<ProgramRun>> Handle(DateOnly day, Guid? only = null, CancellationToken cancellationToken = default)
    {
        var runs = new List<ProgramRun>();
        var programs = await db.Set<SurveyProgram>().Where(p => p.Active && (only == null || p.Id == only)).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        foreach (var program in programs.Where(p => p.DueOn(day)))
        {
            var population = await Population(program, day, cancellationToken);
            var drawn = program.Draw(population, day, random);
            var now = time.GetUtcNow();
            var tasks = drawn.Select(m => SurveyTask.ForProgram(program, m.CustomerId, m.OrderId, m.DepartmentId, m.StaffId, m.On, day, null, now)).ToList();
            await SurveyAssignment.Assign(db, tasks, day, cancellationToken);
            db.AddRange(tasks);
            await db.SaveChangesAsync(cancellationToken);
            runs.Add(new ProgramRun(program.Id, program.Name, SurveyProgram.PeriodOf(program.Cadence, day).Key, population.Count, tasks.Count));
        }
        return runs;
    }

    private async Task<List<Member>> Population(SurveyProgram program, DateOnly day, CancellationToken cancellationToken)
    {
        var customers = db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active && !c.TradeCustomer
            && !db.Set<SurveyTask>().Any(t => t.ProgramId == program.Id && t.CustomerId == c.Id && t.Outcome == SurveyOutcome.Pending));
        var (since, until) = program.EventsBefore(day);
        if (program.Population == ProgramPopulation.ClosedRepairJobs)
        {
            // The customer's last job closed in the period: one call per customer, about that job.
            var jobs = await (from o in db.Set<Order>().AsNoTracking()
                              join c in customers on o.CustomerId equals c.Id
                              where o.Kind == OrderKind.Service && o.Amount >= 0 && o.DeliveredAt >= since && o.DeliveredAt <= until
                              select new Member(c.Id, o.Id, o.DepartmentId, o.StaffId, o.DeliveredAt!.Value)).ToListAsync(cancellationToken);
            return [.. jobs.GroupBy(j => j.CustomerId).Select(g => g.OrderByDescending(j => j.On).ThenBy(j => j.OrderId).First()).OrderBy(m => m.CustomerId)];
        }
        customers = program.Population switch
        {
            ProgramPopulation.Households => customers.Where(c => c.Type == CustomerType.Person),
            ProgramPopulation.ChurnedCustomers => customers.Where(c => c.Stage == LifecycleStage.Churned && c.StageSince >= since && c.StageSince <= until),
            ProgramPopulation.KeyCustomers => customers.Where(c => c.Tier == Tier.Vip || c.Tier == Tier.Important),
            _ => customers,
        };
        return await customers.OrderBy(c => c.Id).Select(c => new Member(c.Id, null, c.DepartmentId, c.OwnerId, c.StageSince ?? day)).ToListAsync(cancellationToken);
    }
}
