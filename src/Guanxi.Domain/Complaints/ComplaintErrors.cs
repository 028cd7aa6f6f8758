using Guanxi.Domain.Common;

namespace Guanxi.Domain.Complaints;

public static class ComplaintErrors
{
    public static readonly Error NotFound = Error.NotFound("complaint.not_found", "投诉不存在。", "No such complaint.");
    public static readonly Error CustomerRequired = new("complaint.customer_required", "请选择客户。", "Choose the customer.", "customerId");
    public static readonly Error CustomerUnknown = new("complaint.customer_unknown", "客户不存在。", "No such customer.", "customerId", ErrorKind.NotFound);
    public static readonly Error OrderUnknown = new("complaint.order_unknown", "该客户没有这个订单。", "The customer has no such order.", "orderId");
    public static readonly Error ChannelRequired = new("complaint.channel", "渠道只能是 phone、email、sms、wechat、chat、visit 或 letter。", "channel is phone, email, sms, wechat, chat, visit or letter.", "channel");
    public static readonly Error SeverityRequired = new("complaint.severity", "严重程度只能是 low、medium、high 或 critical。", "severity is low, medium, high or critical.", "severity");
    public static readonly Error TouchpointRequired = new("complaint.touchpoint", "触点只能是 preSale、sale、delivery 或 afterSale。", "touchpoint is preSale, sale, delivery or afterSale.", "touchpoint");
    public static readonly Error SummaryRequired = new("complaint.summary_required", "请填写投诉摘要。", "Enter a summary of the complaint.", "summary");
    public static readonly Error SummaryTooLong = new("complaint.summary_too_long", $"摘要不能超过 {Complaint.MaxSummaryLength} 个字。", $"The summary can have at most {Complaint.MaxSummaryLength} characters.", "summary");
    public static readonly Error DetailsTooLong = new("complaint.details_too_long", $"详细情况不能超过 {Complaint.MaxDetailsLength} 个字。", $"The details can have at most {Complaint.MaxDetailsLength} characters.", "details");
    public static readonly Error CategoryRequired = new("complaint.category_required", "请选择投诉类别。", "Choose the category.", "category");
    public static readonly Error CategoryUnknown = new("complaint.category_unknown", "没有这个投诉类别。", "No such category.", "category");
    public static readonly Error NoteRequired = new("complaint.note_required", "请填写答复内容。", "Enter what the customer was told.", "note");
    public static readonly Error NoteTooLong = new("complaint.note_too_long", $"说明不能超过 {ComplaintStep.MaxNoteLength} 个字。", $"The note can have at most {ComplaintStep.MaxNoteLength} characters.", "note");
    public static readonly Error ReasonRequired = new("complaint.reason_required", "请填写原因。", "Give the reason.", "reason");
    public static readonly Error ReasonTooLong = new("complaint.reason_too_long", $"原因不能超过 {Complaint.MaxReasonLength} 个字。", $"The reason can have at most {Complaint.MaxReasonLength} characters.", "reason");
    public static readonly Error ResolutionRequired = new("complaint.resolution_required", "请填写处理结果。", "Enter how the complaint was resolved.", "resolution");
    public static readonly Error ResolutionTooLong = new("complaint.resolution_too_long", $"处理结果不能超过 {ComplaintStep.MaxNoteLength} 个字。", $"The resolution can have at most {ComplaintStep.MaxNoteLength} characters.", "resolution");
    public static readonly Error StaffRequired = new("complaint.staff_required", "请选择处理人。", "Choose who handles it.", "staffId");
    public static readonly Error StaffUnsuited = new("complaint.staff_unsuited", "该员工不存在、已停用或看不到这位客户，不能处理此投诉。", "No such active member of staff who sees this customer.", "staffId");
    public static readonly Error AlreadyAssigned = Error.Conflict("complaint.already_assigned", "此投诉已由该员工处理。", "The complaint is already assigned to them.", "staffId");
    public static readonly Error NotRecorder = Error.Forbidden("complaint.not_recorder", "只有客服人员、部门经理、销售顾问和服务顾问可以登记投诉。", "Only customer service, department managers, sales consultants and service advisors record complaints.");
    public static readonly Error NotHandler = Error.Forbidden("complaint.not_handler", "只有处理人、该部门经理、客服经理和值班经理可以处理此投诉。", "Only the assignee, the department's manager, the customer-service manager and the duty manager handle this complaint.");
    public static readonly Error NotDispatcher = Error.Forbidden("complaint.not_dispatcher", "只有该部门经理、客服经理和值班经理可以分派投诉。", "Only the department's manager, the customer-service manager and the duty manager assign complaints.");
    public static readonly Error NotSettings = Error.Forbidden("complaint.not_settings", "只有系统管理员和客服经理可以修改投诉类别和时限规则。", "Only administrators and the customer-service manager change the complaint categories and time rules.");
    public static readonly Error NotProblems = Error.Forbidden("complaint.not_problems", "只有客服经理和公司领导可以查看待改进问题。", "Only the customer-service manager and leadership read the problems for improvement.");
    public static readonly Error Filter = new("complaint.filter", "status 只能是 new、assigned、responded、onHold、resolved 或 closed；severity 只能是 low、medium、high 或 critical。", "status is new, assigned, responded, onHold, resolved or closed; severity is low, medium, high or critical.", "status");
    public static readonly Error Factor = new("complaint.factor", "严重程度系数须在 0.05 到 1 之间。", "Severity factors are between 0.05 and 1.", "factors");
    public static readonly Error WarnAt = new("complaint.warn_at", "预警点须在 0.1 到 0.99 之间（如 0.75 即用去 75% 时预警）。", "warnAt is between 0.1 and 0.99 (0.75: warn when 75% of the time is used).", "warnAt");
    public static readonly Error EscalationStep = new("complaint.escalation_step", "升级间隔须在 0.1 到 5 之间（如 0.5 即每再过时限的 50% 升一级）。", "escalationStep is between 0.1 and 5 (0.5: one more level after each further 50% of the time).", "escalationStep");
    public static readonly Error CategoryCount = new("complaint.category_count", $"类别须有 1 到 {ComplaintCategory.MaxCategories} 个。", $"Give 1 to {ComplaintCategory.MaxCategories} categories.", "categories");
    public static readonly Error CategoryCode = new("complaint.category_code", $"代码须以字母开头，只含字母、数字、- 和 _，不超过 {ComplaintCategory.MaxCodeLength} 个字符。", $"A code starts with a letter and has letters, digits, - and _ (at most {ComplaintCategory.MaxCodeLength}).", "code");
    public static readonly Error CategoryDuplicate = new("complaint.category_duplicate", "代码重复。", "The code is used twice.", "code");
    public static readonly Error CategoryName = new("complaint.category_name", $"请填写名称（不超过 {ComplaintCategory.MaxNameLength} 个字）。", $"Enter the name (at most {ComplaintCategory.MaxNameLength} characters).", "name");
    public static readonly Error CategoryParent = new("complaint.category_parent", "上级类别不存在。", "No such parent category.", "parentCode");
    public static readonly Error CategoryCycle = new("complaint.category_cycle", "类别不能是自己的上级。", "A category cannot be its own ancestor.", "parentCode");

    /// <summary>A second request for the complaint's satisfaction check (a 409 with the survey task asked before, <c>taskId</c>).</summary>
    public static Error CheckAlreadyAsked(Guid taskId) => Error.Conflict("complaint.check_already_asked", "已请求过此投诉的满意度回访（每个投诉一次）。",
        "The satisfaction check of this complaint was already requested (once per complaint).") with { Extensions = new Dictionary<string, object?> { ["taskId"] = taskId } };

    public static Error CategoriesInUse(IEnumerable<string> codes) => Error.Conflict("complaint.categories_in_use",
        $"以下类别已有投诉，不能删除：{string.Join("、", codes)}。", $"These categories have complaints and cannot be removed: {string.Join(", ", codes)}.", "categories");

    /// <summary>The complaint's state does not allow the action (a 409): "当前状态为「已关闭」，不能解决。".</summary>
    public static Error NotNow(ComplaintAction action, ComplaintStatus status) => Error.Conflict($"complaint.cannot_{action.ToString().ToLowerInvariant()}",
        $"投诉当前状态为「{ComplaintTexts.Status(status, false)}」，不能{ComplaintTexts.Action(action, false)}。",
        $"The complaint is {ComplaintTexts.Status(status, true).ToLowerInvariant()}: it cannot be {ComplaintTexts.Done(action)} now.", "status");
}
