using System.Security.Cryptography;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

public sealed record SurveyLinkView(string Url, string Message, DateTimeOffset ExpiresAt);

/// <summary>What the customer's phone page shows: a greeting, the questions, and whether the link can still be used.</summary>
public sealed record LinkQuestionnaire(Guid TaskId, string Greeting, SurveyKind Kind, IReadOnlyList<Question> Questions, bool Answered);

/// <summary>
/// SAT-7's SMS link: a signed token naming the task, valid until the end of the window's last day, used once. The page
/// it opens needs no login and shows no personal data beyond a greeting by surname; it is rate-limited per address.
/// </summary>
public sealed class SurveyLinks(GuanxiDbContext db, IDataProtectionProvider protection, Customers.CustomerViewers viewers, EnterpriseClock clock, TimeProvider time)
{
    public const string RateLimit = "survey-link";
    public static readonly Error NotOpen = new("survey.link_not_open", "该任务已结束或不在调查时效内，不能发送链接。", "The task is closed or outside its window: no link can be sent.");

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Guanxi.Surveys.Link.v1").ToTimeLimitedDataProtector();

    /// <summary>Customer service issues the link of a task for the customer's phone, with the SMS text to send.</summary>
    public async Task<Result<SurveyLinkView>> Issue(Guid taskId, string baseUrl, CancellationToken cancellationToken = default)
    {
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.RunsSurveys(viewer))
            return SurveyErrors.NotCustomerService;
        if (await db.Set<SurveyTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) is not { } task)
            return SurveyErrors.TaskNotFound;
        if (!task.Window.Contains(clock.Today) || await LinkUsed(taskId, cancellationToken))
            return NotOpen;
        var end = new DateTimeOffset(task.Due.AddDays(1).ToDateTime(TimeOnly.MinValue), clock.Zone.GetUtcOffset(task.Due.ToDateTime(TimeOnly.MaxValue)));
        var token = Protector.Protect(task.Id.ToString("N"), end.ToUniversalTime());
        var url = $"{baseUrl.TrimEnd('/')}/s/{token}";
        var kind = task.Kind switch { SurveyKind.Sales => "购车", SurveyKind.AfterSales => "维修保养", _ => "" };
        var company = await db.Set<Domain.Accounts.Department>().Where(d => d.Kind == Domain.Accounts.DepartmentKind.Company).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        var due = task.Due.ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture);
        return new SurveyLinkView(url, $"【{company ?? "客户服务部"}】感谢您选择我们的{kind}服务，请花两分钟填写满意度问卷：{url}（{due}前有效）", end);
    }

    /// <summary>The task a link names, while it is valid; not found when forged, expired or malformed.</summary>
    public Result<Guid> Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
            return SurveyErrors.LinkNotFound;
        try
        {
            return Guid.TryParseExact(Protector.Unprotect(token, out var expiration), "N", out var id) && expiration > time.GetUtcNow() ? id : SurveyErrors.LinkNotFound;
        }
        catch (CryptographicException)
        {
            return SurveyErrors.LinkNotFound;
        }
    }

    /// <summary>The questionnaire a link opens, for anyone holding it (the token is the right): a greeting by surname and the questions.</summary>
    public async Task<Result<LinkQuestionnaire>> Page(string? token, CancellationToken cancellationToken = default)
    {
        var read = Read(token);
        if (!read.Succeeded)
            return Result<LinkQuestionnaire>.Fail(read.Errors);
        var id = read.Value;
        var row = await (from t in db.Set<SurveyTask>().AsNoTracking()
                         join c in db.Set<Customer>() on t.CustomerId equals c.Id
                         where t.Id == id
                         select new { Task = t, c.Name, c.Gender, c.Type }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || await SurveyQuestionnaires.Current(db, row.Task, clock.Today, cancellationToken) is not { } version)
            return SurveyErrors.LinkNotFound;
        return new LinkQuestionnaire(id, Greeting(row.Name, row.Gender, row.Type), row.Task.Kind, version.Questions, await LinkUsed(id, cancellationToken));
    }

    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "宇文", "司徒", "夏侯", "端木", "公孙", "西门"];

    /// <summary>By surname only: 尊敬的王先生 / 王女士 / 王先生/女士; a company is greeted as a customer.</summary>
    private static string Greeting(string name, Gender gender, CustomerType type)
    {
        if (type != CustomerType.Person || name.Length < 2)
            return "尊敬的客户";
        var surname = CompoundSurnames.FirstOrDefault(s => name.StartsWith(s, StringComparison.Ordinal)) ?? name[..1];
        return $"尊敬的{surname}{gender switch { Gender.Male => "先生", Gender.Female => "女士", _ => "先生/女士" }}";
    }

    public Task<bool> LinkUsed(Guid taskId, CancellationToken cancellationToken) =>
        db.Set<SurveyResponse>().AnyAsync(r => r.TaskId == taskId && r.Method == SurveyMethod.Link, cancellationToken);
}
