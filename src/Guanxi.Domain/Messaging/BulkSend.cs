using Guanxi.Domain.Common;

namespace Guanxi.Domain.Messaging;

/// <summary>
/// A bulk send (SVC-5): one template to the customers a filter chose, written into the outbox at once — how many were
/// queued, how many suppressed and why. What became of them (sent, delivered, failed, opted out after) is read from the outbox.
/// </summary>
public sealed class BulkSend
{
    private BulkSend()
    {
    }

    public Guid Id { get; private set; }
    public Channel Channel { get; private set; }
    public MessageKind Kind { get; private set; }
    public Guid TemplateId { get; private set; }

    /// <summary>The filter as it was given (JSON), to show what was chosen.</summary>
    public string Filter { get; private set; } = "{}";
    public DateTimeOffset SendAt { get; private set; }
    public int Recipients { get; private set; }
    public Dictionary<SuppressionReason, int> Suppressed { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public string ById { get; private set; } = Actor.SystemId;

    /// <summary>The department the sender could reach (null: every department).</summary>
    public Guid? DepartmentId { get; private set; }

    public static BulkSend Start(Guid id, Channel channel, MessageKind kind, Guid templateId, string filter, DateTimeOffset sendAt, Guid? departmentId, string byId, DateTimeOffset now) =>
        new() { Id = id, Channel = channel, Kind = kind, TemplateId = templateId, Filter = filter, SendAt = sendAt, DepartmentId = departmentId, ById = byId, CreatedAt = now };

    public void Counted(int recipients, IReadOnlyDictionary<SuppressionReason, int> suppressed) => (Recipients, Suppressed) = (recipients, new(suppressed));
}
