namespace Guanxi.Domain.Service;

/// <summary>SVC-1: how a contact with a customer happened.</summary>
public enum ContactChannel
{
    Phone,
    Email,
    Sms,
    Wechat,
    Chat,
    Visit,
    Letter,
}

/// <summary>SVC-1: who started the contact — the customer (inbound) or the enterprise (outbound).</summary>
public enum ContactDirection
{
    Inbound,
    Outbound,
}

/// <summary>SVC-11: where in the customer's journey a contact, complaint or survey happened.</summary>
public enum Touchpoint
{
    PreSale,
    Sale,
    Delivery,
    AfterSale,
}

public static class ServiceChannelTexts
{
    public static string Chinese(this ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => "电话",
        ContactChannel.Email => "电子邮件",
        ContactChannel.Sms => "短信",
        ContactChannel.Wechat => "微信/社交媒体",
        ContactChannel.Chat => "在线客服",
        ContactChannel.Visit => "面访",
        _ => "信函",
    };

    public static string English(this ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => "Phone",
        ContactChannel.Email => "E-mail",
        ContactChannel.Sms => "SMS",
        ContactChannel.Wechat => "WeChat / social",
        ContactChannel.Chat => "Online chat",
        ContactChannel.Visit => "Visit",
        _ => "Letter",
    };

    public static string Chinese(this ContactDirection direction) => direction == ContactDirection.Inbound ? "客户来访/来电" : "主动联系";

    public static string English(this ContactDirection direction) => direction == ContactDirection.Inbound ? "Inbound" : "Outbound";

    public static string Chinese(this Touchpoint touchpoint) => touchpoint switch
    {
        Touchpoint.PreSale => "售前",
        Touchpoint.Sale => "销售",
        Touchpoint.Delivery => "交付",
        _ => "售后",
    };

    public static string English(this Touchpoint touchpoint) => touchpoint switch
    {
        Touchpoint.PreSale => "Pre-sale",
        Touchpoint.Sale => "Sale",
        Touchpoint.Delivery => "Delivery",
        _ => "After-sale",
    };
}
