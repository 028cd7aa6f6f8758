using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Guanxi.Browser.Tests;

/// <summary>
/// Guanxi on a real loopback port (Kestrel, fresh SQLite database with the demo enterprise) and Debian's Chromium
/// driven by Playwright. Screenshots go to <see cref="ScreenshotFolder"/>.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"guanxi-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }
    public string BaseAddress { get; private set; } = "";
    public string? Unavailable { get; private set; }

    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("GUANXI_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("GUANXI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Unavailable = $"Chromium is not installed at {chromium}: run ./test.sh, which installs it.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException(Unavailable + " In CI a suite that cannot run fails.");
            return;
        }
        UseKestrel(0);
        StartServer();
        BaseAddress = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public void EnsureAvailable() => Assert.SkipWhen(Unavailable is not null, Unavailable ?? "");

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress, ViewportSize = new ViewportSize { Width = 1366, Height = 800 }, Locale = "en-US",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as a demo account (password Guanxi#2026) through the sign-in form, on its way to <paramref name="returnUrl"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string returnUrl)
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Guanxi#2026");
        await page.ClickAsync("[data-testid=login-submit]");
        return page;
    }

    /// <summary>An API client on the running app, signed in as a demo account with a bearer token: to set up what a test starts from.</summary>
    public async Task<HttpClient> ApiAsync(string email)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Guanxi#2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Waits until the page is interactive (its circuit is up), so that typing and clicks reach it.</summary>
    public static Task InteractiveAsync(IPage page) =>
        page.Locator("#gx-ready[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Demo:Customers", "300");   // the real generator, fewer customers: faster fixtures
        builder.UseSetting("ConnectionStrings:Guanxi", $"Data Source={database}");
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            File.Delete(file);
        GC.SuppressFinalize(this);
    }
}
