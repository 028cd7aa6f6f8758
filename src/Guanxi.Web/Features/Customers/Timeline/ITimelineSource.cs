using Guanxi.Domain.Customers;

namespace Guanxi.Web.Features.Customers;

/// <summary>
/// One event of a customer's timeline as its source gives it: its kind, when, a title and a summary in the viewer's
/// language (dates in them as yyyy-MM-dd, as a kept sentence has them), the page it is seen on, and — when a member of
/// staff did it — their id (the timeline names them, for the whole page in one query). <see cref="AllDay"/>: the event
/// has a day, not a time (an order), and <see cref="At"/> is the start of that day.
/// </summary>
public sealed record TimelineEntry(string Kind, DateTimeOffset At, string Title, string? Summary, string Link, Guid Id, string? ById = null, bool AllDay = false);

/// <summary>
/// A kind of event on the customer's 时间线 (SVC-1): contacts, orders, surveys, tasks, reviews — and complaints and care
/// messages when those capabilities come. Customers owns the contract; each feature registers its source in DI from its
/// <c>&lt;Name&gt;Feature.cs</c>. The timeline has already checked that the caller sees the customer; a source whose records
/// have stricter rules (the answers of a survey, SAT-6) applies them, the same in <see cref="Count"/> and <see cref="Newest"/>.
/// </summary>
public interface ITimelineSource
{
    /// <summary>One of <see cref="TimelineKinds.All"/>.</summary>
    string Kind { get; }

    /// <summary>How many events of this kind the customer has that the viewer may see.</summary>
    Task<int> Count(Viewer viewer, Guid customerId, CancellationToken cancellationToken);

    /// <summary>
    /// The customer's newest <paramref name="take"/> events of this kind that the viewer may see, newest first (ties by id,
    /// descending), titles in English when <paramref name="english"/>, else Chinese.
    /// </summary>
    Task<IReadOnlyList<TimelineEntry>> Newest(Viewer viewer, Guid customerId, int take, bool english, CancellationToken cancellationToken);
}

/// <summary>The kinds of the timeline, as the API writes them (<c>?kind=</c>).</summary>
public static class TimelineKinds
{
    public const string Contact = "contact";
    public const string Order = "order";
    public const string Survey = "survey";
    public const string Complaint = "complaint";
    public const string Task = "task";
    public const string Review = "review";
    public const string Care = "care";

    public static readonly IReadOnlyList<string> All = [Contact, Order, Survey, Complaint, Task, Review, Care];
}
