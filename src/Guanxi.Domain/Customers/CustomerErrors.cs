using Guanxi.Domain.Common;

namespace Guanxi.Domain.Customers;

public static class CustomerErrors
{
    public static readonly Error NameRequired = new("customer.name_required", "请填写客户姓名或单位名称。", "Enter the customer's name.", "name");
    public static readonly Error NameTooLong = new("customer.name_too_long", $"名称不能超过 {Customer.MaxNameLength} 个字。", $"The name can have at most {Customer.MaxNameLength} characters.", "name");
    public static readonly Error RelationshipInvalid = new("customer.relationship", "关系阶段、类型或周期不在可选范围内。", "The relationship stage, type or phase is not one of the choices.", "stage");
    public static readonly Error RelationshipNoteTooLong = new("customer.relationship_note", "关系说明不能超过 500 字。", "The relationship note cannot exceed 500 characters.", "note");
    public static readonly Error UnknownType = new("customer.unknown_type", "客户类型只能是个人或单位。", "The type must be person or organization.", "type");
    public static readonly Error TooManyPhones = new("customer.too_many_phones", $"最多登记 {Customer.MaxPhones} 个电话。", $"At most {Customer.MaxPhones} phones.", "phones");
    public static readonly Error BirthdayImpossible = new("customer.birthday_impossible", "生日不能晚于今天，也不能早于 1900 年。", "The birthday cannot be in the future or before 1900.", "birthday");
    public static readonly Error OwnerRequired = new("customer.owner_required", "请指定负责人。", "Choose the responsible member of staff.", "ownerId");

    public static readonly Error TooManyContacts = new("customer.too_many_contacts", $"最多登记 {Customer.MaxContacts} 位联系人。", $"At most {Customer.MaxContacts} contacts.", "contacts");
    public static readonly Error NotMergeable = new("customer.not_mergeable", "只能把其他客户合并到一个在用的客户上。", "Only other customers can be merged, into an active customer.", "survivorId");

    public static readonly Error ExternalNoInvalid = new("customer.external_no_invalid", $"客户编号不能为空，也不能超过 {Customer.MaxExternalNoLength} 个字符。", $"The customer number must be 1 to {Customer.MaxExternalNoLength} characters.", "externalNo");
    public static readonly Error ExternalNoFixed = new("customer.external_no_fixed", "客户编号一经登记不能更改。", "A customer's number cannot change once given.", "externalNo");

    public static Error ContactNameRequired(int index) =>
        new("customer.contact_name_required", "请填写联系人姓名（不超过 100 个字）。", "Enter the contact's name (at most 100 characters).", $"contacts[{index}].name");

    public static Error NotEditable(CustomerStatus status) => status switch
    {
        CustomerStatus.Merged => new("customer.merged", "该客户已合并到另一个客户，请在合并后的客户上操作。", "This customer was merged into another; work on the survivor.", "status"),
        CustomerStatus.Erased => new("customer.erased", "该客户的个人信息已按要求删除，不能再修改。", "This customer's personal data was erased; it cannot be changed.", "status"),
        CustomerStatus.Archived => new("customer.archived", "该客户已归档。", "This customer is archived.", "status"),
        _ => new("customer.active", "该客户未归档。", "This customer is not archived.", "status"),
    };

    public static Error EmailInvalid(string email) =>
        new("customer.email_invalid", $"“{email}”不是有效的邮箱地址。", $"'{email}' is not a valid e-mail address.", "emails");

    public static Error TextTooLong(string field) =>
        new("customer.text_too_long", $"内容不能超过 {Customer.MaxTextLength} 个字。", $"At most {Customer.MaxTextLength} characters.", field);
}
