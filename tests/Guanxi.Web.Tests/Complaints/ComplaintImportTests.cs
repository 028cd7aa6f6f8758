using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guanxi.Domain.Complaints;
using Guanxi.Domain.Customers;
using Guanxi.Web.Tests.Imports;
using Guanxi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Guanxi.Web.Tests.Infrastructure.Days;

namespace Guanxi.Web.Tests.Complaints;

/// <summary>
/// SVC-2: complaints received on other channels arrive through the import pipeline (kind=complaints), on both databases —
/// each row received as <c>POST /api/complaints</c> receives one, all or nothing, never twice, in the importer's sight.
/// </summary>
public abstract class ComplaintImportTests(GuanxiApp app)
{
    private const string Header = "客户编号,手机,受理时间,渠道,类别,严重程度,触点,摘要,详细情况,订单号";

    private static async Task<(Guid Id, string Mobile)> Customer(HttpClient client, string name)
    {
        var mobile = $"1370{Random.Shared.Next(0, 10_000_000):D7}";
        var response = await client.PostAsJsonAsync("/api/customers", new { type = "person", name, phones = new[] { new { kind = "mobile", number = mobile } }, allowDuplicate = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), mobile);
    }

    private static async Task<(Guid Id, string No)> Order(HttpClient client, Guid customer, string? staffId = null)
    {
        var response = await client.PostAsJsonAsync("/api/orders", new
        {
            kind = "sale", externalNo = $"TS-{Guid.NewGuid():N}"[..20], customerId = customer, orderedAt = D(Today.AddDays(-30)), deliveredAt = D(Today.AddDays(-20)), amount = 150_000m, staffId,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (order.GetProperty("id").GetGuid(), order.GetProperty("externalNo").GetString()!);
    }

    /// <summary>A customer number (客户编号), as an import from the dealer system gives one.</summary>
    private async Task Number(Guid customer, string number)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var c = await db.Set<Customer>().SingleAsync(c => c.Id == customer);
            Assert.True(c.Numbered(number).Succeeded);
            await db.SaveChangesAsync();
        }
    }

    private async Task<string> UserId(string email)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
            return (await db.Users.SingleAsync(u => u.Email == email)).Id;
    }

    private async Task<List<Complaint>> Complaints(string tag)
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
            return await db.Set<Complaint>().AsNoTracking().Where(c => c.Summary.Contains(tag)).ToListAsync();
    }

    private static async Task<JsonElement> Import(HttpClient client, byte[] file, string fileName, string mode, bool onlyValid = false) =>
        await ImportApi.Finished(client, await ImportApi.Start(client, file, fileName, "complaints", mode, onlyValid));

    private static (string Status, int Created, int Rejected, int Warnings) Counts(JsonElement job) =>
        (job.GetProperty("status").GetString()!, job.GetProperty("created").GetInt32(), job.GetProperty("rejected").GetInt32(), job.GetProperty("warnings").GetArrayLength());

    private static List<(int Row, string Column, string Message)> Errors(JsonElement job) =>
        [.. job.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!))];

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task SVC2_complaints_arrive_through_an_import_of_a_GBK_csv_with_their_tiers_times_and_steps_and_never_twice()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var salesId = await UserId("sales@demo.guanxi.cn");
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (numbered, _) = await Customer(sales, "秦导入");
        await Number(numbered, $"K{tag}");
        var (byMobile, mobile) = await Customer(sales, "尤导入");
        var (order, orderNo) = await Order(sales, byMobile, salesId);
        var csv = string.Join("\r\n",
            Header,
            $"K{tag},,2026-04-03 16:00,电话,维修质量,一般,售后,保养后发动机异响{tag},客户来电：上周保养后冷车启动有异响。,",
            $",{mobile},2026/9/30 16:00,微信,交付,紧急,交付,交车延误三天{tag},,{orderNo}",
            $"K{tag},,2026年4月3日 16:00,phone,repairQuality,medium,afterSale,保养后发动机异响{tag},同一投诉又登记了一次,",
            $"K{tag},,,短信,价格,轻微,销售,询问保养价格{tag},,");
        var file = ImportTestFiles.Gb18030.GetBytes(csv);   // as Excel saves a CSV on a Chinese Windows: the pipeline finds the encoding

        var dry = await Import(sales, file, "投诉登记.csv", "dryRun");
        Assert.Equal(("succeeded", 3, 0, 1), Counts(dry));
        var twin = dry.GetProperty("warnings")[0];
        Assert.Equal((4, "摘要"), (twin.GetProperty("row").GetInt32(), twin.GetProperty("column").GetString()));
        Assert.Contains("第 2 行", twin.GetProperty("message").GetString());
        Assert.Empty(await Complaints(tag));

        var importedFrom = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        var done = await Import(sales, file, "投诉登记.csv", "commit");
        Assert.Equal(("succeeded", 3, 0, 1), Counts(done));
        var made = await Complaints(tag);
        Assert.Equal(3, made.Count);

        var cs = await app.SignedInAs("cs.manager@demo.guanxi.cn");   // the complaint about the consultant's order is not theirs to read while open
        async Task<JsonElement> View(Complaint c) => await cs.GetFromJsonAsync<JsonElement>($"/api/complaints/{c.Id}");
        // An ordinary customer: 24 and 72 working hours, 08:30–12:00 and 13:30–17:30 on the State Council's 2026 schedule.
        // Friday 3 April 16:00, before 清明 (4–6 April): 1.5 h that day, then from Tuesday 7 April.
        var repair = await View(made.Single(c => c.CustomerId == numbered && c.Category == "repairQuality"));
        Assert.Equal(("phone", "medium", "afterSale", "ordinary", "客户来电：上周保养后冷车启动有异响。"), (repair.GetProperty("channel").GetString(), repair.GetProperty("severity").GetString(),
            repair.GetProperty("touchpoint").GetString(), repair.GetProperty("tier").GetString(), repair.GetProperty("details").GetString()));
        Assert.Equal($"保养后发动机异响{tag}", repair.GetProperty("summary").GetString());   // the GBK bytes read as Chinese
        Assert.Equal(Shanghai(2026, 4, 3, 16), repair.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Equal(Shanghai(2026, 4, 9, 17, 30), repair.GetProperty("responseDueAt").GetDateTimeOffset());
        Assert.Equal(Shanghai(2026, 4, 20, 11, 30), repair.GetProperty("resolutionDueAt").GetDateTimeOffset());
        var received = repair.GetProperty("steps")[0];
        Assert.Equal(("received", salesId, "投诉登记.csv #2"), (received.GetProperty("kind").GetString(), received.GetProperty("byId").GetString(), received.GetProperty("note").GetString()));
        Assert.Equal(Shanghai(2026, 4, 3, 16), received.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(salesId, repair.GetProperty("receivedById").GetString());

        // Wednesday 30 September 16:00, before 国庆 (1–7 October), critical: 6 and 18 hours; Saturday 10 October (调休) is worked.
        // About an order: the order's department and its staff.
        var late = await View(made.Single(c => c.CustomerId == byMobile));
        Assert.Equal(("wechat", "delivery", "critical", "delivery"), (late.GetProperty("channel").GetString(), late.GetProperty("category").GetString(),
            late.GetProperty("severity").GetString(), late.GetProperty("touchpoint").GetString()));
        Assert.Equal(Shanghai(2026, 10, 8, 14, 30), late.GetProperty("responseDueAt").GetDateTimeOffset());
        Assert.Equal(Shanghai(2026, 10, 10, 10), late.GetProperty("resolutionDueAt").GetDateTimeOffset());
        Assert.Equal((order, orderNo, salesId), (late.GetProperty("orderId").GetGuid(), late.GetProperty("orderNo").GetString(), late.GetProperty("staffId").GetString()));
        var orderView = await sales.GetFromJsonAsync<JsonElement>($"/api/orders/{order}");
        Assert.Equal(orderView.GetProperty("departmentId").GetGuid(), late.GetProperty("departmentId").GetGuid());

        // No time given: received at the import's time.
        var asked = made.Single(c => c.Category == "price");
        Assert.InRange(asked.ReceivedAt, importedFrom.AddMinutes(-1), TimeProvider.System.GetUtcNow());
        Assert.Equal(ComplaintSeverity.Low, asked.Severity);

        // The same file again: nothing new, every row named as recorded already.
        var again = await Import(sales, file, "投诉登记.csv", "commit");
        Assert.Equal(("succeeded", 0, 0, 4), Counts(again));
        Assert.Contains("已登记过", again.GetProperty("warnings")[0].GetProperty("message").GetString());
        Assert.Equal(3, (await Complaints(tag)).Count);
    }

    [Fact]
    public async Task SVC2_a_complaint_file_with_bad_rows_saves_nothing_and_names_each_bad_row_its_column_and_reason()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (_, mobile) = await Customer(sales, "许导入");
        var (other, _) = await Customer(sales, "何导入");
        var (_, othersOrder) = await Order(sales, other);
        string Row(string summary, string at = "2026-05-06 10:00", string channel = "电话", string category = "价格", string severity = "轻微", string touchpoint = "销售",
            string details = "", string orderNo = "", string phone = "") => $",{(phone.Length > 0 ? phone : mobile)},{at},{channel},{category},{severity},{touchpoint},{summary},{details},{orderNo}";
        var csv = string.Join("\n",
            Header,
            Row($"报价与合同不符{tag}"),                                       // 2: good
            Row($"渠道错{tag}", channel: "飞鸽传书"),                           // 3
            Row($"类别错{tag}", category: "不存在的类别"),                      // 4
            Row($"程度错{tag}", severity: "超级严重"),                          // 5
            Row(""),                                                           // 6: no summary
            Row(tag + new string('长', 200), details: new string('详', 4001)), // 7: both too long
            Row($"未来{tag}", at: "2099-01-01 10:00"),                          // 8
            Row($"日期错{tag}", at: "下周二"),                                  // 9
            Row($"订单错{tag}", orderNo: othersOrder),                          // 10: another customer's order
            Row($"客户错{tag}", phone: "19999999999"),                          // 11: nobody's mobile
            Row($"触点错{tag}", touchpoint: "月球"),                            // 12
            Row($"太早{tag}", at: "2020-01-01 10:00"));                         // 13: before the working calendar
        var file = Encoding.UTF8.GetBytes(csv);

        var dry = await Import(sales, file, "投诉.csv", "dryRun");
        Assert.Equal(("succeeded", 1, 11, 0), Counts(dry));
        var errors = Errors(dry);
        Assert.Equal([3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13], errors.Select(e => e.Row));
        Assert.Equal(["渠道", "类别", "严重程度", "摘要", "摘要", "详细情况", "受理时间", "受理时间", "订单号", "手机", "触点", "受理时间"], errors.Select(e => e.Column));
        Assert.Contains("飞鸽传书", errors[0].Message);
        Assert.Equal("没有“不存在的类别”这个投诉类别", errors[1].Message);
        Assert.Contains("轻微、一般、严重、紧急", errors[2].Message);
        Assert.Equal(ComplaintErrors.SummaryRequired.Message, errors[3].Message);          // the API's own reasons
        Assert.Equal(ComplaintErrors.SummaryTooLong.Message, errors[4].Message);
        Assert.Equal(ComplaintErrors.DetailsTooLong.Message, errors[5].Message);
        Assert.Equal("受理时间不能晚于现在", errors[6].Message);
        Assert.Equal(ComplaintErrors.OrderUnknown.Message, errors[8].Message);
        Assert.Equal("没有客户编号或手机为“19999999999”的客户", errors[9].Message);
        Assert.Contains($"{Today.Year - 2}年1月1日", errors[11].Message);   // the working calendar's first year

        var refused = await Import(sales, file, "投诉.csv", "commit");
        Assert.Equal(("failed", 0, 11), (refused.GetProperty("status").GetString(), refused.GetProperty("created").GetInt32(), refused.GetProperty("rejected").GetInt32()));
        Assert.Contains("有 11 行有错误，未导入任何数据", refused.GetProperty("message").GetString());
        Assert.Empty(await Complaints(tag));

        var valid = await Import(sales, file, "投诉.csv", "commit", onlyValid: true);   // the user's explicit choice
        Assert.Equal(("succeeded", 1, 11, 0), Counts(valid));
        Assert.Equal($"报价与合同不符{tag}", Assert.Single(await Complaints(tag)).Summary);

        var noColumns = await Import(sales, Encoding.UTF8.GetBytes($"客户编号,摘要\nK{tag},没有其他列{tag}"), "投诉.csv", "dryRun");
        Assert.Equal("failed", noColumns.GetProperty("status").GetString());
        Assert.Contains("渠道、类别、严重程度、触点", noColumns.GetProperty("message").GetString());
    }

    [Fact]
    public async Task SVC2_a_customer_out_of_the_importers_sight_is_refused_as_an_unknown_one_and_another_customers_order_as_an_unknown_order()
    {
        app.EnsureAvailable();
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        var advisor = await app.SignedInAs("advisor@demo.guanxi.cn");   // the service department: sales' customers are out of sight
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (customer, mobile) = await Customer(sales, "吕导入");
        await Number(customer, $"S{tag}");
        var (mine, _) = await Customer(advisor, "施导入");
        await Number(mine, $"A{tag}");
        var (_, salesOrder) = await Order(sales, customer);
        var csv = string.Join("\r\n",
            Header,
            $"S{tag},,2026-06-01 09:00,电话,价格,一般,销售,看不到的客户{tag},,",
            $"N{tag},,2026-06-01 09:00,电话,价格,一般,销售,不存在的客户{tag},,",
            $",{mobile},2026-06-01 09:00,电话,价格,一般,销售,看不到的手机{tag},,",
            $"A{tag},,2026-06-01 09:00,电话,价格,一般,售后,别人的订单{tag},,{salesOrder}",
            $"A{tag},,2026-06-01 09:00,电话,价格,一般,售后,没有的订单{tag},,NO-{tag}");
        var file = ImportTestFiles.Gb18030.GetBytes(csv);

        var dry = await Import(advisor, file, "投诉.csv", "dryRun");
        Assert.Equal(("succeeded", 0, 5, 0), Counts(dry));
        var errors = Errors(dry);
        Assert.Equal([("客户编号", $"没有客户编号或手机为“S{tag}”的客户"), ("客户编号", $"没有客户编号或手机为“N{tag}”的客户"), ("手机", $"没有客户编号或手机为“{mobile}”的客户"),
            ("订单号", ComplaintErrors.OrderUnknown.Message), ("订单号", ComplaintErrors.OrderUnknown.Message)], errors.Select(e => (e.Column, e.Message)));
        Assert.Equal(errors[0].Message.Replace($"S{tag}", "", StringComparison.Ordinal), errors[1].Message.Replace($"N{tag}", "", StringComparison.Ordinal));

        // The same rows are the sales consultant's to import: the refusal was about sight.
        var theirs = await Import(sales, ImportTestFiles.Gb18030.GetBytes(string.Join("\r\n", Header, $"S{tag},,2026-06-01 09:00,电话,价格,一般,销售,看得到的客户{tag},,{salesOrder}")), "投诉.csv", "commit");
        Assert.Equal(("succeeded", 1, 0, 0), Counts(theirs));
        Assert.Equal(customer, Assert.Single(await Complaints(tag)).CustomerId);
    }

    [Fact]
    public async Task SVC2_a_role_that_may_not_receive_complaints_may_not_import_them()
    {
        app.EnsureAvailable();
        var file = Encoding.UTF8.GetBytes($"{Header}\n,13700000000,2026-06-01 09:00,电话,价格,一般,销售,不该导入,,");
        foreach (var email in new[] { "hr@demo.guanxi.cn", "gm@demo.guanxi.cn" })
        {
            var client = await app.SignedInAs(email);
            var byHand = new { customerId = Guid.NewGuid(), channel = "phone", category = "price", severity = "medium", touchpoint = "sale", summary = "不该登记" };
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/complaints", byHand)).StatusCode);   // as the API refuses them
            using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "投诉.csv" }, { new StringContent("complaints"), "kind" }, { new StringContent("dryRun"), "mode" } };
            var refused = await client.PostAsync("/api/imports", form);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        var sales = await app.SignedInAs("sales@demo.guanxi.cn");
        using var badMapping = new MultipartFormDataContent
        {
            { new ByteArrayContent(file), "file", "投诉.csv" }, { new StringContent("complaints"), "kind" }, { new StringContent("dryRun"), "mode" }, { new StringContent("[\"customer\",\"shoeSize\"]"), "mapping" },
        };
        var mapping = await sales.PostAsync("/api/imports", badMapping);
        Assert.Equal(HttpStatusCode.BadRequest, mapping.StatusCode);
        Assert.Contains("mapping", await mapping.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ComplaintImportTests_Sqlite(SqliteApp app) : ComplaintImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ComplaintImportTests_Postgres(PostgresApp app) : ComplaintImportTests(app);
