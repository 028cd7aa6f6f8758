using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Improvement;
using Guanxi.Domain.Service;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Web.Features.Improvement;

/// <summary>A figure a measure may name, with its name in the viewer's language.</summary>
public sealed record EffectChoice(EffectMetricKind Kind, string Key, string Name);

/// <summary>The figure read: what it is, its name in the viewer's language and its unit.</summary>
public sealed record EffectMetricView(EffectMetricKind Kind, string Key, Guid DepartmentId, string Name, string Unit);

/// <summary>
/// A measure's effect as the API and the acceptance page show it: the figure before and after (each window's days, value,
/// n and weeks), the change (after − before), its direction, whether it is beyond the week-to-week noise (and the
/// p-value), the status (measured, not enough data, actions not done — then <see cref="After"/> is null), the verdict as a
/// sentence and how it is judged, both in the viewer's language.
/// </summary>
public sealed record EffectReading(EffectMetricView Metric, EffectWindow Before, EffectWindow? After, double? Change, EffectDirection? Direction,
    bool Significant, double? PValue, EffectStatus Status, string Verdict, string Method);

/// <summary>
/// Issue 24 item 7: the figure a measure names, for its department, in the weeks before the measure was raised and the weeks
/// since its actions were done (<see cref="EffectCheck.Periods"/>), judged by <see cref="EffectCheck"/>. No caller check: the
/// measure's handler has checked that the caller sees the measure; the reading holds figures only, no customer (SAT-6).
/// <para>
/// Survey figures count as the satisfaction report does: the completed responses that count (not superseded) of the routine
/// surveys (no program) of the department's survey tasks, on the day they were made — a question's and a dimension's mean
/// score over their answers, a touchpoint's mean overall score over the responses of its survey (the sales survey for 销售,
/// the after-sales survey for 售后). Complaints count by the day they were received in the enterprise's zone, the category
/// with its descendants (as the complaint list filters).
/// </para>
/// <para>
/// Fast at scale (the surveys bench: 500,000 responses, a sales department's ~8,000 a window; the effect in about 110 ms,
/// the target 200 ms, where the report's own way through the responses of the days takes 550 ms): each window is one statement. A survey window starts from the department's completed routine tasks of those days — the index
/// <see cref="MeasureEffectIndexes"/> holds them, each with its counted response (a task's <c>SurveyedOn</c> is the day of the
/// response that counts, <see cref="SurveyTask.Respond"/>) — and reads only those responses: a touchpoint's overall scores
/// summed per week in the database; a question's or a dimension's answers read whole (a few thousand responses a window)
/// and scored here by their questions' scales (<see cref="Question.Score"/>). A complaint window is read from the index on
/// department, category and time, and counted per week by its week's first instant.
/// </para>
/// </summary>
public sealed class MeasureEffects(GuanxiDbContext db, ComplaintDesk complaints, EnterpriseClock clock)
{
    private static readonly SurveyKind[] Routine = [SurveyKind.Sales, SurveyKind.AfterSales];

    public async Task<EffectReading> Read(EffectMetric metric, DateOnly raisedOn, DateOnly? actionsDoneOn, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var (before, after) = EffectCheck.Periods(raisedOn, actionsDoneOn, today);
        var versions = metric.Kind is EffectMetricKind.QuestionScore or EffectMetricKind.DimensionScore ? await Versions(cancellationToken) : [];
        var categories = metric.Kind == EffectMetricKind.ComplaintCount ? await complaints.Categories(cancellationToken) : [];
        var beforeWeeks = await Weeks(metric, before, versions, categories, cancellationToken);
        var afterWeeks = after is null ? [] : await Weeks(metric, after, versions, categories, cancellationToken);
        var result = EffectCheck.Judge(metric, before, beforeWeeks, after, afterWeeks);
        var english = Cultures.IsEnglish;
        return new EffectReading(new EffectMetricView(metric.Kind, metric.Key, metric.DepartmentId, Name(metric, versions, categories, english) ?? metric.Key, EffectCheck.Unit(metric.Kind, english)),
            result.Before, result.After, result.Change, result.Direction, result.Significant, result.PValue, result.Status, result.Sentence(english), EffectCheck.Method(metric.Kind, english));
    }

    /// <summary>
    /// What a measure of the department may name: the questions and dimensions of the routine surveys it has (both when it
    /// has none yet), their touchpoints' satisfaction, and every complaint category — in the viewer's language.
    /// </summary>
    public async Task<IReadOnlyList<EffectChoice>> Choices(Guid? departmentId, CancellationToken cancellationToken = default)
    {
        var kinds = new List<SurveyKind>();
        if (departmentId is { } d)
        {
            foreach (var kind in Routine)
            {
                if (await db.Set<SurveyTask>().AnyAsync(t => t.DepartmentId == d && t.ProgramId == null && t.Kind == kind, cancellationToken))
                    kinds.Add(kind);
            }
        }
        if (kinds.Count == 0)
            kinds.AddRange(Routine);
        var english = Cultures.IsEnglish;
        var latest = (await Versions(cancellationToken)).Values.Where(v => kinds.Contains(v.Kind)).GroupBy(v => v.Kind).Select(g => g.MaxBy(v => v.Version.Number)!).ToList();
        var scored = latest.SelectMany(v => v.Version.Questions.Where(q => q.Scale != AnswerScale.Text).Select(q => (v.Kind, Question: q))).ToList();
        var choices = new List<EffectChoice>();
        choices.AddRange(scored.GroupBy(x => x.Question.Id, StringComparer.Ordinal).Select(g => new EffectChoice(EffectMetricKind.QuestionScore, g.Key,
            string.Join("；", g.Select(x => $"{SurveyTexts.Kind(x.Kind, english)}{(english ? ": " : "：")}{(english ? x.Question.TextEn ?? x.Question.Text : x.Question.Text)}")))));
        choices.AddRange(scored.Select(x => x.Question.Dimension).Where(ItemDimension).Distinct().Order()
            .Select(dimension => new EffectChoice(EffectMetricKind.DimensionScore, dimension.ToString(), SurveyTexts.Dimension(dimension, english))));
        choices.AddRange(kinds.Order().Select(kind => new EffectChoice(EffectMetricKind.TouchpointSatisfaction, TouchpointOf(kind).ToString(), TouchpointName(TouchpointOf(kind), english))));
        choices.AddRange((await complaints.Categories(cancellationToken)).Select(c => new EffectChoice(EffectMetricKind.ComplaintCount, c.Code, c.Name)));
        return choices;
    }

    /// <summary>Null when the metric names a figure the CRM keeps; else why not, on the field <c>metric.key</c>.</summary>
    public async Task<Error?> Check(EffectMetric metric, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var known = metric.Key.Length <= EffectMetric.MaxKeyLength && !string.IsNullOrWhiteSpace(metric.Key) && metric.Kind switch
        {
            EffectMetricKind.QuestionScore => (await Versions(cancellationToken)).Values.Any(v => v.Version.Questions.Any(q => q.Id == metric.Key && q.Scale != AnswerScale.Text)),
            EffectMetricKind.DimensionScore => DimensionOf(metric.Key) is not null,
            EffectMetricKind.TouchpointSatisfaction => KindOf(metric.Key) is not null,
            EffectMetricKind.ComplaintCount => (await complaints.Categories(cancellationToken)).Any(c => c.Code == metric.Key),
            _ => false,
        };
        return known ? null : UnknownFigure;
    }

    public static readonly Error UnknownFigure = new("measure.effect_metric", "效果指标不存在：请选择问卷题目、维度、触点或投诉类别。",
        "The effect's figure is not one the CRM keeps: choose a survey question, a dimension, a touchpoint or a complaint category.", "metric.key");

    private sealed record VersionOf(QuestionnaireVersion Version, SurveyKind Kind);

    /// <summary>The routine questionnaires' versions (a few dozen rows at most), by id.</summary>
    private async Task<Dictionary<Guid, VersionOf>> Versions(CancellationToken cancellationToken)
    {
        var rows = await (from v in db.Set<QuestionnaireVersion>().AsNoTracking()
                          join q in db.Set<Questionnaire>() on v.QuestionnaireId equals q.Id
                          where q.Kind == QuestionnaireKind.Sales || q.Kind == QuestionnaireKind.AfterSales
                          select new { v, q.Kind }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.v.Id, r => new VersionOf(r.v, r.Kind == QuestionnaireKind.Sales ? SurveyKind.Sales : SurveyKind.AfterSales));
    }

    private static bool ItemDimension(Dimension dimension) => dimension is not (Dimension.Overall or Dimension.Recommendation);

    private static Dimension? DimensionOf(string key) =>
        Enum.GetValues<Dimension>().Where(ItemDimension).Select(d => (Dimension?)d).FirstOrDefault(d => string.Equals(d.ToString(), key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The routine survey of a touchpoint: the sales survey at 销售, the after-sales one at 售后 (as the service report pairs them).</summary>
    private static SurveyKind? KindOf(string key) => Routine.Select(k => (SurveyKind?)k).FirstOrDefault(k => string.Equals(TouchpointOf(k!.Value).ToString(), key, StringComparison.OrdinalIgnoreCase));

    private static Touchpoint TouchpointOf(SurveyKind kind) => kind == SurveyKind.Sales ? Touchpoint.Sale : Touchpoint.AfterSale;

    private static string TouchpointName(Touchpoint touchpoint, bool english) => english ? $"{touchpoint.English()} satisfaction" : $"{touchpoint.Chinese()}满意度";

    private static string? Name(EffectMetric metric, Dictionary<Guid, VersionOf> versions, IReadOnlyList<ComplaintCategory> categories, bool english) => metric.Kind switch
    {
        EffectMetricKind.QuestionScore => versions.Values.OrderByDescending(v => v.Version.Number).SelectMany(v => v.Version.Questions).FirstOrDefault(q => q.Id == metric.Key) is { } q
            ? english ? q.TextEn ?? q.Text : q.Text : null,
        EffectMetricKind.DimensionScore => DimensionOf(metric.Key) is { } d ? SurveyTexts.Dimension(d, english) : null,
        EffectMetricKind.TouchpointSatisfaction => KindOf(metric.Key) is { } k ? TouchpointName(TouchpointOf(k), english) : null,
        _ => categories.FirstOrDefault(c => c.Code == metric.Key)?.Name,
    };

    private async Task<IReadOnlyList<EffectWeek>> Weeks(EffectMetric metric, EffectPeriod period, Dictionary<Guid, VersionOf> versions, IReadOnlyList<ComplaintCategory> categories,
        CancellationToken cancellationToken)
    {
        if (period.Weeks == 0)
            return [];
        switch (metric.Kind)
        {
            case EffectMetricKind.ComplaintCount:
                return await ComplaintWeeks(metric.DepartmentId, ComplaintCategory.WithDescendants(categories, metric.Key), period, cancellationToken);
            case EffectMetricKind.TouchpointSatisfaction:
                return KindOf(metric.Key) is { } kind ? await OverallWeeks(metric.DepartmentId, kind, period, cancellationToken) : [];
            case EffectMetricKind.QuestionScore:
                return await AnswerWeeks(metric.DepartmentId, period, versions, q => q.Id == metric.Key, cancellationToken);
            default:
                return DimensionOf(metric.Key) is { } dimension ? await AnswerWeeks(metric.DepartmentId, period, versions, q => q.Dimension == dimension, cancellationToken) : [];
        }
    }

    /// <summary>A statement and how its parameters are bound: what each window runs (and a test explains).</summary>
    internal sealed record Statement(string Sql, Action<DbCommand> Bind);

    /// <summary>The department's completed routine survey tasks of the period joined to the responses that count, as the satisfaction report counts them.</summary>
    private static string CountedResponses(string? join = null) => $"""
        FROM "SurveyTasks" t JOIN "SurveyResponses" r ON r."Id" = t."ResponseId"{join}
        WHERE t."DepartmentId" = @department AND t."ProgramId" IS NULL AND t."Outcome" = 'Completed' AND t."SurveyedOn" >= @from AND t."SurveyedOn" <= @to
            AND r."RespondedOn" >= @from AND r."RespondedOn" <= @to AND r."SupersededBy" IS NULL AND r."ProgramId" IS NULL AND r."Outcome" = 'Completed' AND r."VersionId" IS NOT NULL
        """;

    /// <summary>The week (0, 1, …) of the period a response was made in.</summary>
    private static string Week(bool sqlite) => sqlite
        ? "(CAST(julianday(r.\"RespondedOn\") - julianday(@from) AS INTEGER) / 7)"
        : "((r.\"RespondedOn\" - @from) / 7)";

    /// <summary>A touchpoint's survey: per week, its responses with an overall score and their sum.</summary>
    internal Statement OverallStatement(Guid department, SurveyKind kind, EffectPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var sqlite = db.Database.IsSqlite();
        return new($"""
            SELECT {Week(sqlite)}, COUNT(r."OverallScore"), SUM(r."OverallScore")
            {CountedResponses()} AND t."Kind" = @kind
            GROUP BY {Week(sqlite)}
            """, command =>
        {
            Bind(command, department, period, sqlite);
            SqlValues.Parameter(command, "@kind", kind.ToString());
        });
    }

    /// <summary>The counted responses' answers, with the week and the questionnaire version of each.</summary>
    internal Statement AnswersStatement(Guid department, EffectPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var sqlite = db.Database.IsSqlite();
        return new($"""
            SELECT {Week(sqlite)}, r."VersionId", r."Answers"
            {CountedResponses()}
            """, command => Bind(command, department, period, sqlite));
    }

    /// <summary>
    /// The department's complaints of the categories, counted in one pass of the index: how many came before the end of each
    /// week (the first instant of the day after it, in the enterprise's zone).
    /// </summary>
    internal Statement ComplaintsStatement(Guid department, IReadOnlySet<string> categories, EffectPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var sqlite = db.Database.IsSqlite();
        object At(DateOnly day) => sqlite ? clock.StartOf(day).UtcTicks : clock.StartOf(day).ToUniversalTime();   // as the model stores instants
        var ends = Enumerable.Range(1, period.Weeks).Select(w => $"SUM(CASE WHEN c.\"ReceivedAt\" < @end{w} THEN 1 ELSE 0 END)");
        return new($"""
            SELECT {string.Join(", ", ends)}
            FROM "Complaints" c
            WHERE c."DepartmentId" = @department AND {(sqlite ? "c.\"Category\" IN (SELECT value FROM json_each(@categories))" : "c.\"Category\" = ANY(@categories)")}
                AND c."ReceivedAt" >= @start AND c."ReceivedAt" < @end{period.Weeks}
            """, command =>
        {
            SqlValues.Parameter(command, "@department", new SqlValues(sqlite).Id(department));
            SqlValues.Parameter(command, "@categories", sqlite ? JsonSerializer.Serialize(categories) : categories.ToArray());
            SqlValues.Parameter(command, "@start", At(period.From));
            for (var w = 1; w <= period.Weeks; w++)
                SqlValues.Parameter(command, $"@end{w}", At(period.From.AddDays(7 * w)));
        });
    }

    /// <summary>A touchpoint's satisfaction: the mean overall score of its survey's responses, per week.</summary>
    private async Task<IReadOnlyList<EffectWeek>> OverallWeeks(Guid department, SurveyKind kind, EffectPeriod period, CancellationToken cancellationToken)
    {
        var weeks = new List<EffectWeek>();
        await Query(OverallStatement(department, kind, period), reader =>
        {
            var n = Long(reader, 1);
            if (n > 0)
                weeks.Add(new EffectWeek(period.From.AddDays(7 * Long(reader, 0)), reader.GetDouble(2) / n, n));
        }, cancellationToken);
        return weeks;
    }

    /// <summary>
    /// A question's (or a dimension's questions') mean score per week: each answer to one of them scored by its question's
    /// scale in its version, as the satisfaction report scores it (<see cref="SatisfactionTally"/>). The answers are read whole
    /// and picked here, by a reader that makes a string of the answers wanted only: taking them apart in the database
    /// (SQLite's json_each) took longer than reading them, and reading every answer into objects did too.
    /// </summary>
    private async Task<IReadOnlyList<EffectWeek>> AnswerWeeks(Guid department, EffectPeriod period, Dictionary<Guid, VersionOf> versions, Func<Question, bool> counts,
        CancellationToken cancellationToken)
    {
        var wanted = versions.ToDictionary(v => v.Key, v => v.Value.Version.Questions.Where(counts).Select(q => (Id: Encoding.UTF8.GetBytes(q.Id), Question: q)).ToArray());
        var sums = new Dictionary<int, (double Sum, int N)>();
        var buffer = new ArrayBufferWriter<byte>();
        await Query(AnswersStatement(department, period), reader =>
        {
            if (!wanted.TryGetValue(reader.GetGuid(1), out var questions) || questions.Length == 0)
                return;
            var week = Long(reader, 0);
            buffer.ResetWrittenCount();
            Encoding.UTF8.GetBytes(reader.GetString(2), buffer);
            var (sum, n) = sums.GetValueOrDefault(week);
            foreach (var score in Scores(buffer.WrittenSpan, questions))
                (sum, n) = (sum + score, n + 1);
            if (n > 0)
                sums[week] = (sum, n);
        }, cancellationToken);
        return [.. sums.Select(s => new EffectWeek(period.From.AddDays(7 * s.Key), s.Value.Sum / s.Value.N, s.Value.N))];
    }

    /// <summary>The scores of the answers to the wanted questions in a response's answers (<see cref="AnswerJson"/>: <c>[{"questionId":…,"value":…}, …]</c>).</summary>
    internal static List<double> Scores(ReadOnlySpan<byte> answers, (byte[] Id, Question Question)[] wanted)
    {
        var scores = new List<double>(wanted.Length);
        var json = new Utf8JsonReader(answers);
        Question? question = null;
        string? value = null;
        var named = false;
        while (json.Read())
        {
            if (json.TokenType == JsonTokenType.StartObject)
                (question, value, named) = (null, null, false);
            else if (json.TokenType == JsonTokenType.EndObject)
            {
                if (question?.Score(value).Value is { } score)
                    scores.Add(score);
            }
            else if (json.TokenType == JsonTokenType.PropertyName && (json.ValueTextEquals("questionId"u8) || json.ValueTextEquals("QuestionId"u8)))
            {
                json.Read();
                named = true;
                foreach (var (id, q) in wanted)
                {
                    if (json.ValueTextEquals(id))
                        question = q;
                }
            }
            else if (json.TokenType == JsonTokenType.PropertyName && (json.ValueTextEquals("value"u8) || json.ValueTextEquals("Value"u8)))
            {
                json.Read();
                // Only the wanted answers' values become strings (an answer names its question first, as it is written).
                value = !named || question is not null ? (json.TokenType == JsonTokenType.Null ? null : json.GetString()) : null;
            }
        }
        return scores;
    }

    /// <summary>The department's complaints of the categories per week: the differences of the counts before each week's end.</summary>
    private async Task<IReadOnlyList<EffectWeek>> ComplaintWeeks(Guid department, IReadOnlySet<string> categories, EffectPeriod period, CancellationToken cancellationToken)
    {
        var before = new int[period.Weeks];
        await Query(ComplaintsStatement(department, categories, period), reader =>
        {
            for (var w = 0; w < period.Weeks; w++)
                before[w] = reader.IsDBNull(w) ? 0 : Long(reader, w);
        }, cancellationToken);
        return [.. period.WeekStarts.Select((start, w) =>
        {
            var count = before[w] - (w == 0 ? 0 : before[w - 1]);
            return new EffectWeek(start, count, count);
        })];
    }

    /// <summary>A whole number as either database returns it (SQLite's integers, PostgreSQL's integer, bigint or numeric sums).</summary>
    private static int Long(DbDataReader reader, int ordinal) => (int)Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static void Bind(DbCommand command, Guid department, EffectPeriod period, bool sqlite)
    {
        var values = new SqlValues(sqlite);
        SqlValues.Parameter(command, "@department", values.Id(department));
        SqlValues.Parameter(command, "@from", values.Date(period.From));
        SqlValues.Parameter(command, "@to", values.Date(period.To));
    }

    private async Task Query(Statement statement, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = statement.Sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            statement.Bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                row(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
