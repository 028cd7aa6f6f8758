using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Web.Tests.Infrastructure;

namespace Guanxi.Web.Tests;

/// <summary>Issue 3 search: the same customers on SQLite (FTS5 + short keys) and PostgreSQL (pg_trgm + short keys).</summary>
public abstract class CustomerSearchTests(GuanxiApp app)
{
    private static object Body(string name, string? organization, string mobile, string? email) => new
    {
        type = "person", name, organization, phones = new[] { new { kind = "mobile", number = mobile } },
        emails = email is null ? Array.Empty<string>() : [email], allowDuplicate = true,
    };

    private static async Task<Guid> Create(HttpClient client, string name, string? organization, string mobile, string? email = null)
    {
        var response = await client.PostAsJsonAsync("/api/customers", Body(name, organization, mobile, email));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<Guid>> Search(HttpClient client, string q, int page = 1, int pageSize = 200) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/customers?page={page}&pageSize={pageSize}&q={Uri.EscapeDataString(q)}"))
            .GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];

    [Fact]
    public async Task Search_finds_by_any_part_of_a_name_from_one_character_by_phone_tail_and_by_email_ranked_exact_prefix_contains()
    {
        app.EnsureAvailable();
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var zhang = await Create(cs, "张小明", "常州琥珀光学仪器厂", "13955501234", "zhang.xiaoming@amber-optics.cn");
        var exact = await Create(cs, "小明", null, "13955505678");
        var prefix = await Create(cs, "小明轩", null, "13955509012");
        var inside = await Create(cs, "李晓小明", "琥珀光学", "13955503456");
        var latin = await Create(cs, "Xiaoming ZHANG", "Amber Optics Ltd", "13955507890", "XM.Zhang@Example.org");

        var twoCharacters = await Search(cs, "小明");
        var ours = twoCharacters.Where(new[] { zhang, exact, prefix, inside }.Contains).ToList();
        Assert.Equal(4, ours.Count);
        Assert.Equal(exact, ours[0]);   // exact, then prefix, then contains (the newest first within each)
        Assert.Equal(prefix, ours[1]);
        Assert.Equal([inside, zhang], ours[2..]);
        foreach (var q in new[] { "明", "小明", "琥珀光", "1234" })   // page by page, a search reads as it does whole
        {
            var whole = await Search(cs, q);
            var paged = new List<Guid>();
            for (var page = 1; page <= (whole.Count + 2) / 3; page++)
                paged.AddRange(await Search(cs, q, page, 3));
            Assert.Equal(whole, paged);
        }

        Assert.Contains(zhang, await Search(cs, "张小明"));
        Assert.DoesNotContain(exact, await Search(cs, "张小明"));
        Assert.Equal(4, (await Search(cs, "明")).Count(new[] { zhang, exact, prefix, inside }.Contains));
        Assert.Equal([inside, zhang], (await Search(cs, "琥珀")).Where(new[] { zhang, inside }.Contains));   // organisation prefix first
        Assert.Equal([inside, zhang], (await Search(cs, "琥珀光学")).Where(new[] { zhang, inside }.Contains));   // organisation exact first

        Assert.Contains(zhang, await Search(cs, "1234"));
        Assert.DoesNotContain(exact, await Search(cs, "1234"));
        Assert.Equal([zhang], (await Search(cs, "13955501234")).Where(new[] { zhang, exact }.Contains));
        Assert.Equal([zhang], (await Search(cs, "+86 139-5550-1234")).Where(new[] { zhang, exact }.Contains));
        Assert.DoesNotContain(zhang, await Search(cs, "123"));   // fewer than 4 digits is not a phone tail

        Assert.Equal([zhang], await Search(cs, "amber-optics"));
        Assert.Contains(latin, await Search(cs, "xiaoming"));
        Assert.Contains(latin, await Search(cs, "XIAOMING zh"));
        Assert.Contains(latin, await Search(cs, "example.org"));
        Assert.Contains(latin, await Search(cs, "ZH"));
        Assert.Empty(await Search(cs, "100%_\"琥"));   // LIKE and FTS5 syntax in a query is just text
    }

    [Fact]
    public async Task Search_keeps_to_the_callers_sight_and_follows_changes()
    {
        app.EnsureAvailable();
        var service = await app.SignedInAs("service.manager@demo.guanxi.cn");
        var theirs = await Create(service, "诸葛青云", null, "13955511111");
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        Assert.Empty(await Search(sales, "诸葛"));   // another department's customer is not found
        Assert.Equal([theirs], await Search(service, "诸葛"));

        var read = await service.GetAsync($"/api/customers/{theirs}");
        using var rename = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{theirs}")
        {
            Content = JsonContent.Create(Body("司马青云", null, "13955522222", null)),
        };
        rename.Headers.IfMatch.ParseAdd(read.Headers.ETag!.Tag);
        (await service.SendAsync(rename)).EnsureSuccessStatusCode();
        Assert.Empty(await Search(service, "诸葛"));
        Assert.Equal([theirs], await Search(service, "司马青"));
        Assert.Empty(await Search(service, "55511111"));
        Assert.Equal([theirs], await Search(service, "5552 2222"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CustomerSearchTests_Sqlite(SqliteApp app) : CustomerSearchTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CustomerSearchTests_Postgres(PostgresApp app) : CustomerSearchTests(app);
