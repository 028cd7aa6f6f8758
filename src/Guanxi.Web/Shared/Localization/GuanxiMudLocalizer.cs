using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Guanxi.Web.Shared.Localization;

/// <summary>MudBlazor's own texts (pager, pickers, close buttons) in Chinese; MudBlazor's English stays for English.</summary>
public sealed class GuanxiMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        Cultures.IsEnglish ? new LocalizedString(key, key, resourceNotFound: true) : localizer["Mud." + key];
}
