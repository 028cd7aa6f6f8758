using System.Globalization;
using Guanxi.Domain.Common;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Shared.Files;

namespace Guanxi.Web.Features.Surveys;

/// <summary>SAT-10: a satisfaction report as .xlsx, one sheet per section, with only what the caller may read (SAT-6).</summary>
public sealed class ExportSatisfactionReport(SatisfactionReport report)
{
    public async Task<Result<Stream>> Handle(ReportPeriod period, string? staffId, bool english, CancellationToken cancellationToken = default)
    {
        var made = await report.Handle(period, staffId, cancellationToken);
        if (!made.Succeeded)
            return Result<Stream>.Fail(made.Errors);
        var r = made.Value!;
        static double? N(double? v) => v is { } x ? Math.Round(x, 1) : null;   // numbers as numbers: Excel sums and charts them
        static string F(double? v) => v?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—";
        static int I(int v) => v;
        string T(string zh, string en) => english ? en : zh;
        var f = r.Figures;
        var sheets = new List<(string, IReadOnlyList<string>, IEnumerable<IReadOnlyList<object?>>)>
        {
            (T("概览", "Overview"), [T("项目", "Item"), T("本期", "This period"), T("上期", "Previous")],
            [
                [T("报告", "Report"), $"{SurveyTexts.Report(r.Status.Kind, english)} {r.Status.Period}", null],
                [T("应完成日期", "Due"), r.Status.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null],
                [T("生成状态", "Generated"), r.Status.GeneratedAt is null ? T("未生成", "Not yet") : r.Status.Late == true ? T("逾期生成", "Late") : T("按时", "On time"), null],
                [T("有效问卷", "Responses"), I(f.Responses), I(r.Previous.Responses)],
                [T("满意度指数", "Satisfaction index"), N(f.Index), N(r.Previous.Index)],
                [T("满意率 %", "Satisfied %"), N(f.SatisfiedRate), N(r.Previous.SatisfiedRate)],
                ["NPS", N(f.Nps), N(r.Previous.Nps)],
                [T("目标", "Target"), f.Target is { } t ? SurveyTexts.Target(t, english) : null, $"{F(r.Targets.CompletionValue)} / {F(r.Targets.Target)}"],
                [T("本季度指数 / 上季度", "Quarter index / previous"), N(r.QuarterIndex), N(r.PreviousQuarterIndex)],
                [T("应调查 / 完成 / 完成率 %", "Due / completed / rate %"), $"{I(r.Tasks.Due)} / {I(r.Tasks.Completed)}", N(r.Tasks.CompletionRate)],
                [T("无效问卷（不全 / 无法联系 / 档案失实）", "Invalid (incomplete / unreachable / false archive)"), $"{I(r.Tasks.Incomplete)} / {I(r.Tasks.Unreachable)} / {I(r.Tasks.FalseArchive)}", null],
                [T("超时未调查", "Overdue"), I(r.Tasks.Overdue), null],
                [T("隐性问题", "Hidden problems"), I(f.HiddenProblems), I(r.Previous.HiddenProblems)],
            ]),
            (T("维度", "Dimensions"), [T("维度", "Dimension"), T("得分", "Score"), T("答题数", "Answers")],
                r.Dimensions.Select(d => (IReadOnlyList<object?>)[SurveyTexts.Dimension(d.Dimension, english), N(d.Score), I(d.Answers)])),
            (T("问题", "Questions"), [T("问题", "Question"), T("维度", "Dimension"), T("得分", "Score"), T("上期", "Previous"), T("环比", "Change")],
                r.Questions.Select(q => (IReadOnlyList<object?>)[q.Text, SurveyTexts.Dimension(q.Dimension, english), N(q.Score), N(q.Previous), N(q.Change)])),
            (T("部门", "Departments"), [T("部门", "Department"), T("问卷数", "Responses"), T("指数", "Index"), "NPS", T("隐性问题", "Hidden problems")],
                r.Departments.Select(g => (IReadOnlyList<object?>)[g.Name, I(g.Responses), N(g.Index), N(g.Nps), I(g.HiddenProblems)])),
            (T("员工", "Staff"), [T("员工", "Staff"), T("问卷数", "Responses"), T("个人得分", "Personal score"), "NPS", T("隐性问题", "Hidden problems")],
                r.Staff.Select(g => (IReadOnlyList<object?>)[g.Name, I(g.Responses), N(g.Index), N(g.Nps), I(g.HiddenProblems)])),
        };
        if (r.Cases)
        {
            IReadOnlyList<string> headers = [T("客户", "Customer"), T("类别", "Kind"), T("部门", "Department"), T("员工", "Staff"), T("日期", "Date"), T("原因", "Reason"), T("说明", "Note"), T("分项均分", "Items"), T("总体", "Overall"), T("意见", "Comment")];
            IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<CaseView> cases) => cases.Select(c => (IReadOnlyList<object?>)
                [c.Customer, SurveyTexts.Kind(c.Kind, english), c.Department, c.Staff, c.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Reason, c.Note, N(c.ItemScore), N(c.OverallScore), c.Comment]);
            sheets.Add((T("隐性问题", "Hidden problems"), headers, Rows(r.HiddenProblems)));
            sheets.Add((T("无效问卷", "Invalid"), headers, Rows(r.Invalid)));
            sheets.Add((T("超时案例", "Overdue"), headers, Rows(r.Overdue)));
            sheets.Add((T("客户意见", "Comments"), headers, Rows(r.Comments)));
        }
        var file = new MemoryStream();
        await SpreadsheetWriter.WriteSheetsAsync(file, sheets, cancellationToken);
        file.Position = 0;
        return file;
    }
}
