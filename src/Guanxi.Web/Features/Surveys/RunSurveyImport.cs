using System.Globalization;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Orders;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Imports;
using Guanxi.Web.Features.Settings;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>
/// Survey results collected elsewhere — paper questionnaires, a brand's survey vendor — imported from .xlsx or .csv through
/// the import pipeline (kind=surveys): one row per questionnaire, found by its order number (订单编号), with the survey
/// date (调查日期), the method (电话、现场、信函; paper by default), one column per question — headed by the question's
/// text or id, or mapped explicitly ("q:overall") — and the comment, or an invalid reason with its note. Each row is
/// checked as if entered on that day (its questionnaire version, scales, required questions, the window); a commit writes
/// nothing when rows were rejected unless the user chose to import only the valid ones. A later row of the same survey
/// supersedes an earlier one (SAT-9).
/// </summary>
public sealed class RunSurveyImport(GuanxiDbContext db, Customers.CustomerViewers viewers, CurrentUser user, EnterpriseSettings settings, EnterpriseClock clock, TimeProvider time)
{
    public const string Kind = StartImport.Surveys;
    public const string QuestionPrefix = "q:";
    public static readonly string[] Fields = ["orderNo", "surveyedOn", "method", "comment", "invalid", "note", "ignore"];

    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["订单编号"] = "orderNo", ["订单号"] = "orderNo", ["单号"] = "orderNo", ["工单号"] = "orderNo", ["orderNo"] = "orderNo", ["order no"] = "orderNo",
        ["调查日期"] = "surveyedOn", ["回访日期"] = "surveyedOn", ["日期"] = "surveyedOn", ["surveyedOn"] = "surveyedOn", ["date"] = "surveyedOn",
        ["方式"] = "method", ["调查方式"] = "method", ["method"] = "method",
        ["意见"] = "comment", ["客户意见"] = "comment", ["意见和建议"] = "comment", ["其他意见"] = "comment", ["comment"] = "comment",
        ["无效原因"] = "invalid", ["invalid"] = "invalid", ["说明"] = "note", ["备注"] = "note", ["note"] = "note",
    };

    private sealed record Planned(int Row, SurveyTask Task, SurveyResponse Response);

    /// <summary>Runs as the user who uploaded the file: they must run surveys still when the import runs, or nothing is written.</summary>
    public async Task<IReadOnlyList<ImportError>> Handle(ImportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var english = Cultures.IsEnglish;
        if (await viewers.Current(cancellationToken) is not { } viewer || !SurveyAccess.RunsSurveys(viewer))
        {
            job.Message = SurveyErrors.NotCustomerService.MessageFor(english);
            return [];
        }
        var gap = await settings.Get(RecordSurveyResponse.HiddenGapKey, RecordSurveyResponse.DefaultHiddenGap, cancellationToken);
        var versions = await db.Set<QuestionnaireVersion>().AsNoTracking().ToListAsync(cancellationToken);
        var questionnaires = await db.Set<Questionnaire>().AsNoTracking().Where(q => q.Kind == QuestionnaireKind.Sales || q.Kind == QuestionnaireKind.AfterSales)
            .ToDictionaryAsync(q => q.Kind == QuestionnaireKind.Sales ? SurveyKind.Sales : SurveyKind.AfterSales, q => q.Id, cancellationToken);
        var (today, now, by) = (clock.Today, time.GetUtcNow(), Actor.Staff(user.Id, ActorCause.Import));
        var errors = new List<ImportError>();
        var planned = new List<Planned>();
        var tasks = new Dictionary<Guid, SurveyTask>();

        await using (var file = File.OpenRead(job.StoredPath))
        {
            var table = TabularReader.Read(file, job.FileName, Imports.TextEncodings.Find(job.Encoding));
            var roles = job.Mapping is { } saved ? JsonSerializer.Deserialize<string[]>(saved)! : [.. table.Headers.Select(Guess)];
            if (roles.Length != table.Headers.Count || !roles.Contains("orderNo") || !roles.Contains("surveyedOn"))
            {
                job.Message = english
                    ? "The file needs an order number column (订单编号) and a survey date column (调查日期)."
                    : "文件须有“订单编号”和“调查日期”两列。";
                return errors;
            }
            string? Cell(ImportRow row, string role) => Array.IndexOf(roles, role) is var i and >= 0 ? row.Cells[i]?.Trim() : null;
            var rows = table.Rows.ToList();
            job.Total = rows.Count;
            var orderNos = rows.Select(r => Cell(r, "orderNo")).OfType<string>().Distinct().ToList();
            var byOrder = new Dictionary<string, SurveyTask>(StringComparer.Ordinal);
            foreach (var chunk in orderNos.Chunk(1000))
            {
                foreach (var x in await (from t in db.Set<SurveyTask>()
                                         join o in db.Set<Order>() on t.OrderId equals o.Id
                                         where t.ProgramId == null && chunk.Contains(o.ExternalNo)
                                         select new { o.ExternalNo, Task = t }).ToListAsync(cancellationToken))
                    byOrder.TryAdd(x.ExternalNo, x.Task);
            }

            foreach (var row in rows)
            {
                job.Processed++;
                var rowErrors = new List<ImportError>();
                void Fail(string column, string zh, string en) => rowErrors.Add(new ImportError(row.Number, column, english ? en : zh));
                var orderNo = Cell(row, "orderNo");
                var dateText = Cell(row, "surveyedOn");
                var on = dateText is null ? null : Imports.CustomerRowReader.ParseDate(dateText);
                SurveyTask? task = null;
                if (orderNo is null)
                    Fail(Label("orderNo", english), "请填写订单编号", "Give the order number");
                else if (!byOrder.TryGetValue(orderNo, out task))
                    Fail(Label("orderNo", english), $"订单 {orderNo} 没有满意度调查任务（未交车/完工、不在抽样中或为经销商客户）", $"Order {orderNo} has no survey task (not delivered, not sampled, or a trade customer)");
                if (on is null)
                    Fail(Label("surveyedOn", english), "调查日期无效，请写成 2026-11-23", "The survey date is not a date: write 2026-11-23");
                else if (on > today)
                    Fail(Label("surveyedOn", english), "调查日期不能晚于今天", "The survey date cannot be after today");
                else if (task is not null && (on < task.Opens || on > task.Due))
                    Fail(Label("surveyedOn", english), $"调查日期不在调查时效内（{task.Opens.Year}年{task.Opens.Month}月{task.Opens.Day}日至{task.Due.Year}年{task.Due.Month}月{task.Due.Day}日）",
                        $"The survey date is outside the window ({task.Opens.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} to {task.Due.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})");
                var method = Method(Cell(row, "method"));
                if (method is null)
                    Fail(Label("method", english), "方式只能是电话、现场或信函", "The method is phone, on site or mail");
                var invalidText = Cell(row, "invalid");
                var invalid = invalidText is null ? (SurveyOutcome?)null : Invalid(invalidText);
                if (invalidText is not null && invalid is null)
                    Fail(Label("invalid", english), "无效原因只能是信息不全、无法联系或档案失实", "The invalid reason is incomplete, unreachable or false archive");
                if (rowErrors.Count > 0 || task is null || on is not { } day || method is not { } m)
                {
                    Reject(rowErrors);
                    continue;
                }

                Result<SurveyResponse> made;
                if (invalid is { } reason)
                    made = SurveyResponse.Invalid(task.Id, m, reason, Cell(row, "note"), by, day, now);
                else
                {
                    var questionnaire = questionnaires.GetValueOrDefault(task.Kind);
                    var version = QuestionnaireVersion.InEffect(versions.Where(v => v.QuestionnaireId == questionnaire), day) ?? throw new InvalidOperationException($"No questionnaire was in effect on {day}.");
                    var answers = new List<Answer>();
                    var columns = new List<string>();
                    for (var i = 0; i < roles.Length; i++)
                    {
                        if (row.Cells[i] is not { } value || string.IsNullOrWhiteSpace(value) || Fields.Contains(roles[i]))
                            continue;
                        var question = roles[i].StartsWith(QuestionPrefix, StringComparison.Ordinal)
                            ? version.Questions.FirstOrDefault(q => q.Id == roles[i][QuestionPrefix.Length..])
                            : version.Questions.FirstOrDefault(q => Matches(table.Headers[i], q));
                        if (question is null)
                        {
                            Fail(table.Headers[i], "该列不是此问卷的问题", "This column is not a question of the questionnaire");
                            continue;
                        }
                        answers.Add(new Answer(question.Id, value.Trim()));
                        columns.Add(table.Headers[i]);
                    }
                    made = SurveyResponse.Answered(task.Id, m, version, answers, Cell(row, "comment"), gap, by, day, now);
                    foreach (var e in made.Errors)
                    {
                        var column = e.Field is { } f && f.StartsWith("answers[", StringComparison.Ordinal) && int.TryParse(f.AsSpan(8, f.IndexOf(']', StringComparison.Ordinal) - 8), out var at) ? columns[at]
                            : e.Field is { } g && g.StartsWith("answers.", StringComparison.Ordinal) ? version.Questions.First(q => q.Id == g["answers.".Length..]).Text
                            : Label("comment", english);
                        Fail(column, e.Message, e.MessageEn);
                    }
                }
                if (!made.Succeeded && rowErrors.Count == 0)
                    Fail(Label("note", english), made.Errors[0].Message, made.Errors[0].MessageEn);
                if (rowErrors.Count > 0)
                {
                    Reject(rowErrors);
                    continue;
                }
                tasks[task.Id] = task;
                planned.Add(new Planned(row.Number, task, made.Value!));
            }
        }

        job.Created = planned.Count;
        if (job.Mode == ImportMode.DryRun)
            return errors;
        if (job.Rejected > 0 && !job.OnlyValid)
        {
            job.Message = english
                ? $"{job.Rejected} rows have errors; nothing was imported. Correct them and import again, or choose to import only the {planned.Count} valid questionnaires."
                : $"有 {job.Rejected} 行有错误，未导入任何数据。请改正后重新导入，或选择“只导入正确的 {planned.Count} 份问卷”。";
            job.Created = 0;
            return errors;
        }
        var previous = await db.Set<SurveyResponse>().Where(r => tasks.Keys.Contains(r.TaskId) && r.SupersededBy == null).ToDictionaryAsync(r => r.TaskId, cancellationToken);
        foreach (var p in planned.OrderBy(p => p.Response.RespondedOn).ThenBy(p => p.Row))
        {
            if (previous.GetValueOrDefault(p.Task.Id) is { } earlier && earlier.RespondedOn <= p.Response.RespondedOn)
                earlier.SupersedeWith(p.Response);
            p.Task.Respond(p.Response, p.Response.RespondedOn, now);
            previous[p.Task.Id] = p.Response;
            db.Add(p.Response);
        }
        await db.SaveChangesAsync(cancellationToken);
        return errors;

        void Reject(IReadOnlyList<ImportError> rowErrors)
        {
            job.Rejected++;
            if (errors.Count < ImportJob.MaxStoredErrors)
                errors.AddRange(rowErrors);
        }
    }

    /// <summary>What a column is, from its header: a field, or a question (matched per row, since sales and after-sales rows may share a file).</summary>
    private static string Guess(string header) => Headers.GetValueOrDefault(header.Trim()) ?? "question";

    private static bool Matches(string header, Question question)
    {
        var h = header.Trim().TrimStart("0123456789.、．) ".ToCharArray()).TrimEnd('？', '?', ' ');
        return h.Length > 0 && (string.Equals(h, question.Id, StringComparison.OrdinalIgnoreCase) || h == question.Text.TrimEnd('？', '?')
            || string.Equals(h, question.TextEn?.TrimEnd('?'), StringComparison.OrdinalIgnoreCase));
    }

    private static SurveyMethod? Method(string? text) => text?.ToLowerInvariant() switch
    {
        null or "" or "信函" or "邮寄" or "书面" or "纸质" or "mail" => SurveyMethod.Mail,
        "电话" or "phone" => SurveyMethod.Phone,
        "现场" or "onsite" or "on site" => SurveyMethod.OnSite,
        _ => null,
    };

    private static SurveyOutcome? Invalid(string text) => text.ToLowerInvariant() switch
    {
        "信息不全" or "不完整" or "incomplete" => SurveyOutcome.Incomplete,
        "无法联系" or "空白" or "unreachable" => SurveyOutcome.Unreachable,
        "档案失实" or "falsearchive" or "false archive" => SurveyOutcome.FalseArchive,
        _ => null,
    };

    private static string Label(string field, bool english) => field switch
    {
        "orderNo" => english ? "Order no." : "订单编号",
        "surveyedOn" => english ? "Survey date" : "调查日期",
        "method" => english ? "Method" : "方式",
        "invalid" => english ? "Invalid reason" : "无效原因",
        "note" => english ? "Note" : "说明",
        _ => english ? "Comment" : "意见",
    };
}
