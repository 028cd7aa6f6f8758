namespace Guanxi.Domain.Complaints;

/// <summary>A complaint's states, severities, steps and actions as people read them, in Chinese and English.</summary>
public static class ComplaintTexts
{
    public static string Status(ComplaintStatus status, bool english) => status switch
    {
        ComplaintStatus.New => english ? "New" : "待分派",
        ComplaintStatus.Assigned => english ? "Assigned" : "已分派",
        ComplaintStatus.Responded => english ? "Responded" : "已答复",
        ComplaintStatus.OnHold => english ? "On hold" : "等待客户",
        ComplaintStatus.Resolved => english ? "Resolved" : "已解决",
        _ => english ? "Closed" : "已关闭",
    };

    public static string Severity(ComplaintSeverity severity, bool english) => severity switch
    {
        ComplaintSeverity.Critical => english ? "Critical" : "紧急",
        ComplaintSeverity.High => english ? "High" : "严重",
        ComplaintSeverity.Medium => english ? "Medium" : "一般",
        _ => english ? "Low" : "轻微",
    };

    public static string Action(ComplaintAction action, bool english) => action switch
    {
        ComplaintAction.Assign => english ? "Assign" : "分派",
        ComplaintAction.Respond => english ? "Respond" : "答复",
        ComplaintAction.Hold => english ? "Wait for customer" : "等待客户",
        ComplaintAction.Resume => english ? "Resume" : "恢复处理",
        ComplaintAction.Resolve => english ? "Resolve" : "解决",
        ComplaintAction.Close => english ? "Close" : "关闭",
        ComplaintAction.Reopen => english ? "Reopen" : "重新打开",
        _ => english ? "Check satisfaction" : "回访确认满意度",
    };

    /// <summary>The action in a sentence: "it cannot be resolved now".</summary>
    public static string Done(ComplaintAction action) => action switch
    {
        ComplaintAction.Assign => "assigned",
        ComplaintAction.Respond => "responded to",
        ComplaintAction.Hold => "put on hold",
        ComplaintAction.Resume => "resumed",
        ComplaintAction.Resolve => "resolved",
        ComplaintAction.Close => "closed",
        ComplaintAction.Reopen => "reopened",
        _ => "checked with the customer",
    };

    public static string Step(ComplaintStepKind kind, bool english) => kind switch
    {
        ComplaintStepKind.Received => english ? "Received" : "受理",
        ComplaintStepKind.Assigned => english ? "Assigned" : "分派",
        ComplaintStepKind.Responded => english ? "Responded" : "答复",
        ComplaintStepKind.Held => english ? "Waiting for the customer" : "等待客户",
        ComplaintStepKind.Resumed => english ? "Resumed" : "恢复处理",
        ComplaintStepKind.Resolved => english ? "Resolved" : "解决",
        ComplaintStepKind.Closed => english ? "Closed" : "关闭",
        ComplaintStepKind.Reopened => english ? "Reopened" : "重新打开",
        ComplaintStepKind.Warned => english ? "Time running out" : "即将超时预警",
        ComplaintStepKind.Escalated => english ? "Escalated" : "超时升级",
        ComplaintStepKind.CheckAsked => english ? "Satisfaction check requested" : "请求回访确认满意度",
        _ => english ? "Satisfaction check answered" : "满意度回访结果",
    };

    /// <summary>A satisfaction check's verdict: satisfied, not satisfied, customer not reached.</summary>
    public static string Verdict(bool? satisfied, bool english) => satisfied switch
    {
        true => english ? "The customer is satisfied" : "客户满意",
        false => english ? "The customer is NOT satisfied" : "客户不满意",
        null => english ? "The customer was not reached" : "未能完成回访",
    };

    public static string Target(SlaTarget target, bool english) => target == SlaTarget.Response ? english ? "response" : "响应" : english ? "resolution" : "解决";

    /// <summary>Who an escalation level goes to.</summary>
    public static string Level(int level, bool english) => level switch
    {
        1 => english ? "the assignee" : "处理人",
        2 => english ? "the department manager" : "部门经理",
        3 => english ? "the customer-service manager" : "客服经理",
        _ => english ? "the executive VP" : "执行副总经理",
    };
}
