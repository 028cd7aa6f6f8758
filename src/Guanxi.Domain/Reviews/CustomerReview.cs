using Guanxi.Domain.Common;

namespace Guanxi.Domain.Reviews;

/// <summary>
/// ARC-6: one customer's review in a cycle, beside the owner's review task (same id). It keeps the amounts compared and
/// the cause flagged; filing it records the category and the owner's note.
/// </summary>
public sealed class CustomerReview
{
    public const int MaxNoteLength = 480;

    private CustomerReview()
    {
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public Guid CustomerId { get; private set; }
    public decimal AmountBefore { get; private set; }
    public decimal AmountNow { get; private set; }
    public ReviewCause? Cause { get; private set; }
    public string? CauseNote { get; private set; }
    public string? CauseNoteEn { get; private set; }
    public ReviewCategory? Category { get; private set; }
    public string? Note { get; private set; }

    public static CustomerReview Open(Guid taskId, Guid cycleId, Guid customerId, decimal amountBefore, decimal amountNow, (ReviewCause Cause, string Zh, string En)? cause) => new()
    {
        Id = taskId, CycleId = cycleId, CustomerId = customerId, AmountBefore = amountBefore, AmountNow = amountNow,
        Cause = cause?.Cause, CauseNote = cause?.Zh, CauseNoteEn = cause?.En,
    };

    /// <summary>A flagged customer needs the cause written down; an ordinary review may be filed with the category alone.</summary>
    public Result<CustomerReview> File(ReviewCategory? category, string? note)
    {
        if (Category is not null)
            return ReviewErrors.AlreadyFiled;
        var errors = new List<Error>();
        if (category is not { } c || !Enum.IsDefined(c))
            errors.Add(ReviewErrors.CategoryRequired);
        if (Cause is not null && string.IsNullOrWhiteSpace(note))
            errors.Add(ReviewErrors.NoteRequired);
        if (note?.Trim().Length > MaxNoteLength)
            errors.Add(ReviewErrors.NoteTooLong);
        if (errors.Count > 0)
            return Result<CustomerReview>.Fail([.. errors]);
        (Category, Note) = (category, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        return this;
    }

    /// <summary>What the review task's outcome reads: 归档为重要：note.</summary>
    public (string Zh, string En) Outcome => (
        $"归档为{Category!.Value.Chinese()}" + (Note is null ? "" : $"：{Note}"),
        $"Filed as {Category!.Value.English()}" + (Note is null ? "" : $": {Note}"));
}
