using System.Collections.Concurrent;
using Fluid;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;

namespace Guanxi.Web.Features.Messaging;

/// <summary>What a template is filled with: the customer, their owner, the enterprise and the occasion.</summary>
public sealed record TemplateModel(string CustomerName, Gender Gender, bool Organization, string OwnerName, string EnterpriseName, string? Occasion)
{
    public static TemplateModel Sample(string enterprise) => new("张伟", Gender.Male, false, "李娜", enterprise, "中秋节");

    /// <summary>
    /// The surname of a person's Chinese name — a compound one (欧阳, 司马 …) or the first character — or a company's whole
    /// name, so that "{{ customer.surname }}{{ customer.title }}，" greets 王女士 and 江苏华亚物流有限公司 alike.
    /// </summary>
    public string Surname => Organization ? CustomerName : CustomerName.Length == 0 ? "" : CompoundSurnames.FirstOrDefault(s => CustomerName.StartsWith(s, StringComparison.Ordinal)) ?? CustomerName[..1];

    /// <summary>先生 or 女士 by the customer's gender; nothing when it is unknown or the customer is a company.</summary>
    public string Title => Organization ? "" : Gender switch { Gender.Male => "先生", Gender.Female => "女士", _ => "" };

    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里"];
}

/// <summary>
/// Templates in Liquid, by Fluid (a maintained engine; no hand-made parser): <c>{{ customer.name }}</c>,
/// <c>{{ customer.surname }}</c>, <c>{{ customer.title }}</c> (先生/女士), <c>{{ owner.name }}</c>, <c>{{ enterprise.name }}</c>,
/// <c>{{ occasion.name }}</c>. Parsed templates are kept by their text; an unknown placeholder or filter is an error, not an empty gap.
/// </summary>
public sealed class TemplateText
{
    public static readonly Error Invalid = new("template.invalid", "模板格式有误：{0}", "The template is not valid Liquid: {0}", "text");
    public static readonly Error UnknownPlaceholder = new("template.unknown_placeholder", "模板中有未知的占位符：{0}。可用：customer.name、customer.surname、customer.title、owner.name、enterprise.name、occasion.name。",
        "The template uses an unknown placeholder: {0}. Available: customer.name, customer.surname, customer.title, owner.name, enterprise.name, occasion.name.", "text");

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder().WithStrictVariables(true).WithStrictFilters(true).Build();
    private readonly ConcurrentDictionary<string, IFluidTemplate> parsed = new();

    /// <summary>Whether the text parses and fills from a sample customer; the error names the field (<paramref name="field"/>).</summary>
    public Error? Check(string text, string field)
    {
        if (!Parser.TryParse(text, out var template, out var error))
            return Invalid with { Message = string.Format(System.Globalization.CultureInfo.InvariantCulture, Invalid.Message, error), MessageEn = string.Format(System.Globalization.CultureInfo.InvariantCulture, Invalid.MessageEn, error), Field = field };
        try
        {
            template.Render(Context(TemplateModel.Sample("本公司")));
            return null;
        }
        catch (FluidException e)
        {
            var name = System.Text.RegularExpressions.Regex.Match(e.Message, "'([^']+)'") is { Success: true } m ? m.Groups[1].Value : e.Message;
            return UnknownPlaceholder with
            {
                Message = string.Format(System.Globalization.CultureInfo.InvariantCulture, UnknownPlaceholder.Message, name),
                MessageEn = string.Format(System.Globalization.CultureInfo.InvariantCulture, UnknownPlaceholder.MessageEn, name), Field = field,
            };
        }
    }

    /// <summary>The text filled for one customer (the template was checked when saved).</summary>
    public string Fill(string text, TemplateModel model)
    {
        var template = parsed.GetOrAdd(text, t => Parser.Parse(t));
        if (parsed.Count > 1000)
            parsed.Clear();
        return template.Render(Context(model)).Trim();
    }

    private static TemplateContext Context(TemplateModel model)
    {
        var context = new TemplateContext(Options);
        context.SetValue("customer", new Dictionary<string, object> { ["name"] = model.CustomerName, ["surname"] = model.Surname, ["title"] = model.Title });
        context.SetValue("owner", new Dictionary<string, object> { ["name"] = model.OwnerName });
        context.SetValue("enterprise", new Dictionary<string, object> { ["name"] = model.EnterpriseName });
        context.SetValue("occasion", new Dictionary<string, object> { ["name"] = model.Occasion ?? "" });
        return context;
    }
}
