using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Web.Features.Accounts;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Guanxi.Web.Tests;

public abstract class HostTests(GuanxiApp app)
{
    [Fact]
    public void SEC_3_every_api_endpoint_and_page_states_who_may_use_it()
    {
        app.EnsureAvailable();
        var api = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(api);
        Assert.All(api, e => Assert.True(
            e.Metadata.GetMetadata<IAuthorizeData>() is not null || e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
            $"{e.DisplayName} says nothing about authorization"));

        var pages = typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttributes(typeof(RouteAttribute), false).Length > 0).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, t => Assert.True(
            t.GetCustomAttributes(typeof(AuthorizeAttribute), true).Length > 0 || t.GetCustomAttributes(typeof(AllowAnonymousAttribute), true).Length > 0,
            $"page {t.Name} says nothing about authorization"));
    }

    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        app.EnsureAvailable();
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task The_login_page_is_Chinese_by_default()
    {
        app.EnsureAvailable();
        var html = await app.CreateClient().GetStringAsync("/account/login");
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("<h1>登录</h1>", html);
    }

    [Fact]
    public async Task An_unknown_page_answers_404_with_the_Chinese_not_found_page_and_an_unknown_api_path_a_404_problem()
    {
        app.EnsureAvailable();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("找不到页面", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/not-found")).StatusCode);   // the page itself, asked for, is a page
        var api = await client.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        app.EnsureAvailable();
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/auth/login", "/api/me", "/api/audit/", "/api/users/" })
            Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path.TrimEnd('/'), out _), $"{path} is missing");
    }

    [Fact]
    public async Task The_API_reference_is_titled_and_introduced_and_its_summaries_name_no_internal_rule_ids()
    {
        app.EnsureAvailable();
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var info = document.GetProperty("info");
        Assert.Equal("关系 Guanxi API", info.GetProperty("title").GetString());
        foreach (var topic in new[] { "POST /api/auth/login", "pageSize", "total", "ProblemDetails", "errors", "Asia/Shanghai" })
            Assert.Contains(topic, info.GetProperty("description").GetString());
        var summaries = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("summary", out _))
                .Select(o => (Operation: $"{o.Name.ToUpperInvariant()} {path.Name}", Summary: o.Value.GetProperty("summary").GetString() ?? "")))
            .ToList();
        Assert.NotEmpty(summaries);
        Assert.DoesNotContain(summaries, s => System.Text.RegularExpressions.Regex.IsMatch(s.Summary, @"\b(ARC|SAT|GRD|LIF|SVC|MKT|SAL|MGT|SEC|CAPA)-\d"));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var response = await admin.PostAsync("/api/users", new StringContent("{\"email\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unhandled_error_is_a_ProblemDetails_with_a_trace_id_and_no_stack_trace()
    {
        app.EnsureAvailable();
        using var broken = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<ListRoles>(_ => throw new InvalidOperationException("secret internals"))));
        var client = broken.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "admin@demo.guanxi.cn", password = GuanxiApp.Password });
        var token = await login.Content.ReadFromJsonAsync<GuanxiApp.TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);

        var response = await client.GetAsync("/api/roles");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("traceId", body);
        Assert.DoesNotContain("secret internals", body);
        Assert.DoesNotContain(" at ", body);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HostTests_Sqlite(SqliteApp app) : HostTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HostTests_Postgres(PostgresApp app) : HostTests(app);
