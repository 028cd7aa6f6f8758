using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Guanxi.Domain.Accounts;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Features.Messaging;
using Guanxi.Web.Shared.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Guanxi.Bench;

/// <summary>
/// Issue 25 item 13: a Spring Festival greeting to every customer — the bulk send through the app's handler (the customers
/// chosen, each one's SMS consent checked, the template filled by Fluid, the outbox written, suppression counted) — against
/// a bare insert of the same number of outbox rows with a fixed text, in the same run on the same database. SQLite.
/// </summary>
public static class MessagingBench
{
    public static async Task Run(string[] args)
    {
        var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var file = Path.Combine(Path.GetTempPath(), $"guanxi-messaging-{Guid.NewGuid():N}.db");
        var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), DatabaseProvider.Sqlite, $"Data Source={file}", []).Options;
        var sql = new GradingBench.Dialect(false);
        ClaimsPrincipal admin;
        Guid templateId;
        try
        {
            await using (var db = new GuanxiDbContext(options))
            {
                admin = (await BenchAdmin.Create(db)).Admin;
                var watch = Stopwatch.StartNew();
                await using var connection = await GradingBench.Open(db);
                var sample = JsonSerializer.Serialize(new[] { new CustomerPhone(PhoneKind.Mobile, "+8613900000000") }, JsonColumn.Options);
                await GradingBench.Fill(connection, sql, "Customers", customers, new()
                {
                    ["Id"] = sql.Id("i", "0000-7000-8000-000000000000"), ["Name"] = "'客户' || i", ["Type"] = "'Person'", ["Status"] = "'Active'", ["Tier"] = "'Ordinary'",
                    ["OwnerId"] = $"'{await GradingBench.Scalar(connection, "SELECT \"Id\" FROM \"AspNetUsers\"")}'",
                    ["DepartmentId"] = $"'{await GradingBench.Scalar(connection, "SELECT \"Id\" FROM \"Departments\"")}'", ["Version"] = sql.Id("i", "0000-4000-8000-000000000000"),
                    ["Phones"] = $"replace('{sample}', '900000000', printf('%09d', i))", ["Emails"] = "'[]'", ["Contacts"] = "'[]'", ["Addresses"] = "'[]'",
                    ["Gender"] = "CASE WHEN i % 2 = 0 THEN 'Female' ELSE 'Male' END",
                });
                // SEC-1: seven in ten consented to marketing SMS, one in twenty of them withdrew since.
                await GradingBench.Fill(connection, sql, "Consents", customers * 7 / 10, new()
                {
                    ["Id"] = sql.Id("i", "0002-4000-8000-000000000000"), ["CustomerId"] = sql.Id("i * 10 / 7", "0000-7000-8000-000000000000"), ["Channel"] = "'Sms'",
                    ["Kind"] = "'Marketing'", ["State"] = "CASE WHEN i % 20 = 0 THEN 'Withdrawn' ELSE 'Granted' END", ["Source"] = "'Form'", ["ById"] = "'system'",
                    ["Version"] = sql.Id("i", "0003-4000-8000-000000000000"),
                });
                var template = MessageTemplate.Create(new MessageTemplate.Details("春节问候", Channel.Sms, MessageKind.Marketing, null,
                    "{{ customer.surname }}{{ customer.title }}，新春快乐！感谢您一年来对{{ enterprise.name }}的信任，祝您马年吉祥。您的顾问{{ owner.name }}", null), "bench", TimeProvider.System.GetUtcNow()).Value!;
                db.Add(template);
                await db.SaveChangesAsync();
                templateId = template.Id;
                Console.WriteLine($"{Environment.ProcessorCount} cores; SQLite; {customers:N0} customers, {await GradingBench.Scalar(connection, "SELECT COUNT(*) FROM \"Consents\"")} consents; generated in {watch.Elapsed.TotalSeconds:F0} s");
            }
            var cs = new ClaimsPrincipal(new ClaimsIdentity([admin.FindFirst(ClaimTypes.NameIdentifier)!, new Claim(ClaimTypes.Role, Role.CustomerServiceManager.Name())], "Bench"));
            var services = Services(options, cs);

            for (var run = 1; run <= 2; run++)
            {
                // The bare baseline: the same number of rows, a fixed text, no choice, no consent, no template.
                int rows;
                double bare;
                await using (var db = new GuanxiDbContext(options))
                {
                    var ids = await db.Set<Customer>().AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
                    var now = TimeProvider.System.GetUtcNow();
                    var watch = Stopwatch.StartNew();
                    await using (var transaction = await db.Database.BeginTransactionAsync())
                    {
                        await using (var insert = new BulkInsert(db, typeof(OutboxMessage), db.Database.GetDbConnection(), transaction.GetDbTransaction()))
                            foreach (var chunk in ids.Chunk(5_000))
                                await insert.Run(chunk.Select(id => OutboxMessage.Write(new OutboxMessage.Draft(id, Channel.Sms, MessageKind.Marketing, "+8613900000000", null,
                                    "【本公司】张先生，新春快乐！感谢您一年来对本公司的信任，祝您马年吉祥。您的顾问管理员 回T退订", null), now, null, t => t, "bench", now)), CancellationToken.None);
                        await transaction.CommitAsync();
                    }
                    bare = watch.Elapsed.TotalSeconds;
                    rows = ids.Count;
                    await db.Set<OutboxMessage>().ExecuteDeleteAsync();
                }
                Console.WriteLine($"   run {run}, bare insert of {rows:N0} outbox rows: {bare:F1} s = {rows / bare:N0} rows/s");

                await using (var scope = services.CreateAsyncScope())
                {
                    var watch = Stopwatch.StartNew();
                    var sent = await scope.ServiceProvider.GetRequiredService<SendBulk>().Handle(new BulkBody(Channel.Sms, MessageKind.Marketing, templateId, new BulkFilter(), null, DryRun: false));
                    var seconds = watch.Elapsed.TotalSeconds;
                    if (!sent.Succeeded)
                        throw new InvalidOperationException(string.Join("; ", sent.Errors.Select(e => e.MessageEn)));
                    var total = sent.Value!.Recipients + sent.Value.Suppressed.Values.Sum();
                    Console.WriteLine($"   run {run}, Spring Festival greeting through SendBulk: {sent.Value.Recipients:N0} queued, suppressed {string.Join(", ", sent.Value.Suppressed.Select(s => $"{s.Key} {s.Value:N0}"))}; "
                        + $"{seconds:F1} s = {total / seconds:N0} messages/s ({bare / seconds:P0} of the bare insert's speed)");
                }
                await using (var db = new GuanxiDbContext(options))
                {
                    await db.Set<OutboxMessage>().ExecuteDeleteAsync();
                    await db.Set<BulkSend>().ExecuteDeleteAsync();
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(f);
        }
    }

    private static ServiceProvider Services(DbContextOptions<GuanxiDbContext> options, ClaimsPrincipal who)
    {
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSingleton(TimeProvider.System)
            .AddSingleton(_ => new EnterpriseClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(EnterpriseClock.DefaultTimeZone)))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddScoped(_ => new GuanxiDbContext(options)).AddSingleton(options).AddSingleton<IHttpContextAccessor, HttpContextAccessor>()
            .AddScoped(p =>
            {
                var current = new CurrentUser(p.GetRequiredService<IHttpContextAccessor>());
                current.Use(who);
                return current;
            })
            .AddSingleton<TemplateText>();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        foreach (var type in new[]
                 {
                     typeof(CustomerViewers), typeof(Guanxi.Web.Features.Settings.EnterpriseSettings), typeof(ListCustomers), typeof(PersonalDataLog), typeof(CustomerSearch),
                     typeof(FollowUpCadence), typeof(MessageComposer), typeof(UnsubscribeLinks), typeof(OutboxWriter), typeof(SendBulk),
                 })
            services.AddScoped(type);
        return services.BuildServiceProvider();
    }
}
