using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace Guanxi.Web.Shared;

/// <summary>
/// Base of the interactive pages. A page calls the same handlers as the API, each call in a fresh service scope
/// (its own DbContext, as Blazor Server needs) that knows the signed-in user, for rights and the history.
/// </summary>
public abstract class GuanxiComponent : ComponentBase
{
    [Inject] private IServiceScopeFactory ScopeFactory { get; set; } = default!;
    [Inject] private AuthenticationStateProvider AuthenticationState { get; set; } = default!;
    [Inject] protected IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] protected Formatter F { get; set; } = default!;

    /// <summary>The errors of the last save, shown on their fields (and, for fields a form lacks, as alerts).</summary>
    protected IReadOnlyList<Error> Errors { get; set; } = [];

    protected bool Has(string field) => Errors.Any(e => e.Field == field);

    protected string? ErrorOf(string field) =>
        Errors.Where(e => e.Field == field).Select(e => e.MessageFor(Cultures.IsEnglish)).FirstOrDefault();

    protected async Task<T> Run<THandler, T>(Func<THandler, Task<T>> action) where THandler : notnull
    {
        var state = await AuthenticationState.GetAuthenticationStateAsync();
        await using var scope = ScopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(state.User);
        return await action(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
