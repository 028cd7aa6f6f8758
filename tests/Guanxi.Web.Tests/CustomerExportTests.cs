using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guanxi.Web.Features.Imports;
using Guanxi.Web.Tests.Infrastructure;

namespace Guanxi.Web.Tests;

/// <summary>ARC-9 / ARC-10 export: a right of its own, the filtered list, formula cells neutralised, every export logged.</summary>
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
}

[Collection(SqliteCollection.Name)]
public sealed class CustomerExportTests_Sqlite(SqliteApp app) : CustomerExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CustomerExportTests_Postgres(PostgresApp app) : CustomerExportTests(app);
