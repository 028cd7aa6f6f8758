using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Security.Claims;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Imports;
using Guanxi.Web.Shared.Auth;
using Guanxi.Web.Tests.Imports;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanxi.Web.Tests;

/// <summary>ARC-10 imports through the API: vCards, GBK CSV from Excel, bad rows, all or nothing.</summary>
public abstract class CustomerImportTests(GuanxiApp app)
{
    private static Task<Guid> Start(HttpClient client, byte[] file, string fileName, string mode, bool onlyValid = false, string? encoding = null) =>
        ImportApi.Start(client, file, fileName, "customers", mode, onlyValid, encoding);

    private static Task<JsonElement> Finished(HttpClient client, Guid id) => ImportApi.Finished(client, id);

    private static async Task<int> Count(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/customers?pageSize=1&q={Uri.EscapeDataString(q)}")).GetProperty("total").GetInt32();

    [Fact]
    public async Task ARC_10_every_shared_vcard_imports_or_is_rejected_per_card_with_a_reason()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        foreach (var path in Directory.GetFiles(ImportTestFiles.VCardFolder(), "*.vcf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var job = await Finished(manager, await Start(manager, await File.ReadAllBytesAsync(path), Path.GetFileName(path), "commit", onlyValid: true));
            Assert.True(job.GetProperty("status").GetString() == "succeeded", $"{path}: {job}");
            var (processed, created, updated, merged, rejected) = (job.GetProperty("processed").GetInt32(), job.GetProperty("created").GetInt32(),
                job.GetProperty("updated").GetInt32(), job.GetProperty("merged").GetInt32(), job.GetProperty("rejected").GetInt32());
            Assert.True(processed > 0, path);
            Assert.Equal(processed, created + updated + merged + rejected);
            Assert.All(job.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString()), path));
        }
        Assert.True(await Count(manager, "John Doe") > 0);
    }

    [Fact]
    public async Task ARC_10_a_gbk_csv_from_excel_imports_with_correct_chinese_address_divisions_and_groups()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var csv = "姓名,手机,邮箱,地址,分组,备注\r\n欧阳锋,13988801234,ouyang@gbk-test.cn,江苏省常州市金坛区东门大街1号,导入VIP;导入老客户,喜欢越野车\r\n";
        var job = await Finished(manager, await Start(manager, ImportTestFiles.Gb18030.GetBytes(csv), "客户.csv", "commit"));
        Assert.Equal(("succeeded", 1), (job.GetProperty("status").GetString(), job.GetProperty("created").GetInt32()));

        var row = (await manager.GetFromJsonAsync<JsonElement>("/api/customers?q=欧阳锋")).GetProperty("items")[0];
        Assert.Equal(["导入VIP", "导入老客户"], row.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var customer = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{row.GetProperty("id")}");
        var address = customer.GetProperty("addresses")[0];
        Assert.Equal(("江苏省", "常州市", "金坛区", "东门大街1号"), (address.GetProperty("province").GetString(), address.GetProperty("city").GetString(),
            address.GetProperty("district").GetString(), address.GetProperty("street").GetString()));
        Assert.Equal("喜欢越野车", customer.GetProperty("notes").GetProperty("background").GetString());
        var history = (await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{row.GetProperty("id")}/history")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("field").GetString() == "Imported" && h.GetProperty("newValue").GetString() == "客户.csv #2"
            && !string.IsNullOrEmpty(h.GetProperty("userName").GetString()));   // ARC-3: who imported it, from which file and row
        Assert.Contains(history, h => h.GetProperty("field").GetString() == "Groups");
        Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/customers?q=欧阳")).GetProperty("items").EnumerateArray());

        var again = await Finished(manager, await Start(manager, ImportTestFiles.Gb18030.GetBytes(csv.Replace("喜欢越野车", "", StringComparison.Ordinal)), "客户.csv", "commit"));
        Assert.Equal((0, 1), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32()));   // the same mobile updates, never duplicates
        Assert.Equal(1, await Count(manager, "欧阳锋"));
    }

    [Fact]
    public async Task ARC_10_bad_rows_are_reported_by_row_column_and_reason_and_a_commit_with_errors_writes_nothing()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var csv = "name,mobile,email,birthday,owner\n"
            + "导入甲,13988802001,jia@bad-rows.cn,1990-05-01,\n"
            + "导入乙,12345,yi@bad-rows.cn,,\n"
            + "导入丙,13988802003,not-an-email,,\n"
            + "导入丁,13988802004,,1990-13-45,\n"
            + ",,,,\n"
            + "导入戊,13988802005,,,不存在的人\n"
            + "导入甲,13988802001,,,\n";
        var bytes = Encoding.UTF8.GetBytes(csv);

        var failed = await Finished(manager, await Start(manager, bytes, "bad.csv", "commit"));
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("未导入任何数据", failed.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await Count(manager, "导入甲"));

        var dryRun = await Start(manager, bytes, "bad.csv", "dryRun");
        var checkedRun = await Finished(manager, dryRun);
        Assert.Equal((1, 1, 4), (checkedRun.GetProperty("created").GetInt32(), checkedRun.GetProperty("merged").GetInt32(), checkedRun.GetProperty("rejected").GetInt32()));
        var errors = checkedRun.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "mobile"), (4, "email"), (5, "birthday"), (7, "owner")], errors);
        Assert.Equal(0, await Count(manager, "导入甲"));

        var rejected = await manager.GetAsync($"/api/imports/{dryRun}/rejected");
        var table = TabularReader.Read(new MemoryStream(await rejected.Content.ReadAsByteArrayAsync()), "rejected.xlsx");
        Assert.Equal(["行号", "列", "原因"], table.Headers);
        Assert.Equal(4, table.Rows.Count());

        var commit = await manager.PostAsJsonAsync($"/api/imports/{dryRun}/commit", new { onlyValid = true });
        var committed = await Finished(manager, (await commit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(("succeeded", 1, 1), (committed.GetProperty("status").GetString(), committed.GetProperty("created").GetInt32(), committed.GetProperty("merged").GetInt32()));
        Assert.Equal(1, await Count(manager, "导入甲"));
        Assert.Equal(0, await Count(manager, "导入乙"));

        var other = await app.SignedInAs("sales@demo.guanxi.cn");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/imports/{dryRun}")).StatusCode);
        using var wrong = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "客户.pdf" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync("/api/imports", wrong)).StatusCode);
    }

    [Fact]
    public async Task ARC_10_the_encoding_chosen_in_the_api_is_how_the_file_is_read()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        // Two capitals side by side read as one common hanzi in GBK: detection alone would take this for Chinese.
        var bytes = Guanxi.Web.Features.Imports.TextEncodings.Windows1252.GetBytes("name,mobile\r\nÀÉ Dupont,13988805001\r\n");

        var job = await Finished(manager, await Start(manager, bytes, "latin.csv", "commit", encoding: "windows-1252"));

        Assert.Equal(("succeeded", 1), (job.GetProperty("status").GetString(), job.GetProperty("created").GetInt32()));
        Assert.Equal(1, await Count(manager, "ÀÉ Dupont"));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "latin.csv" }, { new StringContent("ebcdic-klingon"), "encoding" } };
        var refused = await manager.PostAsync("/api/imports", form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("encoding", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARC_10_an_unclosed_quote_fails_the_import_with_its_row_and_writes_nothing()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var csv = "姓名,手机,备注\r\n引号甲,13988806001,ok\r\n引号乙,13988806002,\"没有闭合\r\n引号丙,13988806003,x\r\n";

        var job = await Finished(manager, await Start(manager, Encoding.UTF8.GetBytes(csv), "quote.csv", "commit"));

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Contains("第 3 行", job.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(job.GetProperty("errors").EnumerateArray()).GetProperty("row").GetInt32());
        Assert.Equal(0, job.GetProperty("created").GetInt32());
        Assert.Equal(0, await Count(manager, "引号甲"));   // the rows before it were not written either
    }

    [Fact]
    public async Task ARC_1_a_vcard_whose_only_fault_is_a_foreign_phone_number_imports_with_the_number_kept_and_a_warning()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Foreign\r\nTEL;TYPE=CELL:905-555-1234\r\nEMAIL:\"Anna Foreign\" <anna@foreign-phone.example>\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bernd Berlin\r\nTEL;TYPE=WORK:030 2345 6789\r\nADR;TYPE=WORK:;;Unter den Linden 1;Berlin;;10117;Germany\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Carla Beirut\r\nTEL;CELL:+96100000001\r\nEND:VCARD\r\n";
        var bytes = Encoding.UTF8.GetBytes(vcf);

        var dryRun = await Finished(manager, await Start(manager, bytes, "abroad.vcf", "dryRun"));
        Assert.Equal(("succeeded", 3, 0), (dryRun.GetProperty("status").GetString(), dryRun.GetProperty("created").GetInt32(), dryRun.GetProperty("rejected").GetInt32()));
        var warnings = dryRun.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Equal([(1, "mobile"), (3, "mobile")], warnings.Select(w => (w.GetProperty("row").GetInt32(), w.GetProperty("column").GetString())));
        var warning = warnings[0];
        Assert.Contains("905-555-1234", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(dryRun.GetProperty("errors").EnumerateArray());

        await Finished(manager, await Start(manager, bytes, "abroad.vcf", "commit"));
        var anna = await CustomerNamed(manager, "Anna Foreign");
        Assert.Equal(("905-555-1234", false), (anna.GetProperty("phones")[0].GetProperty("number").GetString(), anna.GetProperty("phones")[0].GetProperty("verified").GetBoolean()));   // as written: unverified
        Assert.Equal("anna@foreign-phone.example", anna.GetProperty("emails")[0].GetString());
        var read = await manager.GetAsync($"/api/customers/{anna.GetProperty("id")}");
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{anna.GetProperty("id")}")
        {
            Content = JsonContent.Create(new { type = "Person", name = "Anna Foreign", phones = new[] { new { kind = "Mobile", number = "905-555-1234" } }, emails = new[] { "anna@foreign-phone.example" }, gender = "Female" }),
        };
        edit.Headers.IfMatch.ParseAdd(read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await manager.SendAsync(edit)).StatusCode);   // the number kept as written does not block editing the customer
        var carla = (await CustomerNamed(manager, "Carla Beirut")).GetProperty("phones")[0];
        Assert.Equal(("+96100000001", false), (carla.GetProperty("number").GetString(), carla.GetProperty("verified").GetBoolean()));   // in full form, but not a valid number
        var bernd = await CustomerNamed(manager, "Bernd Berlin");
        Assert.Equal(("+493023456789", true), (bernd.GetProperty("phones")[0].GetProperty("number").GetString(), bernd.GetProperty("phones")[0].GetProperty("verified").GetBoolean()));   // read as German, from the address
    }

    [Fact]
    public async Task ARC_1_an_organisations_short_service_number_imports_as_written_but_is_no_mobile()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var csv = "单位,电话,手机\r\n短号银行,95555,\r\n短号公司,,95556\r\n";

        var job = await Finished(manager, await Start(manager, Encoding.UTF8.GetBytes(csv), "hotlines.csv", "dryRun"));

        Assert.Equal((1, 1), (job.GetProperty("created").GetInt32(), job.GetProperty("rejected").GetInt32()));
        Assert.Equal((2, "电话"), (job.GetProperty("warnings")[0].GetProperty("row").GetInt32(), job.GetProperty("warnings")[0].GetProperty("column").GetString()));
        Assert.Equal((3, "手机"), (job.GetProperty("errors")[0].GetProperty("row").GetInt32(), job.GetProperty("errors")[0].GetProperty("column").GetString()));
    }

    [Fact]
    public async Task ARC_1_an_email_written_with_its_name_is_read_as_the_address()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var csv = "姓名,手机,邮箱\r\n邮箱甲,13988807001,\"\"\"Wang, Wei\"\" <wang.wei@name-email.cn>; li@name-email.cn\"\r\n";

        var job = await Finished(manager, await Start(manager, Encoding.UTF8.GetBytes(csv), "emails.csv", "commit"));

        Assert.Equal(("succeeded", 1), (job.GetProperty("status").GetString(), job.GetProperty("created").GetInt32()));
        Assert.Equal(["wang.wei@name-email.cn", "li@name-email.cn"], (await CustomerNamed(manager, "邮箱甲")).GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ARC_10_a_dry_run_is_committed_once_and_a_second_commit_answers_409()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var dryRun = await Start(manager, Encoding.UTF8.GetBytes("姓名,手机\n提交一次,13988805101\n"), "once.csv", "dryRun");
        await Finished(manager, dryRun);

        var first = await manager.PostAsJsonAsync($"/api/imports/{dryRun}/commit", new { onlyValid = false });
        var second = await manager.PostAsJsonAsync($"/api/imports/{dryRun}/commit", new { onlyValid = false });   // while the first is queued or running
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Conflict), (first.StatusCode, second.StatusCode));
        await Finished(manager, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var third = await manager.PostAsJsonAsync($"/api/imports/{dryRun}/commit", new { onlyValid = false });   // and once it is done

        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Contains("不会重复导入", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await Count(manager, "提交一次"));
    }

    private static async Task<JsonElement> CustomerNamed(HttpClient client, string name)
    {
        var row = (await client.GetFromJsonAsync<JsonElement>($"/api/customers?q={Uri.EscapeDataString(name)}")).GetProperty("items")[0];
        return await client.GetFromJsonAsync<JsonElement>($"/api/customers/{row.GetProperty("id")}");
    }

    [Fact]
    public async Task SEC_1_the_file_of_a_dry_run_nobody_commits_is_deleted_after_a_day()
    {
        app.EnsureAvailable();
        var manager = await app.SignedInAs("sales.manager@demo.guanxi.cn");
        var dryRun = await Start(manager, Encoding.UTF8.GetBytes("姓名,手机\n过期试导入,13988809001\n"), "old.csv", "dryRun");
        await Finished(manager, dryRun);
        string path;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Guanxi.Web.Data.GuanxiDbContext>();
            var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == dryRun);
            path = job.StoredPath;
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ForgetOldUploads>().Handle(CancellationToken.None));   // still fresh
            Assert.True(File.Exists(path));
            job.FinishedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow() - ForgetOldUploads.DryRunKept - TimeSpan.FromMinutes(1);
            await db.SaveChangesAsync();
            Assert.True(await scope.ServiceProvider.GetRequiredService<ForgetOldUploads>().Handle(CancellationToken.None) >= 1);
        }

        Assert.False(File.Exists(path));
        var commit = await manager.PostAsJsonAsync($"/api/imports/{dryRun}/commit", new { onlyValid = true });
        Assert.Equal(HttpStatusCode.BadRequest, commit.StatusCode);
        Assert.Contains("重新上传", await commit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARC_10_a_customer_written_in_bulk_is_stored_exactly_as_a_saved_one()
    {
        app.EnsureAvailable();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GuanxiDbContext>();
        var owner = await db.Users.SingleAsync(u => u.Email == "sales.manager@demo.guanxi.cn");
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        user.Use(new ClaimsPrincipal(new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, owner.Id), new(ClaimTypes.Name, owner.DisplayName)], "test")));
        var now = new DateTimeOffset(2026, 11, 23, 0, 30, 15, TimeSpan.Zero).AddTicks(1234567);
        Customer Make() => Customer.Create(new CustomerDetails(
            CustomerType.Organization, "批量 Bulk 光学", "常州“琥珀”光学有限公司",
            [new(PhoneKind.Mobile, "+8613812340000"), new(PhoneKind.Office, "+8651988880000")],
            ["bulk@example.cn"], "wx_bulk", [new("江苏省", "常州市", "天宁区", "延陵西路 1 号")], new DateOnly(1980, 2, 29), true,
            Gender.Female, "制造业", "50–200 人", "展厅来访", owner.Id, owner.DepartmentId, "背景\n第二行", "偏好", "需求",
            [new("李娜", "采购经理", [new(PhoneKind.Mobile, "+8613900000000")], new DateOnly(1985, 3, 8))]), now, new DateOnly(2026, 11, 23)).Value!;
        var (bulk, saved) = (Make(), Make());

        db.Add(saved);
        await db.SaveChangesAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await using (var writer = new CustomerBulkWriter(db, user, TimeProvider.System))
                await writer.Write([(bulk, "bulk.csv #2")], CancellationToken.None);
            await transaction.CommitAsync();
        }

        async Task<List<Dictionary<string, object?>>> Rows(string sql)
        {
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<Dictionary<string, object?>>();
            while (await reader.ReadAsync())
                rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
            return rows;
        }
        await db.Database.OpenConnectionAsync();
        var ids = new[] { bulk.Id, saved.Id }.Select(id => id.ToString()).ToList();
        string Text(object? value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.ToUpperInvariant();
        Dictionary<string, object?> Without(Dictionary<string, object?> row, params string[] columns) => row.Where(c => !columns.Contains(c.Key)).ToDictionary();

        var customers = (await Rows("""SELECT * FROM "Customers" """)).Where(r => ids.Contains(Text(r["Id"]), StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.Equal(2, customers.Count);
        Assert.Equal(Without(customers[0], "Id", "Version"), Without(customers[1], "Id", "Version"), new SameRow());
        var entries = (await Rows("""SELECT * FROM "CustomerSearch" """)).Where(r => ids.Contains(Text(r["CustomerId"]), StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(Without(entries[0], "Id", "CustomerId"), Without(entries[1], "Id", "CustomerId"), new SameRow());
        var keys = (await Rows("""SELECT * FROM "CustomerKeys" """)).Where(r => ids.Contains(Text(r["CustomerId"]), StringComparer.OrdinalIgnoreCase))
            .GroupBy(r => Text(r["CustomerId"])).Select(g => g.Select(r => $"{r["Key"]}|{r["Weight"]}").Order().ToList()).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEmpty(keys[0]);
        var found = await db.Set<CustomerKey>().Where(k => k.CustomerId == bulk.Id).Select(k => k.Entry!.CustomerId).Distinct().ToListAsync();
        Assert.Equal([bulk.Id], found);   // its keys point at its own entry
        var imported = await db.Set<AuditEntry>().SingleAsync(a => a.Key == bulk.Id.ToString() && a.Field == "Imported");
        Assert.Equal(("bulk.csv #2", owner.Id, null), (imported.NewValue, imported.UserId, imported.UserNameText));   // who by id: the name is looked up when shown
        var read = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == bulk.Id || c.Id == saved.Id).OrderBy(c => c.Id == bulk.Id).ToListAsync();
        Assert.Equal([saved.Id, bulk.Id], read.Select(c => c.Id));   // EF finds the bulk one by its id
        Assert.Equal(read[0], read[1], new SameDetails());
    }

    /// <summary>Rows with the same columns and values; a difference names the column.</summary>
    private sealed class SameRow : IEqualityComparer<Dictionary<string, object?>>
    {
        public bool Equals(Dictionary<string, object?>? a, Dictionary<string, object?>? b)
        {
            var differ = a!.Keys.Union(b!.Keys).Where(k => !Equals(a.GetValueOrDefault(k), b.GetValueOrDefault(k))).ToList();
            Assert.True(differ.Count == 0, string.Join("; ", differ.Select(k => $"{k}: {a.GetValueOrDefault(k)} ≠ {b.GetValueOrDefault(k)}")));
            return true;
        }

        public int GetHashCode(Dictionary<string, object?> row) => row.Count;
    }

    private sealed class SameDetails : IEqualityComparer<Customer>
    {
        public bool Equals(Customer? a, Customer? b) =>
            a is not null && b is not null && a.CreatedAt == b.CreatedAt
            && System.Text.Json.JsonSerializer.Serialize(a.Details) == System.Text.Json.JsonSerializer.Serialize(b.Details);

        public int GetHashCode(Customer c) => c.Id.GetHashCode();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CustomerImportTests_Sqlite(SqliteApp app) : CustomerImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CustomerImportTests_Postgres(PostgresApp app) : CustomerImportTests(app);
