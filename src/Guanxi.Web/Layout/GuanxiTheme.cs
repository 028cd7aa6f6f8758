using MudBlazor;

namespace Guanxi.Web.Layout;

/// <summary>A calm palette with Chinese fonts first so that names render well on Windows, macOS and Linux.</summary>
public static class GuanxiTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#B3261E",
            Secondary = "#5D6B82",
            AppbarBackground = "#B3261E",
            Background = "#F7F7F8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Helvetica", "Arial", "sans-serif"],
            },
            // Buttons as written (导出 Excel, not 导出 EXCEL).
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
