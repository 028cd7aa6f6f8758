using Guanxi.Domain.Common;

namespace Guanxi.Domain.Surveys;

public static class SurveyErrors
{
    public static readonly Error QuestionCount = new("survey.question_count", $"问卷须有 1 到 {QuestionnaireVersion.MaxQuestions} 个问题。", $"A questionnaire has 1 to {QuestionnaireVersion.MaxQuestions} questions.", "questions");
    public static readonly Error QuestionId = new("survey.question_id", "每个问题须有不重复的编号（不超过 40 个字符）。", "Each question needs an id of its own (at most 40 characters).", "questions");
    public static readonly Error QuestionText = new("survey.question_text", $"请填写问题内容（不超过 {Question.MaxTextLength} 个字）。", $"Enter the question (at most {Question.MaxTextLength} characters).", "questions");
    public static readonly Error OneOverall = new("survey.one_overall", "问卷须有且只有一个总体满意度问题（评分题）。", "A questionnaire has exactly one overall-satisfaction question with a scored answer.", "questions");
    public static readonly Error OneRecommendation = new("survey.one_recommendation", "销售和售后问卷须有且只有一个推荐意愿问题（0–10 分）。", "Sales and after-sales questionnaires have exactly one willingness-to-recommend question, scored 0–10.", "questions");
    public static readonly Error OpinionCard = new("survey.opinion_card", "意见卡须有 5 到 10 个问题，答案为“差、一般、好、很好”或文字。", "An opinion card has 5 to 10 questions answered poor, fair, good, very good, or in words.", "questions");
    public static readonly Error AnswerOutOfScale = new("survey.answer_out_of_scale", "答案不在该题的评分范围内。", "The answer is not on the question's scale.", "answers");
    public static readonly Error AnswerTooLong = new("survey.answer_too_long", "文字答案不能超过 1000 个字。", "A written answer has at most 1000 characters.", "answers");
    public static readonly Error ReasonRequired = new("survey.reason_required", "请说明变更理由（不超过 500 个字）。", "Give the reason for the change (at most 500 characters).", "reason");
    public static readonly Error ChangeFrozen = new("survey.change_frozen", "现行问卷实行未满一个月，暂不能申请变更。", "The current version has been in effect for less than a month: no change yet.", "draft");
    public static readonly Error ChangePending = new("survey.change_pending", "该问卷已有一项变更申请在办理或待生效。", "A change of this questionnaire is already under way or waiting to take effect.", "draft");
    public static readonly Error NotAParty = Error.Forbidden("survey.not_a_party", "只有申请部门经理、客服经理和执行副总经理可以会签问卷变更。", "Only the requesting department's manager, the customer-service manager and the executive VP agree to a change.");
    public static readonly Error AlreadyAgreed = Error.Conflict("survey.already_agreed", "您已会签过此变更申请。", "You have already agreed to this change.");
    public static readonly Error RequestClosed = Error.Conflict("survey.request_closed", "此变更申请已签发或已驳回。", "This change request has been signed off or refused.");
    public static readonly Error AnswerRequired = new("survey.answer_required", "请回答此题。", "Answer this question.", "answers");
    public static readonly Error UnknownQuestion = new("survey.unknown_question", "问卷中没有这道题。", "The questionnaire has no such question.", "answers");
    public static readonly Error WindowClosed = new("survey.window_closed", "调查时效已过，不能再录入问卷。", "The survey window has closed: no more responses.", "method");
    public static readonly Error NoteTooLong = new("survey.note_too_long", "备注不能超过 500 个字。", "A note has at most 500 characters.", "note");
    public static readonly Error InvalidNeedsNote = new("survey.invalid_needs_note", "无效问卷请说明情况。", "Say what happened when a questionnaire is invalid.", "note");
    public static readonly Error OverdueReason = new("survey.overdue_reason", "请说明未能在时效内完成调查的原因（不超过 500 个字）。", "Say why the survey was not made in time (at most 500 characters).", "reason");
    public static readonly Error LinkUsed = new("survey.link_used", "您已提交过这份问卷，感谢您的参与！", "You have already answered this questionnaire. Thank you!");

    // Refusals of SurveyAccess, and records that are not there (or not there for the caller).
    public static readonly Error NotCustomerService = Error.Forbidden("survey.not_customer_service", "只有客服部可以进行满意度调查。", "Only customer service runs satisfaction surveys.");
    public static readonly Error GenerateNotAllowed = Error.Forbidden("survey.generate_not_allowed", "只有客服经理和系统管理员可以立即生成调查任务。", "Only the customer-service manager and administrators generate tasks now.");
    public static readonly Error NoCaller = Error.Forbidden("survey.no_caller", "请先登录。", "Sign in first.");
    public static readonly Error TaskNotFound = Error.NotFound("survey.task_not_found", "没有这项调查任务。", "There is no such survey task.");
    public static readonly Error QuestionnaireNotFound = Error.NotFound("survey.questionnaire_not_found", "没有这份问卷。", "There is no such questionnaire.");
    public static readonly Error ChangeNotFound = Error.NotFound("survey.change_not_found", "没有这项问卷变更申请。", "There is no such change request.");
    public static readonly Error ProgramNotFound = Error.NotFound("survey.program_not_found", "没有这个调查方案。", "There is no such survey program.");
    public static readonly Error LinkNotFound = Error.NotFound("survey.link_not_found", "链接无效或已过期。", "The link is not valid or has expired.");
}
