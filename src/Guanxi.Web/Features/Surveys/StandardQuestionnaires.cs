using Guanxi.Domain.Surveys;
using Guanxi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Surveys;

/// <summary>
/// The questionnaires a dealer starts with (SAT-8, SAT-13, SAT-15): sales and after-sales, each about ten questions in the
/// SERVQUAL dimensions with one overall question and one willingness to recommend, and an opinion card. Written once, on
/// an empty database; from then on they change only through change requests.
/// </summary>
public static class StandardQuestionnaires
{
    /// <summary>A Monday long enough ago that demo history falls under version 1.</summary>
    public static readonly DateOnly FirstEffective = new(2024, 1, 1);

    private static Question Q(string id, string zh, string en, Dimension dimension, AnswerScale scale = AnswerScale.OneToFive, bool required = true) =>
        new(id, zh, en, dimension, scale, required);

    public static readonly IReadOnlyList<Question> Sales =
    [
        Q("showroom", "展厅环境是否整洁、舒适？", "Was the showroom clean and comfortable?", Dimension.Tangibles),
        Q("reception", "进店后是否得到及时接待？", "Were you received promptly when you came in?", Dimension.Responsiveness),
        Q("consultant", "销售顾问的专业性（车辆介绍、解答问题）如何？", "How professional was the sales consultant (presenting the car, answering questions)?", Dimension.Assurance),
        Q("needs", "销售顾问是否理解您的需求？", "Did the sales consultant understand your needs?", Dimension.Empathy),
        Q("testDrive", "是否为您安排了试驾？", "Were you offered a test drive?", Dimension.Empathy, AnswerScale.YesNo),
        Q("price", "价格与各项费用是否说明清楚、透明？", "Were the price and every fee explained clearly?", Dimension.Reliability),
        Q("onTime", "是否按约定时间交车？", "Was the car delivered on the agreed day?", Dimension.Reliability, AnswerScale.YesNo),
        Q("handover", "交车过程（车辆清洁、功能讲解、手续办理）是否满意？", "How was the handover (clean car, features explained, paperwork)?", Dimension.Assurance),
        Q("image", "本店给您的整体印象（品牌形象、诚信）如何？", "How do you see us as a dealer (brand image, honesty)?", Dimension.Image),
        Q("overall", "您对本次购车经历的总体满意度（1–10 分）", "Overall, how satisfied are you with buying your car here (1–10)?", Dimension.Overall, AnswerScale.OneToTen),
        Q("recommend", "您向亲友推荐本店的可能性有多大（0–10 分）？", "How likely are you to recommend us to friends and family (0–10)?", Dimension.Recommendation, AnswerScale.ZeroToTen),
        Q("comment", "您还有什么意见或建议？", "Anything else you would like to tell us?", Dimension.Image, AnswerScale.Text, required: false),
    ];

    public static readonly IReadOnlyList<Question> AfterSales =
    [
        Q("booking", "预约与接待是否及时？", "Were booking and reception prompt?", Dimension.Responsiveness),
        Q("advisor", "服务顾问是否清楚说明了维修项目和费用？", "Did the service advisor explain the work and its cost clearly?", Dimension.Assurance),
        Q("price", "结算费用与事先说明是否一致？", "Was the bill what you had been told beforehand?", Dimension.Reliability, AnswerScale.YesNo),
        Q("fixed", "车辆问题是否一次修好？", "Was the problem fixed the first time?", Dimension.Reliability, AnswerScale.YesNo),
        Q("onTime", "是否按约定时间交车？", "Was the car ready when promised?", Dimension.Reliability, AnswerScale.YesNo),
        Q("lounge", "休息区环境与等候体验如何？", "How were the lounge and the wait?", Dimension.Tangibles),
        Q("clean", "交车时车辆是否清洁？", "Was the car clean when you collected it?", Dimension.Tangibles, AnswerScale.YesNo),
        Q("explain", "交车时是否向您讲解了维修情况和用车建议？", "Were the work done and advice for the car explained at collection?", Dimension.Empathy),
        Q("overall", "您对本次维修保养服务的总体满意度（1–10 分）", "Overall, how satisfied are you with this service visit (1–10)?", Dimension.Overall, AnswerScale.OneToTen),
        Q("recommend", "您向亲友推荐本店售后服务的可能性有多大（0–10 分）？", "How likely are you to recommend our service to friends and family (0–10)?", Dimension.Recommendation, AnswerScale.ZeroToTen),
        Q("comment", "您还有什么意见或建议？", "Anything else you would like to tell us?", Dimension.Image, AnswerScale.Text, required: false),
    ];

    public static readonly IReadOnlyList<Question> OpinionCard =
    [
        Q("attitude", "服务态度", "Attitude of our staff", Dimension.Empathy, AnswerScale.Words),
        Q("speed", "办事效率", "Speed of service", Dimension.Responsiveness, AnswerScale.Words),
        Q("environment", "环境设施", "Premises and facilities", Dimension.Tangibles, AnswerScale.Words),
        Q("price", "价格合理", "Fair prices", Dimension.Reliability, AnswerScale.Words),
        Q("overall", "总体评价", "Overall", Dimension.Overall, AnswerScale.Words),
        Q("comment", "意见与建议（可不署名）", "Comments (no name needed)", Dimension.Image, AnswerScale.Text, required: false),
    ];

    public static async Task SeedQuestionnairesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
        if (await db.Set<Questionnaire>().AnyAsync(cancellationToken))
            return;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var (kind, name, nameEn, questions) in new[]
        {
            (QuestionnaireKind.Sales, "客户满意度调查问卷（销售部分）", "Customer satisfaction survey (sales)", Sales),
            (QuestionnaireKind.AfterSales, "客户满意度调查问卷（售后部分）", "Customer satisfaction survey (after-sales)", AfterSales),
            (QuestionnaireKind.OpinionCard, "客户意见卡", "Customer opinion card", OpinionCard),
        })
        {
            var questionnaire = Questionnaire.Create(kind, name, nameEn);
            db.Add(questionnaire);
            db.Add(QuestionnaireVersion.Create(questionnaire.Id, 1, kind, questions, FirstEffective, now).Value!);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
