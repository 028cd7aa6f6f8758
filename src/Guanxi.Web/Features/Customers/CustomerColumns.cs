namespace Guanxi.Web.Features.Customers;

/// <summary>
/// ARC-10: the columns of the exported customer list, in Chinese and English. The import knows each of them again (its
/// field labels are these), so that an exported list imports as it was.
/// </summary>
public static class CustomerColumns
{
    public static readonly (string Zh, string En) Name = ("姓名", "Name");
    public static readonly (string Zh, string En) Type = ("客户类型", "Type");
    public static readonly (string Zh, string En) Organization = ("单位", "Organization");
    public static readonly (string Zh, string En) Mobile = ("手机", "Mobile");
    public static readonly (string Zh, string En) Phone = ("办公电话", "Phone");
    public static readonly (string Zh, string En) Email = ("邮箱", "Email");
    public static readonly (string Zh, string En) WeChat = ("微信", "WeChat");
    public static readonly (string Zh, string En) Province = ("省份", "Province");
    public static readonly (string Zh, string En) City = ("城市", "City");
    public static readonly (string Zh, string En) District = ("区县", "District");
    public static readonly (string Zh, string En) Street = ("详细地址", "Street");
    public static readonly (string Zh, string En) Birthday = ("生日", "Birthday");
    public static readonly (string Zh, string En) Gender = ("性别", "Gender");
    public static readonly (string Zh, string En) Industry = ("行业", "Industry");
    public static readonly (string Zh, string En) Source = ("来源", "Source");
    public static readonly (string Zh, string En) Groups = ("分组", "Groups");
    public static readonly (string Zh, string En) Owner = ("负责人", "Owner");
    public static readonly (string Zh, string En) Department = ("部门", "Department");
    public static readonly (string Zh, string En) LastContact = ("最近联系", "Last contact");
    public static readonly (string Zh, string En) Notes = ("备注", "Notes");

    /// <summary>The export's columns, in order.</summary>
    public static readonly (string Zh, string En)[] Exported =
    [
        Name, Type, Organization, Mobile, Phone, Email, WeChat, Province, City, District, Street, Birthday, Gender, Industry, Source, Groups, Owner, Department, LastContact, Notes,
    ];
}
