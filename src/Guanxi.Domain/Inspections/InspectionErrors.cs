using Guanxi.Domain.Common;

namespace Guanxi.Domain.Inspections;

public static class InspectionErrors
{
    public static readonly Error PlanNotFound = Error.NotFound("inspection.plan_not_found", "检查计划不存在。", "No such inspection plan.");
    public static readonly Error NotFound = Error.NotFound("inspection.not_found", "检查不存在。", "No such inspection.");
    public static readonly Error FindingNotFound = Error.NotFound("inspection.finding_not_found", "整改问题不存在。", "No such finding.");
    public static readonly Error PhotoNotFound = Error.NotFound("inspection.photo_not_found", "照片不存在。", "No such photo.");
    public static readonly Error ItemNotFound = Error.NotFound("inspection.item_not_found", "检查表中没有这一项。", "The checklist has no such item.");

    public static readonly Error NotPlanner = Error.Forbidden("inspection.not_planner", "只有执行副总经理、总经理和客服经理可以制定检查计划。",
        "Only the executive VP, the general manager and the customer-service manager plan inspections.");
    public static readonly Error NotInspector = Error.Forbidden("inspection.not_inspector", "只有被指派的检查人可以执行这次检查。",
        "Only the inspector it is assigned to carries out this inspection.");
    public static readonly Error NotOwnerAssigner = Error.Forbidden("inspection.not_owner_assigner", "只有该部门经理或检查人可以指定整改负责人。",
        "Only the department's manager or the inspector names the owner of a finding.");
    public static readonly Error NotOwner = Error.Forbidden("inspection.not_owner", "只有整改负责人可以登记整改。", "Only the finding's owner records the fix.");
    public static readonly Error NotRechecker = Error.Forbidden("inspection.not_rechecker", "只有检查人、执行副总经理、总经理和客服经理可以复查。",
        "Only the inspector, the executive VP, the general manager and the customer-service manager re-check a finding.");
    public static readonly Error NotPassRates = Error.Forbidden("inspection.not_pass_rates", "只有公司领导、客服经理和部门经理可以查看检查合格率。",
        "Only leadership, the customer-service manager and department managers read the pass rates.");

    public static readonly Error DepartmentRequired = new("inspection.department_required", "请选择部门。", "Choose the department.", "departmentId");
    public static readonly Error DepartmentUnknown = new("inspection.department_unknown", "部门不存在。", "No such department.", "departmentId");
    public static readonly Error PostRequired = new("inspection.post_required", "请填写岗位（如 销售顾问、服务顾问、前台）。", "Enter the post (e.g. sales consultant, service advisor, front desk).", "post");
    public static readonly Error PostTooLong = new("inspection.post_too_long", $"岗位不能超过 {InspectionPlan.MaxPostLength} 个字。", $"The post can have at most {InspectionPlan.MaxPostLength} characters.", "post");
    public static readonly Error PerMonth = new("inspection.per_month", $"每月检查次数须在 {InspectionPlan.MinPerMonth} 到 {InspectionPlan.MaxPerMonth} 之间。",
        $"perMonth is {InspectionPlan.MinPerMonth} to {InspectionPlan.MaxPerMonth}.", "perMonth");
    public static readonly Error InspectorRequired = new("inspection.inspector_required", "请选择检查人。", "Choose the inspector.", "inspectorId");
    public static readonly Error InspectorUnknown = new("inspection.inspector_unknown", "检查人不存在或已停用。", "No such active member of staff.", "inspectorId");
    public static readonly Error ItemCount = new("inspection.item_count", $"检查表须有 1 到 {InspectionPlan.MaxItems} 项。", $"A checklist has 1 to {InspectionPlan.MaxItems} items.", "items");
    public static readonly Error ItemName = new("inspection.item_name", $"请填写检查项名称（不超过 {ChecklistItem.MaxNameLength} 个字）。",
        $"Enter the item's name (at most {ChecklistItem.MaxNameLength} characters).", "items");
    public static readonly Error ItemTwice = new("inspection.item_twice", "检查项重复。", "The item is listed twice.", "items");
    public static readonly Error ItemUnknownInPlan = new("inspection.item_unknown_in_plan", "计划中没有这个检查项（新增的检查项不要填编号）。",
        "The plan has no item with this id (a new item comes without one).", "items");
    public static readonly Error ItemIdTwice = new("inspection.item_id_twice", "同一检查项出现了两次。", "The same item is listed twice.", "items");

    public static readonly Error AlreadyDone = Error.Conflict("inspection.already_done", "这次检查已经提交过结果（每次检查只提交一次）。",
        "The results of this inspection were already submitted (once per inspection).", "items");
    public static readonly Error ItemUnknown = new("inspection.item_unknown", "检查表中没有这一项。", "The checklist has no such item.", "items");
    public static readonly Error ItemGivenTwice = new("inspection.item_given_twice", "这一项填写了两次（每项只填一次）。", "This item is given twice (each item once).", "items");
    public static readonly Error OutcomeRequired = new("inspection.outcome", "结果只能是 pass（合格）或 fail（不合格）。", "result is pass or fail.", "items");
    public static readonly Error FailNeedsNote = new("inspection.fail_needs_note", "不合格的项目须写明发现的问题。", "A failed item needs a note saying what was found.", "items");
    public static readonly Error NoteTooLong = new("inspection.note_too_long", $"说明不能超过 {Inspection.MaxNoteLength} 个字。", $"A note can have at most {Inspection.MaxNoteLength} characters.", "note");
    public static readonly Error PhotosClosed = Error.Conflict("inspection.photos_closed", "检查结果已提交，不能再添加照片。", "The results are submitted: no more photos can be added.", "file");

    public static readonly Error OwnerRequired = new("inspection.owner_required", "请选择整改负责人。", "Choose the owner.", "ownerId");
    public static readonly Error OwnerUnsuited = new("inspection.owner_unsuited", "整改负责人须是该部门在职的员工。", "The owner must be an active member of the finding's department.", "ownerId");
    public static readonly Error DeadlineRequired = new("inspection.deadline_required", "请填写整改期限。", "Enter the deadline.", "dueOn");
    public static readonly Error DeadlineRange = new("inspection.deadline_range", $"整改期限须在今天到 {Finding.MaxDeadlineDays} 天之内。",
        $"The deadline is from today to {Finding.MaxDeadlineDays} days ahead.", "dueOn");
    public static readonly Error FixNoteRequired = new("inspection.fix_note_required", "请写明整改情况。", "Say what was done to fix it.", "note");
    public static readonly Error VerdictRequired = new("inspection.verdict_required", "请选择复查结果：passed 为 true（合格）或 false（不合格）。", "passed is true or false.", "passed");
    public static readonly Error RecheckNoteRequired = new("inspection.recheck_note_required", "复查不合格时须写明发现的问题。", "A failed re-check needs a note saying what was found.", "note");

    public static readonly Error Filter = new("inspection.filter", "status 只能是 scheduled（待检查）、overdue（已逾期）或 done（已完成）。",
        "status is scheduled, overdue or done.", "status");
    public static readonly Error FindingFilter = new("inspection.finding_filter", "status 只能是 open（待整改）、fixed（已整改待复查）或 closed（已关闭）。",
        "status is open, fixed or closed.", "status");
    public static readonly Error Period = new("inspection.period", "起止日期须都填写，起始不晚于截止，且不超过 24 个月。", "Give from and to, from not after to, at most 24 months.", "from");

    /// <summary>A second plan for the same department and post (a 409 naming it, <c>planId</c>).</summary>
    public static Error PlanExists(Guid planId) => Error.Conflict("inspection.plan_exists", "该部门的这个岗位已有检查计划，请修改原计划。",
        "This department's post already has a plan: change that one.", "post") with { Extensions = new Dictionary<string, object?> { ["planId"] = planId } };

    /// <summary>The items of the checklist the results leave out.</summary>
    public static Error ItemsMissing(IEnumerable<string> names) => new("inspection.items_missing",
        $"检查表的每一项都要填写一次，缺少：{string.Join("、", names)}。", $"Every item of the checklist is given once; missing: {string.Join(", ", names)}.", "items");

    /// <summary>The finding's state does not allow the action (a 409).</summary>
    public static Error FindingNotNow(FindingAction action, FindingStatus status) => (action, status) switch
    {
        (FindingAction.Fix, FindingStatus.Open) => Error.Conflict("inspection.finding_no_owner", "尚未指定整改负责人。", "No owner is named yet.", "status"),
        (FindingAction.Recheck, FindingStatus.Open) => Error.Conflict("inspection.finding_not_fixed", "整改尚未完成，不能复查。", "The fix is not recorded yet: nothing to re-check.", "status"),
        (_, FindingStatus.Closed) => Error.Conflict("inspection.finding_closed", "该问题已关闭。", "The finding is closed.", "status"),
        _ => Error.Conflict("inspection.finding_fixed", "已登记整改，等待复查。", "The fix is recorded and waits for its re-check.", "status"),
    };
}
