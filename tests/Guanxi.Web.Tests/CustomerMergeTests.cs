using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Web.Tests.Infrastructure;

namespace Guanxi.Web.Tests;

/// <summary>ARC-2 duplicates and merge, ARC-8 groups, SEC-1 archive and erasure, through the API on both databases.</summary>
public abstract class CustomerMergeTests(GuanxiApp app)
{
    private static object Body(string name, string mobile, string? email = null, string? organization = null, bool allowDuplicate = false, object[]? contacts = null) => new
    {
        type = "person", name, organization, phones = new[] { new { kind = "mobile", number = mobile } },
        emails = email is null ? Array.Empty<string>() : [email], allowDuplicate, contacts,
    };

    private static async Task<Guid> Create(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/customers", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> History(HttpClient client, Guid id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/history?pageSize=200")).GetProperty("items").EnumerateArray()];

    private static async Task<Guid> Group(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/groups", new { name, description = "测试" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task ARC_2_a_likely_duplicate_is_refused_with_409_unless_the_user_goes_on()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var first = await Create(manager, Body("钱学明", "13966601111", "qian.xm@dup-test.cn"));

        var same = await manager.PostAsJsonAsync("/api/customers", Body("钱学民", "139 6660 1111"));
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        var found = (await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates").EnumerateArray().Single();
        Assert.Equal((first, "钱学明", "mobile"), (found.GetProperty("id").GetGuid(), found.GetProperty("name").GetString(), found.GetProperty("matchedOn").GetString()));
        var byEmail = await manager.PostAsJsonAsync("/api/customers", Body("钱先生", "13966602222", "QIAN.XM@dup-test.cn"));
        Assert.Equal("email", (await byEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates")[0].GetProperty("matchedOn").GetString());

        var service = await app.SignedInAs("service.manager@demo.guanxi.cn");   // another department: warned, but not shown whose
        var hidden = (await (await service.PostAsJsonAsync("/api/customers", Body("钱学明", "13966601111"))).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("duplicates")[0];
        Assert.False(hidden.GetProperty("visible").GetBoolean());
        Assert.Equal("", hidden.GetProperty("name").GetString());

        await Create(manager, Body("钱学民", "13966601111", allowDuplicate: true));
        var groups = (await manager.GetFromJsonAsync<JsonElement>("/api/customers/duplicates?pageSize=200")).GetProperty("items").EnumerateArray();
        Assert.Contains(groups, g => g.GetProperty("customers").EnumerateArray().Any(c => c.GetProperty("id").GetGuid() == first));
    }

    [Fact]
    public async Task ARC_2_a_merge_keeps_every_related_record_leaves_a_tombstone_and_is_in_both_histories()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var survivor = await Create(manager, Body("孙立新", "13966611111", "sun.lx@merge-test.cn", "常州合并测试有限公司"));
        var merged = await Create(manager, Body("孙立新", "13966622222", "lixin.sun@merge-test.cn", "常州合并测试有限公司", allowDuplicate: true,
            contacts: [new { name = "周秘书", title = "秘书", phones = new[] { new { kind = "office", number = "0519-86661234" } } }]));
        var vip = await Group(manager, "合并测试组");
        (await manager.PostAsJsonAsync($"/api/groups/{vip}/members", new { customerIds = new[] { merged } })).EnsureSuccessStatusCode();

        var response = await manager.PostAsJsonAsync("/api/customers/merge", new { survivorId = survivor, mergedIds = new[] { merged }, fields = new { name = merged } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["+8613966611111", "+8613966622222"], after.GetProperty("phones").EnumerateArray().Select(p => p.GetProperty("number").GetString()));
        Assert.Equal(2, after.GetProperty("emails").GetArrayLength());
        Assert.Equal("周秘书", after.GetProperty("contacts")[0].GetProperty("name").GetString());
        Assert.Equal("合并测试组", after.GetProperty("groups")[0].GetProperty("name").GetString());

        var tombstone = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{merged}");
        Assert.Equal(("merged", survivor), (tombstone.GetProperty("status").GetString(), tombstone.GetProperty("mergedIntoId").GetGuid()));
        var found = (await manager.GetFromJsonAsync<JsonElement>("/api/customers?q=13966622222")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid());
        Assert.Equal([survivor], found);

        var history = await History(manager, survivor);
        Assert.Contains(history, h => h.GetProperty("field").GetString() == "MergedFrom" && h.GetProperty("newValue").GetString()!.Contains(merged.ToString(), StringComparison.Ordinal));
        Assert.Contains(history, h => h.GetProperty("key").GetString() == merged.ToString() && h.GetProperty("field").GetString() == "Contacts");   // the merged record's own history
        Assert.Contains(history, h => h.GetProperty("key").GetString() == survivor.ToString() && h.GetProperty("field").GetString() == "Groups" && h.GetProperty("newValue").GetString() == "合并测试组");
        var mergedHistory = await History(manager, merged);
        Assert.Contains(mergedHistory, h => h.GetProperty("field").GetString() == "MergedIntoId" && h.GetProperty("newValue").GetString() == "孙立新");   // ids read as names
        Assert.Contains(mergedHistory, h => h.GetProperty("field").GetString() == "Groups" && h.GetProperty("oldValue").GetString() == "合并测试组");

        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync("/api/customers/merge", new { survivorId = survivor, mergedIds = new[] { merged } })).StatusCode);
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var own = await Create(sales, Body("孙立", "13966633333"));
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsJsonAsync("/api/customers/merge", new { survivorId = own, mergedIds = new[] { survivor } })).StatusCode);
    }

    [Fact]
    public async Task ARC_8_groups_hold_any_customers_filter_the_list_and_each_change_is_in_the_customers_history()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var a = await Create(manager, Body("吴分组", "13966644441"));
        var b = await Create(manager, Body("郑分组", "13966644442"));
        var family = await Group(manager, "测试家人朋友");
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync("/api/groups", new { name = "测试家人朋友" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync("/api/groups", new { name = " " })).StatusCode);
        var added = await manager.PostAsJsonAsync($"/api/groups/{family}/members", new { customerIds = new[] { a, b, a } });
        Assert.Equal(2, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetInt32());

        var list = await manager.GetFromJsonAsync<JsonElement>($"/api/customers?groupId={family}");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), r => Assert.Equal("测试家人朋友", r.GetProperty("groups")[0].GetProperty("name").GetString()));
        var groups = await manager.GetFromJsonAsync<JsonElement>("/api/groups");
        Assert.Equal(2, groups.EnumerateArray().Single(g => g.GetProperty("id").GetGuid() == family).GetProperty("members").GetInt32());

        var service = await app.SignedInAs("service.manager@demo.guanxi.cn");
        var theirs = await Create(service, Body("冯分组", "13966644443"));
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.BadRequest, (await sales.PostAsJsonAsync($"/api/groups/{family}/members", new { customerIds = new[] { theirs } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PutAsJsonAsync($"/api/groups/{family}", new { name = "改名" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/groups/{family}", new { name = "测试亲友" })).StatusCode);

        using var remove = new HttpRequestMessage(HttpMethod.Delete, $"/api/groups/{family}/members") { Content = JsonContent.Create(new { customerIds = new[] { b } }) };
        (await manager.SendAsync(remove)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/groups/{family}")).StatusCode);
        var history = (await History(manager, a)).Where(h => h.GetProperty("field").GetString() == "Groups").ToList();
        Assert.Contains(history, h => h.GetProperty("newValue").GetString() == "测试亲友");   // a deleted group's name comes from its own history
        Assert.Contains(history, h => h.GetProperty("oldValue").GetString() == "测试亲友");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync($"/api/groups/{family}")).StatusCode);
    }

    [Fact]
    public async Task SEC_1_archive_is_reversible_and_erasure_blanks_personal_data_redacts_the_history_and_is_recorded()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var id = await Create(manager, Body("褚归档", "13966655555", "chu@erase-test.cn"));
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/customers/{id}")).StatusCode);
        Assert.Empty((await manager.GetFromJsonAsync<JsonElement>("/api/customers?q=褚归档")).GetProperty("items").EnumerateArray());
        Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/customers?q=褚归档&status=archived")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/customers/{id}/restore", null)).StatusCode);
        Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/customers?q=褚归档")).GetProperty("items").EnumerateArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"/api/customers/{id}/erase", new { reason = "客户要求" })).StatusCode);
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.PostAsJsonAsync($"/api/customers/{id}/erase", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await cs.PostAsJsonAsync($"/api/customers/{id}/erase", new { reason = "客户 11 月 20 日来电要求删除" })).StatusCode);

        var erased = await cs.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal(("已删除客户", "erased", 0), (erased.GetProperty("name").GetString(), erased.GetProperty("status").GetString(), erased.GetProperty("phones").GetArrayLength()));
        var history = await History(cs, id);
        Assert.Empty(history.Where(h => h.ToString().Contains("褚归档", StringComparison.Ordinal) || h.ToString().Contains("13966655555", StringComparison.Ordinal)).Select(h => h.ToString()));
        Assert.Contains(history, h => h.GetProperty("field").GetString() == "Erasure" && h.GetProperty("newValue").GetString() == "客户 11 月 20 日来电要求删除");
        Assert.Empty((await cs.GetFromJsonAsync<JsonElement>("/api/customers?q=褚归档&status=erased")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.PostAsJsonAsync($"/api/customers/{id}/erase", new { reason = "再次" })).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CustomerMergeTests_Sqlite(SqliteApp app) : CustomerMergeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CustomerMergeTests_Postgres(PostgresApp app) : CustomerMergeTests(app);
