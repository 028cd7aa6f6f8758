using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;

namespace Guanxi.Web.Features.Surveys;

/// <summary>What a survey task opened for another feature's record is about (a complaint's satisfaction check): a line for the queue and the call sheet, and the record's page.</summary>
public sealed record SurveySubject(string Text, string Link);

/// <summary>
/// A task opened on request of a higher feature (<see cref="OpenSurveyOnRequest"/>; Complaints: a resolved complaint's
/// satisfaction check) stays the survey engine's — its queue, call sheet, attempts and responses — while the feature that
/// asked for it says what it is about and hears its answer. Surveys owns the contract; the higher feature registers its part.
/// </summary>
public interface ISurveySubjects
{
    /// <summary>Of the tasks named, those that are the registering feature's, by task id, as far as the viewer sees their record.</summary>
    Task<IReadOnlyDictionary<Guid, SurveySubject>> Of(Viewer viewer, IReadOnlyCollection<Guid> taskIds, CancellationToken cancellationToken);

    /// <summary>Inside the response's save: a response (completed or invalid) was recorded on the task by <paramref name="by"/>.</summary>
    Task Answered(SurveyTask task, SurveyResponse response, Actor by, CancellationToken cancellationToken);
}
