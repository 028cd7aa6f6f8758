using System.Net.Http.Json;

namespace Guanxi.Web.Tests.Infrastructure;

/// <summary>A write that names the version read, as a client that keeps ETags does.</summary>
public static class IfMatch
{
    public static Task<HttpResponseMessage> SendIfMatch(this HttpClient client, HttpMethod method, string url, object? body, string etag)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.ParseAdd(etag.StartsWith('"') ? etag : $"\"{etag}\"");
        return client.SendAsync(request);
    }
}
