using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// A member of staff enters a new customer (ARC-1); owner and department default to the caller's. Likely duplicates
/// (ARC-2) stop the entry with the list of them, unless the body says to go on (<c>allowDuplicate</c>). A consent to
/// marketing given on the form goes into the consent ledger (SEC-1) with the customer.
/// </summary>
public sealed class CreateCustomer(
    GuanxiDbContext db, CustomerViewers viewers, CustomerInput input, FindDuplicates duplicates, IMarketingConsent consents, TimeProvider time, EnterpriseClock clock)
{
    public async Task<Result<Guid>> Handle(CustomerBody body, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer)
            return CustomerWebErrors.NotAllowed;
        var read = await input.Read(body, viewer, null, cancellationToken);
        if (read.Value is not { } details)
            return Result<Guid>.Fail(read.Errors);
        if (!CustomerAccess.CanEdit(viewer, details.OwnerId, details.DepartmentId))
            return CustomerWebErrors.OutOfReach;
        var created = Customer.Create(details, time.GetUtcNow(), clock.Today);
        if (!created.Succeeded)
            return Result<Guid>.Fail(created.Errors);
        if (!body.AllowDuplicate && await duplicates.Handle(CustomerKeys.DuplicateKeys(created.Value!.Details), null, viewer, cancellationToken) is { Count: > 0 } found)
            return CustomerWebErrors.LikelyDuplicate(found);
        db.Add(created.Value!);
        if (MarketingConsentView.None.WordFrom(created.Value!.Id, body.MarketingConsent, body.ConsentChannel) is { } word)
            await consents.Record([word], viewer.UserId, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return created.Value!.Id;
    }
}

public static class CustomerWebErrors
{
    public static readonly Error NotAllowed = Error.Forbidden("customer.not_allowed", "您的角色不能修改客户资料。", "Your role cannot change customers.");
    public static readonly Error NotFound = Error.NotFound("customer.not_found", "客户不存在。", "No such customer.");
    public static readonly Error OutOfReach = new("customer.out_of_reach", "您不能把客户建在或移到这个部门或负责人名下。", "You cannot put the customer in this department or with this owner.", "departmentId");
    public static readonly Error Changed = new("customer.changed", "该客户刚被其他人修改过，请刷新后重试。", "Someone else changed this customer just now; reload and try again.", "version", ErrorKind.PreconditionFailed);
    public static readonly Error OwnerUnknown = new("customer.owner_unknown", "负责人不存在或已停用。", "The responsible member of staff does not exist or is deactivated.", "ownerId");
    /// <summary>A 409 with the likely duplicates (those out of the caller's sight without id, name or department).</summary>
    public static Error LikelyDuplicate(IReadOnlyList<DuplicateMatch> found) =>
        Error.Conflict("customer.likely_duplicate", "已有相同手机、邮箱或同一单位同名的客户，请先查看，确认不是同一人再继续保存。",
            "A customer with the same mobile, e-mail or name in the same organisation exists; check it, then save anyway if it is someone else.")
        with { Extensions = new Dictionary<string, object?> { ["duplicates"] = found } };

    /// <summary>The likely duplicates a refusal carries, for the form.</summary>
    public static IReadOnlyList<DuplicateMatch> DuplicatesIn(IReadOnlyList<Error> errors) =>
        errors.Select(e => e.Extensions?.GetValueOrDefault("duplicates")).OfType<IReadOnlyList<DuplicateMatch>>().FirstOrDefault() ?? [];
    public static readonly Error UnknownFilter = new("customer.unknown_filter", "筛选条件无效：类型为 person / organization，状态为 active / archived / merged / erased，级别为 vip / important / ordinary，阶段为 potential / firstPurchase / repeat / loyal / churned。", "Unknown filter: type is person or organization; status active, archived, merged or erased; tier vip, important or ordinary; stage potential, firstPurchase, repeat, loyal or churned.", "status");
    public static readonly Error ContactFilter = new("customer.contact_filter", "联系筛选只能是 overdue（超期未联系）。", "The contact filter is overdue (not contacted for longer than the tier allows).", "contact");
    public static readonly Error ExportFormat = new("customer.export_format", "导出格式只能是 xlsx 或 csv，筛选条件要有效。", "The format is xlsx or csv, with valid filters.", "format");
    public static readonly Error ExportNotAllowed = Error.Forbidden("customer.export_not_allowed", "只有公司领导、客服经理和部门经理可以导出客户。", "Only leadership, the customer-service manager and department managers export customers.");
    public static readonly Error EraseNotAllowed = Error.Forbidden("customer.erase_not_allowed", "只有客服经理和系统管理员可以删除客户的个人信息。", "Only the customer-service manager and administrators may erase a customer's personal data.");
    public static readonly Error EraseReasonRequired = new("customer.erase_reason_required", "请写明删除个人信息的原因（如客户申请的日期和方式，不超过 500 字）。", "Give the reason for the erasure (at most 500 characters).", "reason");
    public static readonly Error VersionRequired = new("customer.version_required", "请带上读取时的版本（If-Match），以免覆盖他人的修改。", "Send the version you read (If-Match) so that nobody's change is overwritten.", "version", ErrorKind.PreconditionRequired);

    public static Error PhoneInvalid(string? number, int index) =>
        new("customer.phone_invalid", $"“{number}”不是有效的电话号码。", $"'{number}' is not a valid phone number.", $"phones[{index}].number");
}
