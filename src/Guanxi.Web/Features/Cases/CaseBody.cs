using Guanxi.Domain.Common;
using Guanxi.Domain.Service;
using Guanxi.Web.Shared.Api;

namespace Guanxi.Web.Features.Cases;

/// <summary>A case as the API and the form take it: kind success|failure, title, story, lesson, tags, customerIds, complaintIds.</summary>
public sealed record CaseBody(string? Kind, string? Title, string? Story, string? Lesson,
    IReadOnlyList<string>? Tags = null, IReadOnlyList<Guid>? CustomerIds = null, IReadOnlyList<Guid>? ComplaintIds = null)
{
    /// <summary>The content the domain checks, and the kind's own error when it names no kind (the domain then reports none twice).</summary>
    public (CaseContent Content, Error? KindError) ToContent()
    {
        var known = ApiEnums.TryParse<CaseKind>(Kind, out var kind);
        return (new CaseContent(kind, Title, Story, Lesson, Tags, CustomerIds, ComplaintIds), known ? null : CaseErrors.Kind);
    }

    /// <summary>Every rule the body breaks, each on its field.</summary>
    public IReadOnlyList<Error> Check(CaseContent content, Error? kindError) =>
        [.. ServiceCase.Check(content).Where(e => kindError is null || e.Field != kindError.Field), .. kindError is null ? [] : new[] { kindError }];
}
