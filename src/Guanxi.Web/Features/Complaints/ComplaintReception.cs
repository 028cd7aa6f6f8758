using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// SVC-2: the one way a complaint is received, whether it comes by <c>POST /api/complaints</c> (<see cref="ReceiveComplaint"/>)
/// or by a file (<see cref="RunComplaintImport"/>). The customer must be in the caller's sight (else
/// <see cref="ComplaintErrors.CustomerUnknown"/>, a not-found, as a missing one, before anything else is said about it); a
/// named order must be that customer's and in sight (else a 400 on <c>orderId</c>), and gives the complaint its department
/// and the member of staff concerned; the intake's rules are the entity's. Its times are the customer's tier's service
/// standard and the severity, counted on the enterprise's working calendar from the time it was received. Not saved: the
/// caller adds the complaint and its steps. The rules, categories and standards are read once per scope (an import's rows).
/// </summary>
public sealed class ComplaintReception(GuanxiDbContext db, ComplaintDesk desk)
{
    private IReadOnlyList<ComplaintCategory>? categories;
    private SlaRules? rules;
    private readonly Dictionary<Tier, ServiceStandard> standards = [];

    public async Task<IReadOnlyList<ComplaintCategory>> Categories(CancellationToken cancellationToken) => categories ??= await desk.Categories(cancellationToken);

    /// <summary>The complaint as received at <paramref name="at"/> by <paramref name="by"/>, or every reason it is not.</summary>
    public async Task<Result<Complaint>> Receive(Viewer viewer, ComplaintBody body, Actor by, DateTimeOffset at, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(body);
        var errors = new List<Error>();
        if (body.CustomerId == Guid.Empty)
            errors.Add(ComplaintErrors.CustomerRequired);
        if (body.Channel is null)
            errors.Add(ComplaintErrors.ChannelRequired);
        if (body.Severity is null)
            errors.Add(ComplaintErrors.SeverityRequired);
        if (body.Touchpoint is null)
            errors.Add(ComplaintErrors.TouchpointRequired);
        var customer = body.CustomerId == Guid.Empty ? null : await db.Set<Customer>().AsNoTracking()
            .Where(c => c.Id == body.CustomerId && c.Status != CustomerStatus.Merged && c.Status != CustomerStatus.Erased)
            .Select(c => new { c.Id, c.DepartmentId, c.Tier }).SingleOrDefaultAsync(cancellationToken);
        if (body.CustomerId != Guid.Empty && (customer is null || !CustomerAccess.CanSee(viewer, customer.DepartmentId)))
            return ComplaintErrors.CustomerUnknown;   // out of sight is answered as missing, before anything else is said about it
        var order = body.OrderId is { } orderId && customer is not null
            ? await db.Set<Order>().AsNoTracking().Where(o => o.Id == orderId).Select(o => new { o.CustomerId, o.DepartmentId, o.StaffId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (body.OrderId is not null && (order is null || order.CustomerId != customer?.Id || !OrderAccess.CanSee(viewer, order.DepartmentId, customer.DepartmentId)))
            errors.Add(ComplaintErrors.OrderUnknown);
        var tree = await Categories(cancellationToken);
        var intake = new ComplaintIntake(body.CustomerId, order?.DepartmentId ?? customer?.DepartmentId ?? Guid.Empty, order?.StaffId, order is null ? null : body.OrderId,
            customer?.Tier ?? default, body.Channel ?? default, body.Category ?? "", body.Severity ?? default, body.Touchpoint ?? default, body.Summary ?? "", body.Details);
        errors.AddRange(Complaint.Validate(intake, tree));
        if (errors.Count > 0)
            return Result<Complaint>.Fail(errors);
        rules ??= await desk.Rules(cancellationToken);
        if (!standards.TryGetValue(intake.Tier, out var standard))
            standards[intake.Tier] = standard = await desk.Standard(intake.Tier, cancellationToken);
        return Complaint.Receive(intake, tree, standard, rules, by, at, note);
    }
}
