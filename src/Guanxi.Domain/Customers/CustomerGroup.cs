using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;

namespace Guanxi.Domain.Customers;

/// <summary>
/// ARC-8: a custom group (分组) — family, friends, important customers, group customers … — as many as the firm likes;
/// a customer can be in several. Membership changes are recorded on each customer's history.
/// </summary>
public sealed class CustomerGroup
{
    public const int MaxNameLength = 50;
    public const int MaxDescriptionLength = 500;

#pragma warning disable CS8618 // set by EF Core when loading, by Create otherwise
    private CustomerGroup()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public string CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Result<CustomerGroup> Create(string? name, string? description, string createdById, DateTimeOffset now) =>
        new CustomerGroup { Id = Guid.CreateVersion7(), CreatedById = createdById, CreatedAt = now }.Rename(name, description);

    public Result<CustomerGroup> Rename(string? name, string? description)
    {
        if (string.IsNullOrWhiteSpace(name))
            return CustomerGroupErrors.NameRequired;
        if (name.Trim().Length > MaxNameLength)
            return CustomerGroupErrors.NameTooLong;
        if (description?.Trim().Length > MaxDescriptionLength)
            return CustomerGroupErrors.DescriptionTooLong;
        (Name, Description) = (name.Trim(), string.IsNullOrWhiteSpace(description) ? null : description.Trim());
        return this;
    }

    /// <summary>Anyone who keeps customers may make a group; its maker and the managers may rename or delete it.</summary>
    public bool CanBeManagedBy(Viewer viewer) =>
        viewer.UserId == CreatedById || viewer.Is(Role.CustomerServiceManager) || viewer.Is(Role.DepartmentManager)
        || viewer.Is(Role.Administrator) || viewer.IsLeadership;
}

public static class CustomerGroupErrors
{
    public static readonly Error NameRequired = new("group.name_required", "请填写分组名称。", "Enter the group's name.", "name");
    public static readonly Error NameTooLong = new("group.name_too_long", $"分组名称不能超过 {CustomerGroup.MaxNameLength} 个字。", $"At most {CustomerGroup.MaxNameLength} characters.", "name");
    public static readonly Error DescriptionTooLong = new("group.description_too_long", $"说明不能超过 {CustomerGroup.MaxDescriptionLength} 个字。", $"At most {CustomerGroup.MaxDescriptionLength} characters.", "description");
    public static readonly Error NameTaken = new("group.name_taken", "已有同名的分组。", "A group with this name exists.", "name");
    public static readonly Error NotFound = Error.NotFound("group.not_found", "分组不存在。", "No such group.");
    public static readonly Error NotAllowed = Error.Forbidden("group.not_allowed", "只有分组的创建人和经理可以修改或删除分组。", "Only the group's maker and managers may change or delete it.");
    public static readonly Error NoCustomers = new("group.no_customers", "请选择客户。", "Choose customers.", "customerIds");
    public static readonly Error TooManyCustomers = new("group.too_many_customers", "一次最多处理 10000 个客户。", "At most 10,000 customers at a time.", "customerIds");

    public static Error CustomersOutOfReach(int count) =>
        new("group.customers_out_of_reach", $"有 {count} 个客户不存在或您不能修改，未做任何改动。", $"{count} customers do not exist or are not yours to change; nothing was changed.", "customerIds");
}
