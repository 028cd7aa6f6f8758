using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Surveys;
using Guanxi.Web.Tests.Imports;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Tests.Messaging;

/// <summary>
/// SEC-1: the customer form, the customer API, the import and a merge all speak to the one consent ledger — what the
/// archive shows as "同意接收营销信息" is the ledger's marketing consent, per channel, with its history.
/// </summary>
public abstract class ArchiveConsentTests(GuanxiApp app)
{
    private static int phone;

    private static string Mobile() => $"1351{Interlocked.Increment(ref phone) + Random.Shared.Next(0, 9000) * 100:D7}";

    private static async Task<Guid> Create(HttpClient client, string name, string mobile, bool? consent, string? channel)
    {
        var response = await client.PostAsJsonAsync("/api/customers", new
        {
            type = "person", name, phones = new[] { new { kind = "mobile", number = mobile } }, marketingConsent = consent, consentChannel = channel, allowDuplicate = true,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Dictionary<string, (string State, string Source)>> Marketing(HttpClient client, Guid customer) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/consents")).EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "marketing")
            .ToDictionary(c => c.GetProperty("channel").GetString()!, c => (c.GetProperty("state").GetString()!, c.GetProperty("source").GetString()!));

    private static async Task<HttpResponseMessage> Put(HttpClient client, Guid id, Func<JsonElement, object> body)
    {
        var read = await client.GetAsync($"/api/customers/{id}");
        var customer = await read.Content.ReadFromJsonAsync<JsonElement>();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{id}") { Content = JsonContent.Create(body(customer)) };
        request.Headers.IfMatch.ParseAdd(read.Headers.ETag?.Tag ?? $"\"{Guid.NewGuid()}\"");   // one the caller could not read: a guess
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task SEC1_the_customer_form_s_consent_is_the_ledger_s_and_a_change_on_the_form_is_a_change_in_its_history()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var mobile = Mobile();
        var id = await Create(sales, "尉迟清漪", mobile, consent: true, channel: "短信、电话");

        Assert.Equal(new Dictionary<string, (string, string)> { ["sms"] = ("granted", "staff"), ["phone"] = ("granted", "staff") }, await Marketing(sales, id));
        var view = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal((true, "短信、电话"), (view.GetProperty("marketingConsent").GetBoolean(), view.GetProperty("consentChannel").GetString()));
        Assert.Equal(JsonValueKind.String, view.GetProperty("consentAt").ValueKind);

        // Left out of the body, the consents stay as they are.
        var unchanged = await Put(sales, id, c => new { type = "person", name = "尉迟清漪", phones = new[] { new { kind = "mobile", number = mobile } }, notes = new { needs = "七座车" } });
        Assert.True(unchanged.IsSuccessStatusCode, await unchanged.Content.ReadAsStringAsync());
        Assert.Equal(2, (await Marketing(sales, id)).Count(c => c.Value.State == "granted"));

        // Only SMS now: the phone consent is withdrawn, not forgotten; e-mail, never asked, gets no row.
        var smsOnly = await Put(sales, id, c => new { type = "person", name = "尉迟清漪", phones = new[] { new { kind = "mobile", number = mobile } }, marketingConsent = true, consentChannel = "短信" });
        Assert.True(smsOnly.IsSuccessStatusCode, await smsOnly.Content.ReadAsStringAsync());
        Assert.Equal(new Dictionary<string, (string, string)> { ["sms"] = ("granted", "staff"), ["phone"] = ("withdrawn", "staff") }, await Marketing(sales, id));

        var none = await Put(sales, id, c => new { type = "person", name = "尉迟清漪", phones = new[] { new { kind = "mobile", number = mobile } }, marketingConsent = false });
        Assert.True(none.IsSuccessStatusCode, await none.Content.ReadAsStringAsync());
        Assert.All(await Marketing(sales, id), c => Assert.Equal("withdrawn", c.Value.State));
        view = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal((false, JsonValueKind.Null), (view.GetProperty("marketingConsent").GetBoolean(), view.GetProperty("consentChannel").ValueKind));
        var history = await sales.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/consents/history");
        Assert.Equal(4, history.GetArrayLength());   // sms and phone given, phone withdrawn, sms withdrawn

        // A colleague who sees the customer but does not keep the record changes nothing — the consents neither.
        var other = await app.SignedInAs("sales2@demo.guanxi.cn");
        var refused = await Put(other, id, c => new { type = "person", name = "尉迟清漪", phones = new[] { new { kind = "mobile", number = mobile } }, marketingConsent = true });
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, refused.StatusCode.ToString());
        Assert.All(await Marketing(sales, id), c => Assert.Equal("withdrawn", c.Value.State));
    }

    [Fact]
    public async Task SEC1_an_import_s_营销同意_column_goes_into_the_ledger_with_the_file_and_row_as_evidence()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var (yes, no, some) = (Mobile(), Mobile(), Mobile());
        var csv = "姓名,手机,营销同意\r\n"
            + $"长孙明远,{yes},是\r\n"
            + $"长孙明澈,{no},否\r\n"
            + $"长孙明朗,{some},短信、邮件\r\n";
        var bad = csv + $"长孙明哲,{Mobile()},也许吧\r\n";
        var dryRun = await ImportApi.Finished(manager, await ImportApi.Start(manager, Encoding.UTF8.GetBytes(bad), "同意.csv", "customers", "dryRun"));
        var error = dryRun.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal((5, "营销同意"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Contains("也许吧", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var job = await ImportApi.Finished(manager, await ImportApi.Start(manager, Encoding.UTF8.GetBytes(csv), "同意.csv", "customers", "commit"));
        Assert.Equal(("succeeded", 3), (job.GetProperty("status").GetString(), job.GetProperty("created").GetInt32()));
        async Task<Guid> Id(string mobile) =>
            (await manager.GetFromJsonAsync<JsonElement>($"/api/customers?q={mobile}")).GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();

        Assert.Equal(["email:granted", "phone:granted", "sms:granted"], Words(await Marketing(manager, await Id(yes))));
        Assert.Equal(["email:refused", "phone:refused", "sms:refused"], Words(await Marketing(manager, await Id(no))));
        Assert.Equal(["email:granted", "sms:granted"], Words(await Marketing(manager, await Id(some))));
        var sms = (await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{await Id(some)}/consents")).EnumerateArray()
            .Single(c => c.GetProperty("channel").GetString() == "sms");
        Assert.Equal(("import", "同意.csv 第 4 行"), (sms.GetProperty("source").GetString(), sms.GetProperty("evidence").GetString()));

        static List<string> Words(Dictionary<string, (string State, string Source)> consents) =>
            [.. consents.Select(c => $"{c.Key}:{c.Value.State}").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task SEC1_a_merge_keeps_the_customer_s_newest_word_per_channel_with_the_whole_history_and_moves_the_survey_calls()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var survivor = await Create(manager, "尉迟远山", Mobile(), consent: true, channel: "短信");
        var merged = await Create(manager, "尉迟远山", Mobile(), consent: true, channel: "邮件");
        var word = await manager.PutAsJsonAsync($"/api/customers/{merged}/consents", new[] { new { channel = "sms", kind = "marketing", state = "withdrawn", source = "reply", evidence = "短信回复 T" } });
        Assert.True(word.IsSuccessStatusCode, await word.Content.ReadAsStringAsync());

        Guid call;
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var department = await db.Set<Customer>().Where(c => c.Id == merged).Select(c => c.DepartmentId).SingleAsync();
            var today = new DateOnly(2026, 11, 20);
            var task = SurveyTask.Open(SurveyKind.Sales, merged, null, department, null, today.AddDays(-21), new SurveyWindow(today.AddDays(-1), today.AddDays(6)), null, new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
            db.Add(task);
            await db.SaveChangesAsync();
            call = task.Id;
        }

        var merge = await manager.PostAsJsonAsync("/api/customers/merge", new { survivorId = survivor, mergedIds = new[] { merged } });
        Assert.True(merge.IsSuccessStatusCode, await merge.Content.ReadAsStringAsync());

        var consents = await Marketing(manager, survivor);
        Assert.Equal(("withdrawn", "reply"), consents["sms"]);   // the newer word, given to the merged record
        Assert.Equal(("granted", "staff"), consents["email"]);
        var history = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{survivor}/consents/history");
        Assert.Equal(3, history.GetArrayLength());
        db = app.NewDbContext(out scope);
        using (scope)
            Assert.Equal(survivor, await db.Set<SurveyTask>().Where(t => t.Id == call).Select(t => t.CustomerId).SingleAsync());   // the survey call follows the customer
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ArchiveConsentTests_Sqlite(SqliteApp app) : ArchiveConsentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ArchiveConsentTests_Postgres(PostgresApp app) : ArchiveConsentTests(app);
