using Guanxi.Domain.Calendar;
using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>Whom a task opened on request surveys: the customer, the department and member of staff it concerns, the day of the event.</summary>
public sealed record SurveyRequest(Guid CustomerId, Guid DepartmentId, string? StaffId, DateOnly EventOn);

/// <summary>
/// SAT-15/16 for SVC-2: a program task opened on request of a higher feature (a resolved complaint's satisfaction check),
/// not drawn — in the active program of the population (<see cref="SurveyProgram.OnRequest"/>), due on its
/// <see cref="SurveyProgram.WindowDays"/>-th working day, assigned to the callback specialist with the fewest open tasks as
/// the draws are. Staged only: the caller, which checked its own caller and record, saves it with its own change.
/// </summary>
public sealed class OpenSurveyOnRequest(GuanxiDbContext db, EnterpriseClock clock, TimeProvider time)
{
    public static readonly Error NoProgram = Error.Conflict("survey.no_program_on_request", "投诉回访调查方案未启用，请客服经理在「调查方案」中启用后再试。",
        "The survey program for complaint checks is switched off: the customer-service manager switches it on under Survey programs.");

    public async Task<Result<SurveyTask>> Handle(ProgramPopulation population, SurveyRequest request, WorkCalendar calendar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(calendar);
        var program = await db.Set<SurveyProgram>().AsNoTracking().Where(p => p.Population == population && p.Active)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (program is not { OnRequest: true })
            return NoProgram;
        var today = clock.Today;
        var task = SurveyTask.OnRequest(program, request.CustomerId, request.DepartmentId, request.StaffId, request.EventOn, program.WindowOnRequest(today, calendar.IsWorkday), time.GetUtcNow());
        await SurveyAssignment.Assign(db, [task], today, cancellationToken);
        db.Add(task);
        return task;
    }
}
