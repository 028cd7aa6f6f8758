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

    /// <summary>SAT-16: why a customer stopped coming.</summary>
    public static readonly IReadOnlyList<Question> Churn =
    [
        Q("reason", "您近期较少来店的主要原因是什么？", "What is the main reason you have not come back lately?", Dimension.Image, AnswerScale.Text),
        Q("price", "与其他经销商相比，本店的价格如何？", "How do our prices compare with other dealers'?", Dimension.Reliability),
        Q("attitude", "本店员工的服务态度如何？", "How was our staff's attitude?", Dimension.Empathy),
        Q("convenience", "来店是否方便（位置、预约、等候时间）？", "How convenient is it to come to us (location, booking, waiting)?", Dimension.Tangibles),
        Q("overall", "您对本店的总体满意度（1–10 分）", "Overall, how satisfied are you with us (1–10)?", Dimension.Overall, AnswerScale.OneToTen),
        Q("return", "如有合适的优惠，您是否愿意再次光临？", "Would you come back for a suitable offer?", Dimension.Image, AnswerScale.YesNo),
    ];

    /// <summary>SAT-16: a key (VIP, important) customer's view of the account.</summary>
    public static readonly IReadOnlyList<Question> KeyCustomer =
    [
        Q("manager", "客户经理的响应是否及时？", "Does your account manager respond promptly?", Dimension.Responsiveness),
        Q("needs", "客户经理是否了解贵单位的需求？", "Does your account manager understand your needs?", Dimension.Empathy),
        Q("fleet", "车辆维保（预约、进度、质量）是否满意？", "Are you satisfied with servicing (booking, progress, quality)?", Dimension.Reliability),
        Q("billing", "账单与结算是否清楚准确？", "Are bills and settlement clear and correct?", Dimension.Assurance),
        Q("premises", "接待与等候环境如何？", "How are our reception and waiting areas?", Dimension.Tangibles),
        Q("overall", "您对本店的总体满意度（1–10 分）", "Overall, how satisfied are you with us (1–10)?", Dimension.Overall, AnswerScale.OneToTen),
        Q("recommend", "您向合作伙伴推荐本店的可能性有多大（0–10 分）？", "How likely are you to recommend us to partners (0–10)?", Dimension.Recommendation, AnswerScale.ZeroToTen),
        Q("comment", "您对我们还有什么要求或建议？", "What else should we do for you?", Dimension.Image, AnswerScale.Text, required: false),
    ];

    /// <summary>SVC-2: 投诉处理回访 — the customer of a resolved complaint asked whether it was handled to their satisfaction (<see cref="Domain.Complaints.ComplaintCheck"/>).</summary>
    public static readonly IReadOnlyList<Question> ComplaintFollowUp =
    [
        Q("overall", "您对本次投诉的处理结果总体是否满意（1–10 分）？", "Overall, how satisfied are you with how your complaint was handled (1–10)?", Dimension.Overall, AnswerScale.OneToTen),
        Q(Domain.Complaints.ComplaintCheck.SolvedQuestionId, "您反映的问题是否已经真正解决？", "Is the problem you reported really solved?", Dimension.Reliability, AnswerScale.YesNo),
        Q("speed", "我们处理您的投诉是否及时？", "Did we handle your complaint promptly?", Dimension.Responsiveness),
        Q("attitude", "处理人员的态度如何？", "How was the attitude of the staff who handled it?", Dimension.Empathy),
        Q("comment", "您还有什么意见或建议？", "Anything else you would like to tell us?", Dimension.Image, AnswerScale.Text, required: false),
    ];

    public const string ComplaintFollowUpName = "投诉处理回访问卷";

    private static readonly (QuestionnaireKind Kind, string Name, string NameEn, IReadOnlyList<Question> Questions)[] Standard =
    [
        (QuestionnaireKind.Sales, "客户满意度调查问卷（销售部分）", "Customer satisfaction survey (sales)", Sales),
        (QuestionnaireKind.AfterSales, "客户满意度调查问卷（售后部分）", "Customer satisfaction survey (after-sales)", AfterSales),
        (QuestionnaireKind.OpinionCard, "客户意见卡", "Customer opinion card", OpinionCard),
        (QuestionnaireKind.Custom, "流失客户原因调查", "Churned customers: why they left", Churn),
        (QuestionnaireKind.Custom, "大客户满意度调查", "Key customer satisfaction survey", KeyCustomer),
        (QuestionnaireKind.Custom, ComplaintFollowUpName, "Complaint follow-up", ComplaintFollowUp),
    ];

    /// <summary>
    /// SAT-15/16: the programs of the procedure, written once, inactive until customer service switches them on: the weekly
    /// callback of 80% of closed repair jobs, monthly home visits (10 households), quarterly visits to 10% of households,
    /// churn-reason calls, key-customer visits and a monthly random sample.
    /// </summary>
    private static IEnumerable<ProgramDefinition> StandardPrograms(Func<string, Guid> questionnaire) =>
    [
        new("维修结案客户每周回访", ProgramPopulation.ClosedRepairJobs, 0.8, null, ProgramCadence.Weekly, 7, questionnaire("客户满意度调查问卷（售后部分）"), ProgramMethod.Phone, false),
        new("每月客户家访", ProgramPopulation.Households, null, 10, ProgramCadence.Monthly, 30, questionnaire("客户意见卡"), ProgramMethod.Visit, false),
        new("季度客户走访", ProgramPopulation.Households, 0.1, null, ProgramCadence.Quarterly, 90, questionnaire("客户意见卡"), ProgramMethod.Visit, false),
        new("流失客户原因调查", ProgramPopulation.ChurnedCustomers, 1, null, ProgramCadence.Monthly, 14, questionnaire("流失客户原因调查"), ProgramMethod.Phone, false),
        new("大客户满意度走访", ProgramPopulation.KeyCustomers, 0.25, null, ProgramCadence.Quarterly, 30, questionnaire("大客户满意度调查"), ProgramMethod.Visit, false),
        new("客户随机抽样调查", ProgramPopulation.AllCustomers, null, 30, ProgramCadence.Monthly, 14, questionnaire("客户意见卡"), ProgramMethod.Phone, false),
    ];

    /// <summary>
    /// SVC-2: the program of the resolved complaints' satisfaction checks — on request (a complaint's handler asks; never
    /// drawn), by phone, due on the 3rd working day, active from the start; written once, when no such program exists.
    /// </summary>
    private static ProgramDefinition ComplaintChecks(Func<string, Guid> questionnaire) =>
        new("投诉解决后满意度回访", ProgramPopulation.ResolvedComplaints, 1, null, ProgramCadence.Monthly, 3, questionnaire(ComplaintFollowUpName), ProgramMethod.Phone);

    /// <summary>Writes the standard questionnaires missing (by name), on first start the standard programs, and the complaint checks' program when missing.</summary>
    public static async Task SeedQuestionnairesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var existing = await db.Set<Questionnaire>().ToDictionaryAsync(q => q.Name, q => q.Id, cancellationToken);
        foreach (var (kind, name, nameEn, questions) in Standard.Where(q => !existing.ContainsKey(q.Name)))
        {
            var questionnaire = Questionnaire.Create(kind, name, nameEn);
            db.Add(questionnaire);
            db.Add(QuestionnaireVersion.Create(questionnaire.Id, 1, kind, questions, FirstEffective, now).Value!);
            existing[name] = questionnaire.Id;
        }
        if (!await db.Set<SurveyProgram>().AnyAsync(cancellationToken))
            db.AddRange(StandardPrograms(name => existing[name]).Select(p => SurveyProgram.Define(p, now).Value!));
        if (!await db.Set<SurveyProgram>().AnyAsync(p => p.Population == ProgramPopulation.ResolvedComplaints, cancellationToken))
            db.Add(SurveyProgram.Define(ComplaintChecks(name => existing[name]), now).Value!);
        await db.SaveChangesAsync(cancellationToken);
    }
}
