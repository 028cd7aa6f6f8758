using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guanxi.Web.Features.Imports;
using Guanxi.Web.Tests.Infrastructure;

namespace Guanxi.Web.Tests;

/// <summary>
/// ARC-9 / ARC-10 export: a right of its own, the filtered list, formula cells neutralised, every export logged; its columns,
/// the last contact (SVC-1) among them as the enterprise's day.
/// </summary>
public abstract class CustomerExportTests(GuanxiApp app)
{
    [Fact]
    public async Task ARC_10_export_writes_the_filtered_list_neutralises_formulas_needs_its_right_and_is_logged()
    {
        app.EnsureAvailable();
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var body = new
        {
            type = "person", name = "=HYPERLINK(\"http://evil\")导出", organization = "导出测试单位", allowDuplicate = true,
            phones = new[] { new { kind = "mobile", number = "13977701234" } },
        };
        (await cs.PostAsJsonAsync("/api/customers", body)).EnsureSuccessStatusCode();

        var csv = await cs.GetAsync("/api/customers/export?format=csv&q=导出测试单位");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF姓名,", text, StringComparison.Ordinal);   // a BOM, so that Excel reads the Chinese
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")导出\"", text, StringComparison.Ordinal);
        Assert.Contains("13977701234", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var xlsx = await cs.GetAsync("/api/customers/export?format=xlsx&q=导出测试单位");
        var table = TabularReader.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), "export.xlsx");
        var row = Assert.Single(table.Rows);
        Assert.Equal("导出测试单位", row.Cells[table.Headers.ToList().IndexOf("单位")]);
        Assert.Equal(Columns, table.Headers);

        // The list's filters narrow the export too: a new customer is a potential one, not rated yet (ARC-5: no payment history).
        var filtered = await cs.GetAsync("/api/customers/export?format=csv&q=导出测试单位&stage=potential&credit=notRated");
        Assert.Equal(2, Encoding.UTF8.GetString(await filtered.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var none = await cs.GetAsync("/api/customers/export?format=csv&q=导出测试单位&credit=A");
        Assert.Single(Encoding.UTF8.GetString(await none.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));   // the header alone
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.GetAsync("/api/customers/export?format=csv&credit=D")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAs("sales@demo.guanxi.cn")).GetAsync("/api/customers/export?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cs.GetAsync("/api/customers/export?format=pdf")).StatusCode);
        var admin = await app.SignedInAs("admin@demo.guanxi.cn");
        var log = (await admin.GetFromJsonAsync<JsonElement>("/api/audit/personal-data?pageSize=200")).GetProperty("items").EnumerateArray();
        Assert.Contains(log, a => a.GetProperty("kind").GetString() == "export" && a.GetProperty("rowCount").GetInt32() == 1
            && a.GetProperty("reason").GetString()!.Contains("导出测试单位", StringComparison.Ordinal));
    }

    /// <summary>The export's header row, in order.</summary>
    private static readonly string[] Columns =
        ["姓名", "客户类型", "单位", "手机", "办公电话", "邮箱", "微信", "省份", "城市", "区县", "详细地址", "生日", "性别", "行业", "来源", "分组", "负责人", "部门", "最近联系", "备注"];

    [Fact]
    public async Task SVC1_the_export_writes_the_last_contact_as_its_day_in_the_enterprise_zone()
    {
        app.EnsureAvailable();
        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");
        var token = $"联系导出{Guid.NewGuid():N}"[..12];
        async Task<Guid> Customer(string name)
        {
            var response = await cs.PostAsJsonAsync("/api/customers", new { type = "person", name, allowDuplicate = true });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        var contacted = await Customer($"{token}甲");
        await Customer($"{token}乙");   // never contacted
        // 00:30 in Shanghai is still the day before in UTC; a later contact recorded first is the last one.
        foreach (var at in new[] { new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.FromHours(8)) })
        {
            var recorded = await cs.PostAsJsonAsync("/api/contacts", new { customerId = contacted, channel = "phone", direction = "outbound", at, summary = "回访用车情况", touchpoint = "afterSale" });
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        }

        var xlsx = await cs.GetAsync($"/api/customers/export?format=xlsx&q={token}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var table = TabularReader.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), "export.xlsx");
        Assert.Equal(Columns, table.Headers);
        var lastContact = Array.IndexOf(Columns, "最近联系");
        var rows = table.Rows.ToDictionary(r => r.Cells[0]!, r => r.Cells[lastContact]);
        Assert.Equal(2, rows.Count);
        Assert.Equal("2026-03-01", rows[$"{token}甲"]);
        Assert.True(string.IsNullOrEmpty(rows[$"{token}乙"]));

        // The overdue filter narrows it as it narrows the list (contacted in March, longer ago than an ordinary customer's
        // half-year; the other entered today): the overdue one, with its last contact.
        var overdue = await cs.GetAsync($"/api/customers/export?format=csv&q={token}&contact=overdue");
        var lines = Encoding.UTF8.GetString(await overdue.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', Columns), lines[0]);
        var listed = (await cs.GetFromJsonAsync<JsonElement>($"/api/customers?q={token}&contact=overdue&pageSize=50")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal([$"{token}甲"], listed);
        var line = Assert.Single(lines[1..]);
        Assert.StartsWith($"{token}甲,", line, StringComparison.Ordinal);
        Assert.Contains(",2026-03-01,", line, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CustomerExportTests_Sqlite(SqliteApp app) : CustomerExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CustomerExportTests_Postgres(PostgresApp app) : CustomerExportTests(app);
