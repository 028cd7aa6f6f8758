using Guanxi.Domain.Customers;
using Guanxi.Web.Features.Customers;

namespace Guanxi.Web.Features.Demo;

/// <summary>
/// The demo dealership's customers: persons and organisations with realistic names, valid CN mobile numbers and real
/// divisions (mostly around Changzhou), spread over the sales and service staff so that every role sees some;
/// organisations with contacts and each with a name of its own, custom groups, and one planted duplicate in every 300 (a
/// person's mobile entered twice, as happens when two colleagues meet the same customer) for the duplicates page. Deterministic: it draws from <see cref="DemoEnterprise.Random"/>; bench/ can ask for a million.
/// </summary>
public static class DemoCustomers
{
    public const int DefaultCount = 3000;

    private static readonly string[] MobilePrefixes =
        ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158", "159", "177", "180", "181", "182", "183", "186", "187", "188", "189", "199"];

    // A company's name is place + trade name + trade + legal form (常州恒力纺织有限公司): tens of thousands of names, each
    // used by one organisation only (issue 22: two customers with the same company name look like a bug, not a demo).
    private static readonly string[] Places = ["常州", "武进", "金坛", "溧阳", "常州新北", "常州天宁", "常州钟楼", "无锡", "江阴", "宜兴", "苏州", "昆山", "南京", "镇江", "丹阳", "江苏"];

    private static readonly string[] TradeNames =
        ["恒力", "华亚", "中吴", "天目", "龙城", "新诚", "东升", "瑞丰", "宏达", "金盛", "永泰", "鑫源", "博远", "亚泰", "紫金", "晋陵",
         "延陵", "运河", "润泽", "天宁", "舜禹", "嘉泰", "德润", "三元", "华强", "汇通", "创源", "恒信", "同力", "安泰", "兴业", "长荣",
         "福瑞", "凯达", "锦程", "盛世", "和信", "宝龙", "远东", "正大"];

    private static readonly string[] Trades =
        ["机械制造", "纺织", "精密模具", "建材", "物流", "电子科技", "食品", "光电", "建筑工程", "医药", "化工", "新材料", "汽车零部件", "环保科技",
         "印务", "家具", "餐饮管理", "物业管理", "旅游", "信息技术", "装饰工程", "电力设备", "农业发展", "汽车贸易"];

    private static readonly string[] Forms = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"];

    private static readonly string[] Sources = ["展厅来访", "老客户介绍", "汽车之家", "懂车帝", "电话咨询", "车展", "微信公众号", "售后转介绍"];
    private static readonly string[] Industries = ["制造业", "教育", "医疗", "金融", "物流", "餐饮", "建筑", "政府机关", "信息技术", "零售"];
    /// <summary>SVC-6: habits and preferences the staff noted — two customers in three have some (chosen by their number, so that the draws stay as they were).</summary>
    private static readonly string[] Preferences =
    [
        "周末上午到店，偏好微信联系", "只用原厂配件，保养前电话确认报价", "工作日午休时间方便接电话", "重视洗车与车内清洁", "偏好短信提醒，不喜欢频繁来电",
        "喜欢参加车友会自驾活动", "等待时在休息区办公，需要无线网络", "关注新能源与智能驾驶配置", "习惯每次保养做四轮定位", "由家人代为送修，需提前告知取车时间",
    ];

    private static readonly string[] Needs = ["家用 SUV", "商务轿车", "新能源车", "置换旧车", "公司用车", "保养与维修", "二手车评估"];
    private static readonly string[] Titles = ["采购经理", "行政主管", "总经理", "车队负责人", "财务"];
    // ARC-8's kinds of group, named so that none reads like a tier (VIP客户、重要客户、普通客户) or a review's filing (重要、特殊、一般).
    private static readonly string[] GroupNames = ["重点跟进", "家人朋友", "集团客户", "车友会", "老客户介绍", "新能源车主"];
    private static readonly string[] Streets = ["延陵西路", "和平北路", "晋陵中路", "劳动中路", "通江大道", "龙城大道", "长江路", "太湖东路", "常武中路"];

    public sealed record Owner(string UserId, Guid DepartmentId);

    public static IEnumerable<Customer> Generate(
        Random random, ChineseNames names, Divisions divisions, IReadOnlyList<Owner> owners, int count, DateTimeOffset now, DateOnly today)
    {
        var changzhou = divisions.Districts.Where(d => d.City == "常州市").ToList();
        var jiangsu = divisions.Districts.Where(d => d.Province == "江苏省").ToList();
        var companies = new HashSet<string>(StringComparer.Ordinal);
        var plant = false;
        for (var i = 0; i < count; i++)
        {
            var owner = owners[random.Next(owners.Count)];
            var organization = random.NextDouble() < 0.12;
            var name = organization ? UniqueCompany(random, companies) : names.FullName(random);
            var roll = random.NextDouble();
            var district = roll < 0.7 ? changzhou[random.Next(changzhou.Count)]
                : roll < 0.9 ? jiangsu[random.Next(jiangsu.Count)]
                : divisions.Districts[random.Next(divisions.Districts.Count)];
            var mobile = $"+86{MobilePrefixes[random.Next(MobilePrefixes.Length)]}{random.Next(10_000_000, 100_000_000)}";
            _ = random.NextDouble();   // once the archive's consent flag; drawn still so that the demo stays the same (consents: DemoMessaging)
            IReadOnlyList<CustomerContact> contacts = organization
                ? [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => new CustomerContact(names.FullName(random), Titles[random.Next(Titles.Length)],
                    [new CustomerPhone(PhoneKind.Mobile, $"+86{MobilePrefixes[random.Next(MobilePrefixes.Length)]}{random.Next(10_000_000, 100_000_000)}")], null))]
                : [];
            var details = new CustomerDetails(
                organization ? CustomerType.Organization : CustomerType.Person, name,
                organization ? null : random.NextDouble() < 0.4 ? Company(random) : null,
                [new CustomerPhone(PhoneKind.Mobile, mobile)],
                random.NextDouble() < 0.3 ? [$"c{i:D5}@example.cn"] : [],
                random.NextDouble() < 0.5 ? $"wxid_{random.Next(100_000, 999_999)}" : null,
                [new CustomerAddress(district.Province, district.City, district.Name, $"{Streets[random.Next(Streets.Length)]} {random.Next(1, 300)} 号")],
                organization ? null : today.AddDays(-random.Next(20 * 365, 65 * 365)), random.NextDouble() < 0.15,
                organization ? Gender.Unknown : random.NextDouble() < 0.55 ? Gender.Male : Gender.Female,
                Industries[random.Next(Industries.Length)], organization ? "中型" : null, Sources[random.Next(Sources.Length)],
                owner.UserId, owner.DepartmentId, null, i % 3 == 2 ? null : Preferences[i * 7 % Preferences.Length], Needs[random.Next(Needs.Length)],
                contacts, TradeCustomer: name.Contains("汽车贸易", StringComparison.Ordinal));
            yield return Customer.Create(details, now.AddMinutes(-count + i), today).Value!;
            plant |= i % 300 == 150;
            if (plant && !organization)   // a colleague enters the same person again, from another source
            {
                plant = false;
                yield return Customer.Create(details with { Source = Sources[(Array.IndexOf(Sources, details.Source) + 1) % Sources.Length], Needs = null },
                    now.AddMinutes(-count + i).AddSeconds(30), today).Value!;
            }
        }
    }

    /// <summary>A company's name, as a person's employer: any, it may repeat.</summary>
    private static string Company(Random random) =>
        Places[random.Next(Places.Length)] + TradeNames[random.Next(TradeNames.Length)] + Trades[random.Next(Trades.Length)] + Forms[random.Next(Forms.Length)];

    /// <summary>An organisation's name no other organisation of the demo has; at a bench's scale, after the plain names, their branches.</summary>
    private static string UniqueCompany(Random random, HashSet<string> taken)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var name = Company(random);
            if (taken.Add(name))
                return name;
        }
        for (var branch = 0; ; branch++)
        {
            var name = Company(random) + (branch < 30 ? Places[random.Next(Places.Length)] : $"第{branch}") + "分公司";
            if (taken.Add(name))
                return name;
        }
    }

    /// <summary>The demo's custom groups (ARC-8), each holding some of the customers.</summary>
    public static (IReadOnlyList<CustomerGroup> Groups, IReadOnlyList<CustomerGroupMember> Members) Groups(
        Random random, IReadOnlyList<Customer> customers, string creatorId, DateTimeOffset now)
    {
        var groups = GroupNames.Select(n => CustomerGroup.Create(n, null, creatorId, now).Value!).ToList();
        var members = customers.Where(_ => random.NextDouble() < 0.25)
            .SelectMany(c => groups.Where(_ => random.NextDouble() < 0.3).Select(g => new CustomerGroupMember { GroupId = g.Id, CustomerId = c.Id }))
            .ToList();
        return (groups, members);
    }
}
