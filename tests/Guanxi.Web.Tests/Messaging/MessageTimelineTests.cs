using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Web.Tests.Infrastructure;

namespace Guanxi.Web.Tests.Messaging;

/// <summary>SVC-1, SVC-5 through the API on both databases: every outgoing message is on the customer's 时间线, with its channel, kind, status and text, for whoever sees the customer.</summary>
public abstract class MessageTimelineTests(GuanxiApp app)
{
    private const string Sales = "sales@demo.guanxi.cn";
    private const string Cs = "cs.manager@demo.guanxi.cn";

    private static string Mobile() => $"1372{Random.Shared.Next(0, 10_000_000):D7}";

    private static async Task<Guid> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created || response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> Customer(HttpClient client, string name, string gender) =>
        await Created(await client.PostAsJsonAsync("/api/customers", new { type = "person", name, gender, phones = new[] { new { kind = "mobile", number = Mobile() } }, allowDuplicate = true }));

    private static async Task<List<JsonElement>> Care(HttpClient client, Guid customer, string kinds = "care")
    {
        var response = await client.GetAsync($"/api/customers/{customer}/timeline?kind={kinds}&pageSize=50");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "care")];
    }

    [Fact]
    public async Task SVC5_a_message_written_by_a_bulk_send_is_on_the_customers_timeline_with_its_channel_status_and_text_in_the_viewers_sight()
    {
        app.EnsureAvailable();
        var (sales, cs) = (await app.SignedInAs(Sales), await app.SignedInAs(Cs));
        var (consented, silent) = (await Customer(sales, "贺明珠", "female"), await Customer(sales, "卢振东", "male"));
        var consent = await sales.PutAsJsonAsync($"/api/customers/{consented}/consents", new[] { new { channel = "sms", kind = "marketing", state = "granted", source = "form", evidence = "门店登记表" } });
        Assert.True(consent.IsSuccessStatusCode, await consent.Content.ReadAsStringAsync());
        var group = await Created(await sales.PostAsJsonAsync("/api/groups", new { name = $"时间线{Guid.NewGuid():N}"[..12] }));
        Assert.True((await sales.PostAsJsonAsync($"/api/groups/{group}/members", new { customerIds = new[] { consented, silent } })).IsSuccessStatusCode);
        var template = await Created(await cs.PostAsJsonAsync("/api/templates", new { name = $"中秋{Guid.NewGuid():N}"[..10], channel = "sms", kind = "marketing", text = "{{ customer.surname }}{{ customer.title }}，中秋快乐！" }));
        Assert.Empty(await Care(sales, consented));

        var sent = await cs.PostAsJsonAsync("/api/messages/bulk", new { channel = "sms", kind = "marketing", templateId = template, filter = new { groupId = group }, dryRun = false });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());

        // The owner sees the queued greeting as the customer will read it, on the timeline of every kind too.
        var message = Assert.Single(await Care(sales, consented));
        var outbox = (await sales.GetFromJsonAsync<JsonElement>($"/api/messages?customerId={consented}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(outbox.GetProperty("id").GetGuid(), message.GetProperty("id").GetGuid());
        var title = message.GetProperty("title").GetString()!;
        Assert.StartsWith("短信 · 营销 · ", title, StringComparison.Ordinal);
        Assert.Contains(title.Split(" · ")[^1], new[] { "排队中", "发送中", "已发送", "已送达" });   // the sender may be at it already
        var summary = message.GetProperty("summary").GetString()!;
        Assert.True(summary.Contains("贺女士，中秋快乐！", StringComparison.Ordinal) && summary.Contains("回T退订", StringComparison.Ordinal), summary);
        Assert.Equal($"/customers/{consented}?tab=consents", message.GetProperty("link").GetString());
        Assert.NotNull(message.GetProperty("by").GetString());
        Assert.Contains(await Care(sales, consented, "contact,order,care"), i => i.GetProperty("id").GetGuid() == message.GetProperty("id").GetGuid());

        // A message suppressed for want of consent is there too, saying why it did not go.
        var suppressed = Assert.Single(await Care(sales, silent));
        Assert.EndsWith("未发送", suppressed.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("未发送：未同意接收。", suppressed.GetProperty("summary").GetString(), StringComparison.Ordinal);

        // In the viewer's language.
        var english = await app.SignedInAs(Sales);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        Assert.Equal("SMS · Marketing · Not sent", Assert.Single(await Care(english, silent)).GetProperty("title").GetString());

        // Out of sight (another department's service advisor): the timeline is not there, as for a missing customer.
        var advisor = await app.SignedInAs("advisor@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/api/customers/{consented}/timeline?kind=care")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/api/customers/{consented}/timeline")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MessageTimelineTests_Sqlite(SqliteApp app) : MessageTimelineTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MessageTimelineTests_Postgres(PostgresApp app) : MessageTimelineTests(app);
