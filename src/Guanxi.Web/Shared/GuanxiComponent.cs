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
    [Inject] private MudBlazor.ISnackbar Toasts { get; set; } = default!;

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

    /// <summary>A read for the page: its value, or null when the use case refused it (out of sight, not there) — the page shows its empty state.</summary>
    protected async Task<T?> Read<THandler, T>(Func<THandler, Task<Result<T>>> action) where THandler : notnull where T : class =>
        (await Run<THandler, Result<T>>(action)).Value;

    /// <summary>
    /// The one way a page shows a use case's outcome: its errors go to <see cref="Errors"/> (each beside its field, the
    /// others as the form's alerts), a refusal that is not about the input (no right, gone, changed meanwhile, a
    /// conflict) also as a toast, and a success as <paramref name="succeeded"/>'s toast when given. True when it succeeded.
    /// </summary>
    protected bool Show<T>(Result<T> result, string? succeeded = null)
    {
        Errors = result.Errors;
        foreach (var refusal in result.Errors.Where(e => e.Kind != ErrorKind.Validation).Take(1))
            Toasts.Add(refusal.MessageFor(Cultures.IsEnglish), MudBlazor.Severity.Warning);
        if (result.Succeeded && succeeded is not null)
            Toasts.Add(succeeded, MudBlazor.Severity.Success);
        return result.Succeeded;
    }

    /// <summary>A table pager's label with the total written as counts are (1–25 / 12,345): MudBlazor writes it bare.</summary>
    protected string PagerInfo(long total) => L["Common.PagerInfo"].Value.Replace("{all_items}", Formatter.Count(total), StringComparison.Ordinal);
}
