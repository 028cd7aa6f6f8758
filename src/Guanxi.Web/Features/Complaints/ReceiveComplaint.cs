using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Complaints;

/// <summary>
/// SVC-2, SVC-11: a complaint or inquiry received on any channel, classified and assessed. The customer must be in the
/// caller's sight (else 404, as a missing one); a named order must be that customer's and in sight (else 400), and gives
/// the complaint its department and the member of staff concerned. Its times come from the customer's tier today and the
/// severity, counted on the enterprise's working calendar from now.
/// </summary>
public sealed class ReceiveComplaint(GuanxiDbContext db, ComplaintDesk desk, TimeProvider time)
{
    public async Task<Result<ReceivedComplaint>> Handle(ComplaintBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await desk.Caller(cancellationToken) is not { } viewer)
            return Error.SignedOut;
        if (!ComplaintAccess.Records(viewer))
            return ComplaintErrors.NotRecorder;
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
        var categories = await desk.Categories(cancellationToken);
        var intake = new ComplaintIntake(body.CustomerId, order?.DepartmentId ?? customer?.DepartmentId ?? Guid.Empty, order?.StaffId, order is null ? null : body.OrderId,
            customer?.Tier ?? default, body.Channel ?? default, body.Category ?? "", body.Severity ?? default, body.Touchpoint ?? default, body.Summary ?? "", body.Details);
        errors.AddRange(Complaint.Validate(intake, categories));
        if (errors.Count > 0)
            return Result<ReceivedComplaint>.Fail(errors);

        var received = Complaint.Receive(intake, categories, await desk.Standard(intake.Tier, cancellationToken), await desk.Rules(cancellationToken),
            Actor.Staff(viewer.UserId), time.GetUtcNow());
        if (!received.Succeeded)
            return Result<ReceivedComplaint>.Fail(received.Errors);
        var complaint = received.Value!;
        db.Add(complaint);
        db.AddRange(complaint.TakeNewSteps());
        await db.SaveChangesAsync(cancellationToken);
        return new ReceivedComplaint(complaint.Id, complaint.Status, complaint.Tier, desk.Local(complaint.ResponseDueAt), desk.Local(complaint.ResolutionDueAt));
    }
}
