using System.Net.Http.Headers;
using System.Security.Claims;
using Guanxi.Domain.Common;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.Identity;
using System.Net.Http.Json;
using Guanxi.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Guanxi.Web.Tests.Infrastructure;

/// <summary>
/// The whole app on a real database, with the demo enterprise seeded. One instance per provider is shared by the
/// tests of that provider's collection, so tests create the records they change.
/// </summary>
public abstract class GuanxiApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Guanxi#2026";
    private string? connectionString;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    public string? Unavailable { get; private set; }

    protected abstract Task<string?> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync(string connectionString);

    public async ValueTask InitializeAsync()
    {
        connectionString = await CreateDatabaseAsync();
        if (connectionString is null)
        {
            Unavailable = $"{Provider} is not available here: run ./test.sh, which starts a throwaway PostgreSQL.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException(Unavailable + " In CI a suite that cannot run fails.");
            return;
        }
        _ = Server;   // start the app: migrate and seed now, not inside the first test
    }

    /// <summary>Skips (outside CI only: there the fixture has already failed) when the database cannot run here.</summary>
    public void EnsureAvailable() => Assert.SkipWhen(Unavailable is not null, Unavailable ?? "");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Demo:Customers", "300");   // the real generator, fewer customers: faster fixtures
        builder.UseSetting("ConnectionStrings:Guanxi", connectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Imports:Folder", Path.Combine(Path.GetTempPath(), "guanxi-test-imports"));   // uploads stay out of the source tree
        // Messaging: the tests run the sender themselves; SMS go to the provider's stand-in in this same server, e-mail to
        // a real SMTP server on loopback that the messaging tests start on SmtpPort.
        builder.UseSetting("Messaging:Worker", "false");
        builder.UseSetting("Messaging:PublicUrl", "http://localhost");
        builder.UseSetting("Messaging:Sms:Sandbox", "true");
        builder.UseSetting("Messaging:Sms:Endpoint", "http://localhost" + Features.Messaging.Sms.SmsSandbox.Path);
        builder.UseSetting("Messaging:Sms:AccessKeyId", "LTAI5tTestKey");
        builder.UseSetting("Messaging:Sms:AccessKeySecret", "test-access-key-secret");
        builder.UseSetting("Messaging:Sms:PushSecret", SmsPushSecret);
        builder.UseSetting("Messaging:Sms:SandboxPushTo", "http://localhost/");
        builder.UseSetting("Messaging:Sms:TemplateCodes:Marketing", "SMS_100000001");
        builder.UseSetting("Messaging:Sms:TemplateCodes:Service", "SMS_100000002");
        builder.UseSetting("Messaging:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Messaging:Smtp:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Messaging:Smtp:Tls", "None");
        builder.UseSetting("Messaging:Smtp:From", "care@demo.guanxi.cn");
        builder.ConfigureServices(services =>
        {
            services.AddHttpClient(Features.Messaging.Sms.AliyunSms.Client).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
            services.AddHttpClient(Features.Messaging.Sms.SmsSandbox.PushClient).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
        });
    }

    public const string SmsPushSecret = "test-push-secret";

    /// <summary>A free loopback port for this test run's SMTP server (the messaging tests start it).</summary>
    public static readonly int SmtpPort = FreePort();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A scope whose caller is the demo user with that e-mail, as a page's scope is (null: no caller, as a job's).</summary>
    public async Task<AsyncServiceScope> ScopeAs(string? email)
    {
        var scope = Services.CreateAsyncScope();
        if (email is null)
            return scope;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var roles = await users.GetRolesAsync(user);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test")));
        return scope;
    }

    /// <summary>How a handler called directly refused (null: it did not).</summary>
    public static async Task<ErrorKind?> Refusal<THandler, T>(AsyncServiceScope scope, Func<THandler, Task<Result<T>>> call) where THandler : notnull
    {
        var result = await call(scope.ServiceProvider.GetRequiredService<THandler>());
        return result.Succeeded ? null : result.Kind;
    }

    public GuanxiDbContext NewDbContext(out IServiceScope scope)
    {
        scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
    }

    public async Task<HttpClient> SignedInAs(string email, string password = Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (connectionString is not null)
            await DropDatabaseAsync(connectionString);
        GC.SuppressFinalize(this);
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn);
}
