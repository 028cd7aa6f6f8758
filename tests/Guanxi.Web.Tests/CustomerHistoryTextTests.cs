using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanxi.Domain.Credit;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Grading;
using Guanxi.Domain.Lifecycle;
using Guanxi.Domain.Reviews;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Tests;

/// <summary>
/// Issue 22: the customer's history reads in the viewer's language — the field by its name, the values by their names
/// (级别 普通客户, not Tier Ordinary) — beside the raw field and values the API always gave.
/// </summary>
public abstract class CustomerHistoryTextTests(GuanxiApp app)
{
    [Fact]
    public async Task The_history_names_fields_and_values_in_Chinese_and_in_English()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var created = await sales.PostAsJsonAsync("/api/customers", new
        {
            type = "person", name = $"历史文字{Guid.NewGuid():N}"[..10], phones = new[] { new { kind = "mobile", number = "13700005003" } }, allowDuplicate = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var customer = await db.Set<Customer>().SingleAsync(c => c.Id == id);
            Assert.True(customer.AdjustCredit(CreditLevel.B, "付款拖延").Succeeded);
            Assert.True(customer.RecordBusinessConditions([BusinessCondition.Debts]).Succeeded);
            Assert.True(customer.File(ReviewCategory.General, new DateOnly(2026, 11, 1)).Succeeded);
            Assert.True(customer.RecordRelationship(new KeyAccountRelationship(RelationshipStage.Relationship, RelationshipType.Partner, null, null)).Succeeded);
            db.Entry(customer).Property(c => c.Tier).CurrentValue = customer.Tier == Tier.Important ? Tier.Ordinary : Tier.Important;
            db.Entry(customer).Property(c => c.Stage).CurrentValue = LifecycleStage.Loyal;
            await db.SaveChangesAsync();
            db.Entry(customer).Property(c => c.Tier).CurrentValue = Tier.Ordinary;
            await db.SaveChangesAsync();
        }

        async Task<List<JsonElement>> History(string? language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/customers/{id}/history?pageSize=200");
            if (language is not null)
                request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await sales.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
        }
        static JsonElement Latest(List<JsonElement> rows, string field) => rows.First(r => r.GetProperty("field").GetString() == field);
        static string? S(JsonElement row, string name) => row.GetProperty(name).GetString();

        var chinese = await History("zh-CN");
        var tier = Latest(chinese, "Tier");
        Assert.Equal("Ordinary", S(tier, "newValue"));   // the raw value, as always
        Assert.Equal("客户级别", S(tier, "fieldName"));
        Assert.Equal("普通客户", S(tier, "newText"));
        Assert.Equal("重要客户", S(tier, "oldText"));
        Assert.Equal("忠诚客户", S(Latest(chinese, "Stage"), "newText"));
        Assert.Equal("B 级", S(Latest(chinese, "Credit"), "newText"));
        Assert.Equal("是", S(Latest(chinese, "CreditManual"), "newText"));
        Assert.Equal("债务纠纷", S(Latest(chinese, "BusinessConditions"), "newText"));
        Assert.Equal("2026年11月1日", S(Latest(chinese, "ReviewedOn"), "newText"));
        Assert.Equal("一般", S(Latest(chinese, "ArchiveCategory"), "newText"));
        Assert.Equal("伙伴型", S(Latest(chinese, "RelationshipType"), "newText"));
        Assert.Equal("负责人", S(Latest(chinese, "OwnerId"), "fieldName"));
        Assert.Equal("手机 137 0000 5003", S(Latest(chinese, "Phones"), "newText"));
        foreach (var row in chinese)
            Assert.False(S(row, "fieldName") == S(row, "field"), $"{S(row, "field")} has no Chinese name");

        var english = await History("en");
        var englishTier = Latest(english, "Tier");
        Assert.Equal("Ordinary", S(englishTier, "newValue"));
        Assert.Equal("Tier", S(englishTier, "fieldName"));
        Assert.Equal("Ordinary", S(englishTier, "newText"));
        Assert.Equal("Loyal", S(Latest(english, "Stage"), "newText"));
        Assert.Equal("Yes", S(Latest(english, "CreditManual"), "newText"));
        Assert.Equal("Debts", S(Latest(english, "BusinessConditions"), "newText"));
        Assert.Equal("1 Nov 2026", S(Latest(english, "ReviewedOn"), "newText"));
        Assert.Equal("Partner", S(Latest(english, "RelationshipType"), "newText"));
    }

    [Fact]
    public async Task The_audit_log_names_the_record_the_entity_and_the_field()
    {
        app.EnsureAvailable();
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var staff = await AccountsApiTests.CreateStaff(admin, $"named.{Guid.NewGuid():N}@demo.guanxi.cn");
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var name = $"审计名称{Guid.NewGuid():N}"[..10];
        var created = await sales.PostAsJsonAsync("/api/customers", new { type = "person", name, allowDuplicate = true });
        var customer = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var member = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entity=StaffUser&key={staff.Id}")).GetProperty("items").EnumerateArray()
            .First(r => r.GetProperty("field").GetString() == "DepartmentId");
        Assert.Equal(staff.Id, member.GetProperty("key").GetString());
        Assert.Equal(staff.DisplayName, member.GetProperty("recordName").GetString());
        Assert.Equal("员工账号", member.GetProperty("entityName").GetString());
        Assert.Equal("部门", member.GetProperty("fieldName").GetString());

        var row = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entity=Customer&key={customer}")).GetProperty("items").EnumerateArray()
            .First(r => r.GetProperty("field").GetString() == "Type");
        Assert.Equal(name, row.GetProperty("recordName").GetString());
        Assert.Equal("客户", row.GetProperty("entityName").GetString());
        Assert.Equal("个人", row.GetProperty("newText").GetString());
        Assert.Equal("person", row.GetProperty("newValue").GetString(), ignoreCase: true);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CustomerHistoryTextTests_Sqlite(SqliteApp app) : CustomerHistoryTextTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CustomerHistoryTextTests_Postgres(PostgresApp app) : CustomerHistoryTextTests(app);
