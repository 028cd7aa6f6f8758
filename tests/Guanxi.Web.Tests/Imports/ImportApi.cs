using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Guanxi.Web.Tests.Imports;

/// <summary>An upload to POST /api/imports, and waiting for the import to finish, as a client does it.</summary>
internal static class ImportApi
{
    public static async Task<Guid> Start(HttpClient client, byte[] file, string fileName, string kind, string mode, bool onlyValid = false, string? encoding = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        form.Add(new StringContent(mode), "mode");
        form.Add(new StringContent(onlyValid ? "true" : "false"), "onlyValid");
        if (encoding is not null)
            form.Add(new StringContent(encoding), "encoding");
        var response = await client.PostAsync("/api/imports", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The import once it has succeeded or failed (a large one may take a minute).</summary>
    public static async Task<JsonElement> Finished(HttpClient client, Guid id)
    {
        for (var i = 0; i < 6000; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
                return job;
            await Task.Delay(100);
        }
        throw new TimeoutException($"import {id} did not finish");
    }
}
