using Guanxi.Domain.Service;

namespace Guanxi.Web.Features.Contacts;

/// <summary>
/// A contact as recorded (SVC-1, SVC-11): <see cref="Staff"/> names who had it as today; <see cref="StaffId"/> is their id;
/// <see cref="DepartmentId"/> the customer's department when it was recorded.
/// </summary>
public sealed record ContactRecordView(
    Guid Id, Guid CustomerId, string CustomerName, ContactChannel Channel, ContactDirection Direction, DateTimeOffset At, string Summary, string? Outcome,
    Touchpoint Touchpoint, string StaffId, string Staff, Guid DepartmentId, DateTimeOffset CreatedAt, Guid Version);
