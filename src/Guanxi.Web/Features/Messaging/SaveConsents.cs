using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;

namespace Guanxi.Web.Features.Messaging;

/// <summary>A consent the customer gave or took back: channel, kind, state, source (default staff: on the customer's word), when (default now) and evidence.</summary>
public sealed record ConsentBody(Channel Channel, MessageKind Kind, ConsentState State, ConsentSource? Source = null, DateTimeOffset? At = null, string? Evidence = null);

/// <summary>
/// SEC-1: records a customer's consents — by whoever keeps the customer's record (the owner, the department's manager,
/// the customer-service manager). Each changed one is a change in the history; one already so changes nothing. A
/// channel and kind named twice, a time in the future, or evidence over 500 characters is refused and nothing is saved.
/// </summary>
public sealed class SaveConsents(GuanxiDbContext db, CustomerViewers viewers, ConsentLedger ledger, GetConsents get, TimeProvider time)
{
    public static readonly Error Twice = new("consent.twice", "同一渠道和类型只能填写一次。", "Each channel and kind may appear once.", "consents");
    public static readonly Error Future = new("consent.future", "同意时间不能晚于现在。", "The time cannot be in the future.", "at");
    public static readonly Error EvidenceTooLong = new("consent.evidence_too_long", "凭证说明不能超过 500 字。", "The evidence cannot exceed 500 characters.", "evidence");
    public static readonly Error Missing = new("consent.missing", "同意记录不能为空。", "A consent cannot be null.", "consents");
    public static readonly Error Empty = new("consent.empty", "请至少填写一项同意记录。", "Give at least one consent.", "consents");

    public async Task<Result<IReadOnlyList<ConsentView>>> Handle(Guid customerId, IReadOnlyList<ConsentBody> body, CancellationToken cancellationToken = default)
    {
        if (await viewers.WithCustomer(customerId, cancellationToken) is not { } inSight)
            return CustomerWebErrors.NotFound;
        if (!CustomerAccess.CanEdit(inSight.Viewer, inSight.Customer.OwnerId, inSight.Customer.DepartmentId))
            return CustomerWebErrors.NotAllowed;
        var now = time.GetUtcNow();
        var errors = new List<Error>();
        if (body.Count == 0)
            errors.Add(Empty);
        for (var i = 0; i < body.Count; i++)
        {
            if (body[i] is not { } c)
            {
                errors.Add(Missing.At($"[{i}]"));
                continue;
            }
            if (body.Take(i).Any(o => o is not null && o.Channel == c.Channel && o.Kind == c.Kind))
                errors.Add(Twice.At($"[{i}].channel"));
            if (c.At > now.AddMinutes(5) || c.At?.Year < 2000)
                errors.Add(Future.At($"[{i}].at"));
            if (c.Evidence?.Trim().Length > Consent.MaxEvidenceLength)
                errors.Add(EvidenceTooLong.At($"[{i}].evidence"));
        }
        if (errors.Count > 0)
            return Result<IReadOnlyList<ConsentView>>.Fail(errors);
        foreach (var c in body)
            await ledger.Record(customerId, c.Channel, c.Kind, c.State, c.Source ?? ConsentSource.Staff, c.Evidence, inSight.Viewer.UserId, c.At ?? now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await get.Handle(customerId, cancellationToken);
    }
}
