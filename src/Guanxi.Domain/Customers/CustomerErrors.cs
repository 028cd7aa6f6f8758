using Guanxi.Domain.Common;

namespace Guanxi.Domain.Customers;

public static class CustomerErrors
{
    public static readonly Error NameRequired = new("customer.name_required", "请填写客户姓名或单位名称。", "Enter the customer's name.", "name");
    public static readonly Error NameTooLong = new("customer.name_too_long", $"名称不能超过 {Customer.MaxNameLength} 个字。", $"The name can have at most {Customer.MaxNameLength} characters.", "name");
    public static readonly Error UnknownType = new("customer.unknown_type", "客户类型只能是个人或单位。", "The type must be person or organization.", "type");
    public static readonly Error TooManyPhones = new("customer.too_many_phones", $"最多登记 {Customer.MaxPhones} 个电话。", $"At most {Customer.MaxPhones} phones.", "phones");
    public static readonly Error BirthdayImpossible = new("customer.birthday_impossible", "生日不能晚于今天，也不能早于 1900 年。", "The birthday cannot be in the future or before 1900.", "birthday");
    public static readonly Error OwnerRequired = new("customer.owner_required", "请指定负责人。", "Choose the responsible member of staff.", "ownerId");

    public static Error EmailInvalid(string email) =>
        new("customer.email_invalid", $"“{email}”不是有效的邮箱地址。", $"'{email}' is not a valid e-mail address.", "emails");

    public static Error TextTooLong(string field) =>
        new("customer.text_too_long", $"内容不能超过 {Customer.MaxTextLength} 个字。", $"At most {Customer.MaxTextLength} characters.", field);
}
