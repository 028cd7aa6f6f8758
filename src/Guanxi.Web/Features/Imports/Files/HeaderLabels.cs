namespace Guanxi.Web.Features.Imports;

/// <summary>Display names of the import fields (a customer field's is the exported list's column) and the header texts that mean each of them.</summary>
internal static class HeaderLabels
{
    public static readonly Dictionary<ImportField, (string Zh, string En)> All = new()
    {
        [ImportField.Ignore] = ("不导入", "Do not import"),
        [ImportField.Name] = Customers.CustomerColumns.Name,
        [ImportField.Type] = Customers.CustomerColumns.Type,
        [ImportField.Organization] = Customers.CustomerColumns.Organization,
        [ImportField.Title] = ("职务", "Title"),
        [ImportField.Mobile] = Customers.CustomerColumns.Mobile,
        [ImportField.Phone] = Customers.CustomerColumns.Phone,
        [ImportField.HomePhone] = ("家庭电话", "Home phone"),
        [ImportField.Email] = Customers.CustomerColumns.Email,
        [ImportField.WeChat] = Customers.CustomerColumns.WeChat,
        [ImportField.Address] = ("地址", "Address"),
        [ImportField.Province] = Customers.CustomerColumns.Province,
        [ImportField.City] = Customers.CustomerColumns.City,
        [ImportField.District] = Customers.CustomerColumns.District,
        [ImportField.Street] = Customers.CustomerColumns.Street,
        [ImportField.Birthday] = Customers.CustomerColumns.Birthday,
        [ImportField.Gender] = Customers.CustomerColumns.Gender,
        [ImportField.Industry] = Customers.CustomerColumns.Industry,
        [ImportField.Size] = ("规模", "Size"),
        [ImportField.Source] = Customers.CustomerColumns.Source,
        [ImportField.Groups] = Customers.CustomerColumns.Groups,
        [ImportField.Notes] = Customers.CustomerColumns.Notes,
        [ImportField.Owner] = Customers.CustomerColumns.Owner,
        [ImportField.Department] = Customers.CustomerColumns.Department,
        [ImportField.ExternalId] = ("客户编号", "Customer number"),
        [ImportField.OrderNo] = ("订单号", "Order number"),
        [ImportField.OrderKind] = ("订单类型", "Order kind"),
        [ImportField.OrderedAt] = ("下单日期", "Ordered on"),
        [ImportField.DeliveredAt] = ("交付日期", "Delivered on"),
        [ImportField.ItemName] = ("品名", "Item"),
        [ImportField.Quantity] = ("数量", "Quantity"),
        [ImportField.UnitPrice] = ("单价", "Unit price"),
        [ImportField.Amount] = ("金额", "Amount"),
        [ImportField.Cost] = ("成本", "Cost"),
        [ImportField.Staff] = ("经办人", "Staff"),
        [ImportField.VehicleModel] = ("车型", "Model"),
        [ImportField.Plate] = ("车牌", "Plate"),
        [ImportField.Vin] = ("VIN", "VIN"),
        [ImportField.PaymentTerms] = ("付款方式", "Payment terms"),
        [ImportField.Region] = ("国家/地区", "Country/region"),
        [ImportField.MarketingConsent] = ("营销同意", "Marketing consent"),
    };

    /// <summary>Keyed by <see cref="HeaderMap.Key"/>. Beyond the agreed list: Outlook/Google CSV names and common Chinese variants.</summary>
    public static readonly Dictionary<string, ImportField> Synonyms = Build(new()
    {
        [ImportField.Name] = ["姓名", "名称", "客户名称", "客户姓名", "联系人", "name", "full name", "customer name", "联系人姓名"],
        [ImportField.Type] = ["类型", "客户类型", "type", "customer type"],
        [ImportField.Organization] = ["公司", "单位", "工作单位", "企业", "organization", "organisation", "company", "公司名称", "单位名称", "企业名称"],
        [ImportField.Title] = ["职位", "职务", "title", "job title", "position"],
        [ImportField.Mobile] = ["手机", "手机号", "手机号码", "移动电话", "mobile", "cell", "cellphone", "mobile phone", "mobile number"],
        [ImportField.Phone] = ["电话", "办公电话", "座机", "固定电话", "phone", "telephone", "tel", "office phone", "work phone", "business phone", "联系电话", "电话号码"],
        [ImportField.HomePhone] = ["家庭电话", "住宅电话", "home phone"],
        [ImportField.Email] = ["邮箱", "电子邮件", "电子邮箱", "email", "e-mail", "mail", "email address", "e-mail address", "邮箱地址"],
        [ImportField.WeChat] = ["微信", "微信号", "wechat", "wechat id", "weixin"],
        [ImportField.Address] = ["地址", "通讯地址", "联系地址", "address", "家庭地址", "公司地址"],
        [ImportField.Province] = ["省", "省份", "province", "所在省份"],
        [ImportField.City] = ["市", "城市", "city", "所在城市"],
        [ImportField.District] = ["区", "区县", "district", "county"],
        [ImportField.Street] = ["街道", "详细地址", "street", "street address"],
        [ImportField.Birthday] = ["生日", "出生日期", "birthday", "date of birth", "dob", "birth date"],
        [ImportField.Gender] = ["性别", "gender", "sex"],
        [ImportField.Industry] = ["行业", "industry", "所属行业"],
        [ImportField.Size] = ["规模", "size", "企业规模", "公司规模"],
        [ImportField.Source] = ["来源", "客户来源", "来源渠道", "source", "channel"],
        [ImportField.Groups] = ["分组", "群组", "groups", "group", "tags", "标签", "客户分组"],
        [ImportField.Notes] = ["备注", "notes", "note", "remarks", "remark", "说明"],
        [ImportField.Owner] = ["负责人", "客户经理", "owner"],
        [ImportField.Department] = ["部门", "department", "所属部门"],
        [ImportField.ExternalId] = ["编号", "客户编号", "客户代码", "客户id", "id", "external id", "customerid", "customer id", "customer no", "customer number"],
        [ImportField.OrderNo] = ["订单号", "单号", "订单编号", "工单号", "维修工单号", "发票号", "invoiceno", "invoice no", "invoice", "order no", "order number", "order id"],
        [ImportField.OrderKind] = ["订单类型", "业务类型", "order type", "order kind", "kind"],
        [ImportField.OrderedAt] = ["下单日期", "订单日期", "开单日期", "日期", "invoicedate", "invoice date", "order date", "ordered on", "date"],
        [ImportField.DeliveredAt] = ["交车日期", "交付日期", "完工日期", "delivery date", "delivered", "delivered at", "delivered on"],
        [ImportField.ItemName] = ["品名", "商品", "商品名称", "项目", "维修项目", "description", "item", "product", "product name"],
        [ImportField.Quantity] = ["数量", "quantity", "qty"],
        [ImportField.UnitPrice] = ["单价", "unitprice", "unit price", "price"],
        [ImportField.Amount] = ["金额", "订单金额", "合计", "总价", "amount", "total"],
        [ImportField.Cost] = ["成本", "cost"],
        [ImportField.Staff] = ["销售顾问", "服务顾问", "经办人", "业务员", "staff", "salesperson", "sales consultant", "service advisor"],
        [ImportField.VehicleModel] = ["车型", "model", "vehicle model"],
        [ImportField.Plate] = ["车牌", "车牌号", "plate", "license plate"],
        [ImportField.Vin] = ["vin", "车架号", "车辆识别代号"],
        [ImportField.PaymentTerms] = ["付款方式", "payment terms"],
        [ImportField.Region] = ["国家", "地区", "国家地区", "country", "region", "country/region"],
        [ImportField.MarketingConsent] = ["营销同意", "同意营销", "同意接收营销信息", "接收营销信息", "营销许可", "marketing consent", "consent", "opt-in", "opt in"],
    });

    private static Dictionary<string, ImportField> Build(Dictionary<ImportField, string[]> synonyms)
    {
        var byKey = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var (field, texts) in synonyms)
        {
            // "email" and "e-mail" share a key; one key meaning two fields would be a mistake in the lists above.
            foreach (var key in texts.Select(HeaderMap.Key))
            {
                if (!byKey.TryAdd(key, field) && byKey[key] != field)
                    throw new InvalidOperationException($"Header synonym {key} means both {byKey[key]} and {field}.");
            }
        }
        return byKey;
    }
}
