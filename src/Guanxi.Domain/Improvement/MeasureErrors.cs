using Guanxi.Domain.Common;

namespace Guanxi.Domain.Improvement;

public static class MeasureErrors
{
    public static readonly Error NotFound = Error.NotFound("measure.not_found", "找不到该改进措施。", "The improvement measure does not exist.");
    public static readonly Error InspectionNotFound = Error.NotFound("measure.inspection_not_found", "找不到该检查记录。", "The inspection does not exist on this measure.");
    public static readonly Error ActionNotFound = Error.NotFound("measure.action_not_found", "找不到该改进行动。", "The action does not exist in the current plan.");
    public static readonly Error NotRaiser = Error.Forbidden("measure.not_raiser", "只有客服经理和公司领导可以提出改进措施。", "Only the customer-service manager and leadership raise improvement measures.");
    public static readonly Error NotVp = Error.Forbidden("measure.not_vp", "只有执行副总经理可以这样做。", "Only the executive VP does this.");
    public static readonly Error NotDepartmentManager = Error.Forbidden("measure.not_department_manager", "只有责任部门经理可以这样做。", "Only the responsible department's manager does this.");
    public static readonly Error NotAnalyst = Error.Forbidden("measure.not_analyst", "只有责任部门经理、客服经理和执行副总经理可以填写原因分析和应急措施。", "Only the responsible department's manager, the customer-service manager and the executive VP write the analysis and containment.");
    public static readonly Error NotInspector = Error.Forbidden("measure.not_inspector", "只有客服经理和执行副总经理可以检查改进措施。", "Only the customer-service manager and the executive VP inspect measures.");
    public static readonly Error NotActionOwner = Error.Forbidden("measure.not_action_owner", "只有该行动的负责人或责任部门经理可以登记完成。", "Only the action's owner or the department's manager records it as done.");
    public static readonly Error NotAcceptor = Error.Forbidden("measure.not_acceptor", "验收由执行副总经理、客服经理和责任部门经理共同进行。", "The executive VP, the customer-service manager and the department's manager accept a measure.");
    public static readonly Error NotCoordinator = Error.Forbidden("measure.not_coordinator", "只有责任部门经理、客服经理和执行副总经理可以请其他部门协同。", "Only the responsible manager, the customer-service manager and the executive VP involve other departments.");
    public static readonly Error NotInvolvedManager = Error.Forbidden("measure.not_involved_manager", "只有协同部门的经理可以确认或上报协同。", "Only the involved department's manager confirms or escalates its part.");
    public static readonly Error NotSettingsEditor = Error.Forbidden("measure.not_settings_editor", "只有管理员和执行副总经理可以修改改进措施设置。", "Only an administrator and the executive VP change the improvement settings.");

    public static readonly Error SourceUnknown = new("measure.source_unknown", "来源只能是 surveyProblem、complaint、crisisWarning、inspectionFinding 或 manual。", "The source kind must be surveyProblem, complaint, crisisWarning, inspectionFinding or manual.", "source.kind");
    public static readonly Error SourceIdRequired = new("measure.source_id_required", "请指明来源问题。", "Name the problem the measure comes from.", "source.id");
    public static readonly Error ManualHasNoSource = new("measure.manual_has_no_source", "手工提出的措施没有来源问题，请不要填写来源编号。", "A measure raised by hand has no source id.", "source.id");
    public static readonly Error SourceNotFound = new("measure.source_not_found", "找不到该来源问题。", "The problem does not exist.", "source.id");
    public static readonly Error SourceTaken = Error.Conflict("measure.source_taken", "该问题已有改进措施。", "This problem already has an improvement measure.", "source.id");
    public static readonly Error TitleRequired = new("measure.title_required", "请填写措施标题。", "Enter the measure's title.", "title");
    public static readonly Error TitleTooLong = new("measure.title_too_long", $"措施标题不能超过 {Measure.MaxTitleLength} 个字。", $"The title can have at most {Measure.MaxTitleLength} characters.", "title");
    public static readonly Error DescriptionRequired = new("measure.description_required", "请描述问题。", "Describe the problem.", "description");
    public static readonly Error DescriptionTooLong = new("measure.description_too_long", $"问题描述不能超过 {Measure.MaxTextLength} 个字。", $"The description can have at most {Measure.MaxTextLength} characters.", "description");
    public static readonly Error DepartmentNotFound = new("measure.department_not_found", "找不到该部门。", "The department does not exist.", "departmentId");
    public static readonly Error OpinionRequired = new("measure.opinion_required", "请填写改进意见。", "Write the opinion.", "opinion");
    public static readonly Error OpinionTooLong = new("measure.opinion_too_long", $"改进意见不能超过 {Measure.MaxTextLength} 个字。", $"The opinion can have at most {Measure.MaxTextLength} characters.", "opinion");
    public static readonly Error OpinionAfterSigning = Error.Conflict("measure.opinion_after_signing", "责任部门已签收，不能再改意见。", "The department has signed; the opinion can no longer change.");
    public static readonly Error NoOpinionYet = Error.Conflict("measure.no_opinion_yet", "执行副总经理尚未填写意见，还不能签收。", "The executive VP has not written an opinion yet.");
    public static readonly Error AlreadySigned = Error.Conflict("measure.already_signed", "该措施已签收。", "The measure has already been signed for.");
    public static readonly Error CausesRequired = new("measure.causes_required", "请填写原因分析（可按 5 个为什么逐条填写）。", "Write the causes (the 5 whys, one per line).", "causes");
    public static readonly Error TooManyCauses = new("measure.too_many_causes", $"原因最多 {Measure.MaxCauses} 条。", $"At most {Measure.MaxCauses} causes.", "causes");
    public static readonly Error CauseTooLong = new("measure.cause_too_long", $"每条原因不能超过 {Measure.MaxNoteLength} 个字。", $"A cause can have at most {Measure.MaxNoteLength} characters.", "causes");
    public static readonly Error CategoryRequired = new("measure.category_required", "请选择原因类别：人、机、料、法、环、测或其他。", "Choose the cause's category: people, machine, material, method, environment, measurement or other.", "causeCategory");
    public static readonly Error SuggestionRequired = new("measure.suggestion_required", "请填写改进建议。", "Write the suggestion.", "suggestion");
    public static readonly Error SuggestionTooLong = new("measure.suggestion_too_long", $"改进建议不能超过 {Measure.MaxTextLength} 个字。", $"The suggestion can have at most {Measure.MaxTextLength} characters.", "suggestion");
    public static readonly Error ContainmentRequired = new("measure.containment_required", "请填写应急措施。", "Describe the containment action.", "action");
    public static readonly Error ContainmentTooLong = new("measure.containment_too_long", $"应急措施不能超过 {Measure.MaxTextLength} 个字。", $"The containment can have at most {Measure.MaxTextLength} characters.", "action");
    public static readonly Error NotSignedYet = Error.Conflict("measure.not_signed_yet", "责任部门签收后才能制定改进计划。", "The plan comes after the department has signed.");
    public static readonly Error AlreadyPlanned = Error.Conflict("measure.already_planned", "改进计划已制定；如需变更请提交计划变更并说明理由。", "The plan is set; change it with a plan change and its reason.");
    public static readonly Error AnalyseFirst = Error.Conflict("measure.analyse_first", "请先完成原因分析和改进建议，再制定计划。", "Write the cause analysis and suggestion before the plan.");
    public static readonly Error AnalyseAgainFirst = Error.Conflict("measure.analyse_again_first", "措施已重新打开，请先重新分析原因，再制定新计划。", "The measure was reopened: analyse the cause again before a new plan.");
    public static readonly Error NoPlanYet = Error.Conflict("measure.no_plan_yet", "还没有改进计划。", "There is no plan yet.");
    public static readonly Error Closed = Error.Conflict("measure.closed", "该措施已验收关闭。", "The measure is closed.");
    public static readonly Error DueRequired = new("measure.due_required", "请填写完成期限。", "Enter the deadline.", "dueOn");
    public static readonly Error DueInPast = new("measure.due_in_past", "期限不能早于今天。", "The deadline cannot be before today.", "dueOn");
    public static readonly Error ActionsRequired = new("measure.actions_required", "计划至少要有一项行动。", "A plan has at least one action.", "actions");
    public static readonly Error TooManyActions = new("measure.too_many_actions", $"一个计划最多 {Measure.MaxActions} 项行动。", $"A plan has at most {Measure.MaxActions} actions.", "actions");
    public static readonly Error ActionMissing = new("measure.action_missing", "这一项行动是空的。", "This action is empty.", "actions");
    public static readonly Error ActionTitleRequired = new("measure.action_title_required", "请填写行动内容。", "Describe the action.", "actions");
    public static readonly Error ActionTitleTooLong = new("measure.action_title_too_long", $"行动内容不能超过 {MeasureAction.MaxTitleLength} 个字。", $"An action can have at most {MeasureAction.MaxTitleLength} characters.", "actions");
    public static readonly Error ActionOwnerRequired = new("measure.action_owner_required", "请指定行动负责人。", "Name the action's owner.", "actions");
    public static readonly Error ActionDueRequired = new("measure.action_due_required", "请填写行动期限。", "Enter the action's day.", "actions");
    public static readonly Error ActionOwnerUnknown = new("measure.action_owner_unknown", "找不到该负责人，或其账号已停用。", "The owner does not exist or is inactive.", "actions");
    public static readonly Error ActionAfterMeasure = new("measure.action_after_measure", "行动期限不能晚于措施的完成期限。", "An action's day cannot be after the measure's deadline.", "actions");
    public static readonly Error ActionAlreadyDone = Error.Conflict("measure.action_already_done", "该行动已登记完成。", "The action is already done.");
    public static readonly Error ReasonRequired = new("measure.reason_required", "请说明理由。", "Give the reason.", "reason");
    public static readonly Error ReasonTooLong = new("measure.reason_too_long", $"理由不能超过 {Measure.MaxNoteLength} 个字。", $"The reason can have at most {Measure.MaxNoteLength} characters.", "reason");
    public static readonly Error NoteTooLong = new("measure.note_too_long", $"备注不能超过 {Measure.MaxNoteLength} 个字。", $"The note can have at most {Measure.MaxNoteLength} characters.", "note");
    public static Error ActionsAfterDeadline(int count) =>
        new("measure.actions_after_deadline", $"计划中有 {count} 项未完成的行动期限晚于新期限，请先由责任部门变更计划。", $"{count} undone actions are due after the new deadline; the department must change the plan first.", "dueOn");
    public static readonly Error InvolveOwnDepartment = new("measure.involve_own_department", "责任部门本身不需要协同。", "The responsible department is not involved in its own measure.", "departmentId");
    public static readonly Error AlreadyInvolved = Error.Conflict("measure.already_involved", "该部门已在协同名单中。", "The department is already involved.", "departmentId");
    public static readonly Error PartRequired = new("measure.part_required", "请说明需要该部门协同的内容。", "Say what the department is asked to do.", "part");
    public static readonly Error PartTooLong = new("measure.part_too_long", $"协同内容不能超过 {MeasureInvolvement.MaxPartLength} 个字。", $"The part can have at most {MeasureInvolvement.MaxPartLength} characters.", "part");
    public static readonly Error NotInvolved = Error.NotFound("measure.not_involved", "该部门不在协同名单中。", "The department is not involved in this measure.");
    public static readonly Error AlreadyConfirmed = Error.Conflict("measure.already_confirmed", "该部门已确认协同。", "The department has already confirmed its part.");
    public static readonly Error AlreadyEscalated = Error.Conflict("measure.already_escalated", "该协同事项已上报执行副总经理。", "The coordination has already gone to the executive VP.");
    public static readonly Error InspectionNoteRequired = new("measure.inspection_note_required", "请填写检查情况。", "Write what the inspection found.", "note");
    public static readonly Error InspectionNoteTooLong = new("measure.inspection_note_too_long", $"检查情况不能超过 {Measure.MaxTextLength} 个字。", $"The note can have at most {Measure.MaxTextLength} characters.", "note");
    public static readonly Error ProgressOutOfRange = new("measure.progress_out_of_range", "进度须在 0 到 100 之间。", "The progress must be between 0 and 100.", "progress");
    public static readonly Error AcceptanceNotOpen = Error.Conflict("measure.acceptance_not_open", "行动全部完成或到达完成期限后才能验收。", "Acceptance opens when every action is done or at the deadline.");
    public static readonly Error RefusalNeedsNote = new("measure.refusal_needs_note", "不予验收时请说明原因。", "Say why the result is not accepted.", "note");
    public static readonly Error NotPenalisable = Error.Conflict("measure.not_penalisable", "只有未按时整改或整改无明显效果的措施才能提出处罚意见。", "A penalty is proposed only for a measure not done in time or without visible effect.");
    public static readonly Error RuleRequired = new("measure.rule_required", "请填写所依据的奖惩制度条款。", "Name the rule of the reward and penalty scheme.", "rule");
    public static readonly Error RuleTooLong = new("measure.rule_too_long", $"条款不能超过 {MeasurePenalty.MaxRuleLength} 个字。", $"The rule can have at most {MeasurePenalty.MaxRuleLength} characters.", "rule");
    public static readonly Error StaffNotFound = new("measure.staff_not_found", "找不到该员工。", "The member of staff does not exist.", "staffId");
    public static readonly Error NothingToReopen = Error.Conflict("measure.nothing_to_reopen", "措施还没有计划，或已在重新分析中，无需重新打开。", "The measure has no plan yet or is already reopened.");
    public static readonly Error Filter = new("measure.filter", "筛选条件无效：status、source、causeCategory 须为列出的值之一。", "Unknown filter: status, source and causeCategory take one of the listed values.", "status");
    public static readonly Error NoMetric = Error.Conflict("measure.no_metric", "该措施尚未设定效果指标：请先选择要改善的问卷题目、维度、触点或投诉类别。", "The measure names no figure yet: choose the question, dimension, touchpoint or complaint category it should move.");
    public static readonly Error AcceptedRequired = new("measure.accepted_required", "请选择验收通过或不通过。", "Say whether the result is accepted.", "accepted");
    public static readonly Error MetricKindUnknown = new("measure.metric_kind_unknown", "指标类型只能是 questionScore、dimensionScore、complaintCount 或 touchpointSatisfaction。", "The kind must be questionScore, dimensionScore, complaintCount or touchpointSatisfaction.", "kind");
    public static readonly Error MetricUnknown = new("measure.metric_unknown", "效果指标不存在：请从列表中选择问卷题目、维度、投诉类别或接触点。", "Unknown figure: choose a question, dimension, complaint category or touchpoint from the list.", "key");
    public static readonly Error PlanDaysOutOfRange = new("measure.plan_days_out_of_range", "制定计划的期限须在 1 到 30 个工作日之间。", "The days for a plan must be between 1 and 30 working days.", "planWorkingDays");
    public static readonly Error CoordinationDaysOutOfRange = new("measure.coordination_days_out_of_range", "确认协同的期限须在 1 到 30 个工作日之间。", "The days to confirm a part must be between 1 and 30 working days.", "coordinationWorkingDays");

    // Issue 24 item 9: the monthly improvement report.
    public static readonly Error NotReportReader = Error.Forbidden("measure.not_report_reader", "改进报告供执行副总经理、总经理、客服经理和部门经理查看。", "The improvement report is for the executive VP, the general manager, the customer-service manager and department managers.");
    public static readonly Error ReportMonthInvalid = new("measure.report_month_invalid", "月份格式应为 2026-11，且不能晚于本月。", "Name the month as 2026-11, not after this month.", "month");
}
