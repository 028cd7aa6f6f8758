using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Messaging.Sms;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Guanxi.Bench;

/// <summary>
/// Issue item "the sender drains the outbox to the stand-in provider at its rate limit": N service SMS queued for now to N
/// customers (each a number of its own that the sandbox simply delivers), then the real app started as a child process
/// (Release build, SQLite, no demo data) with its outbox worker on, the SMS provider being its own sandbox
/// (Messaging:Sms:Endpoint=self) at Messaging:Sms:RatePerSecond. The bench only watches: a read-only connection counts the
/// messages by status every second until none is queued or sending, then waits for the receipts; afterwards it asks the
/// sandbox (signed QuerySendDetails, as the app's reconciliation does) what it received for every number — how many sends
/// per message (a duplicate is a double send), and per calendar second, which shows the bursts the limiter lets through.
/// </summary>
public static class DrainBench
{
    private const string AccessKeyId = "LTAI5tBenchDrain";
    private const string AccessKeySecret = "bench-drain-access-key-secret";
    private const string PushSecret = "bench-drain-push-secret";
    private const string Signature = "基准公司";   // the company BenchAdmin creates: the sender's signature when the settings name none

    private sealed record Sample(double Seconds, int Queued, int Sending, int Sent, int Delivered, int Failed, int Suppressed);

    public static async Task Run(string[] args)
    {
        var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var web = WebAssembly();
        var file = Path.Combine(Path.GetTempPath(), $"guanxi-drain-{Guid.NewGuid():N}.db");
        var options = (DbContextOptions<GuanxiDbContext>)DataFeature.UseProvider(new DbContextOptionsBuilder<GuanxiDbContext>(), DatabaseProvider.Sqlite, $"Data Source={file}", []).Options;
        var output = new ConcurrentQueue<string>();
        Process? app = null;
        try
        {
            var watch = Stopwatch.StartNew();
            await using (var db = new GuanxiDbContext(options))
                await Prepare(db, messages);
            Console.WriteLine($"{Environment.ProcessorCount} cores; SQLite; {messages:N0} customers and as many queued service SMS, generated in {watch.Elapsed.TotalSeconds:F1} s");
            SqliteConnection.ClearAllPools();

            var port = FreePort();
            watch.Restart();
            app = Start(web, file, port, rate, output);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(15) };
            await WaitHealthy(http, app, output);
            Console.WriteLine($"   the app ({Path.GetRelativePath(Environment.CurrentDirectory, web)}) answered /healthz {watch.Elapsed.TotalSeconds:F1} s after its start; rate limit {rate}/s, OutboxSender.Batch {Guanxi.Web.Features.Messaging.OutboxSender.Batch}");

            await using var poll = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
            await poll.OpenAsync();
            var samples = new List<Sample>();
            // Three times the ideal time and a minute, and the sender's back-off, so that a batch it queues again can still go.
            var cap = TimeSpan.FromSeconds(messages / (double)rate * 3 + 60) + Guanxi.Web.Features.Messaging.OutboxSender.Backoff;
            watch.Restart();
            Sample last;
            while (true)
            {
                samples.Add(last = await Count(poll, watch.Elapsed.TotalSeconds));
                if ((last.Queued == 0 && last.Sending == 0) || watch.Elapsed > cap || app.HasExited)
                    break;
                var wait = TimeSpan.FromSeconds(samples.Count) - watch.Elapsed;   // one sample a second
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait);
            }
            var drained = last.Queued == 0 && last.Sending == 0;
            var drainedAfter = watch.Elapsed.TotalSeconds;
            // The receipts: the sandbox reports SmsSandbox.ReceiptAfter after each send and pushes every SandboxPushSeconds (3).
            var receiptsBy = watch.Elapsed + SmsSandbox.ReceiptAfter + TimeSpan.FromSeconds(30);
            while (drained && last.Sent > 0 && watch.Elapsed < receiptsBy && !app.HasExited)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                samples.Add(last = await Count(poll, watch.Elapsed.TotalSeconds));
            }

            var (first, end, handedOver) = await HandOver(poll);
            var elapsed = (end - first).TotalSeconds;
            Console.WriteLine($"   {(drained ? "drained" : $"NOT drained within the cap of {cap.TotalSeconds:F0} s")}: {messages:N0} messages, the last queued or sending gone {drainedAfter:F1} s after /healthz answered");
            Console.WriteLine($"   first hand-over (claim) to the last recorded one: {elapsed:F2} s for {handedOver:N0} messages = {handedOver / elapsed:F1} messages/s = {handedOver / elapsed / rate:P1} of the rate limit {rate}/s");
            Console.WriteLine($"   at the end: {last.Delivered:N0} delivered by receipt, {last.Sent:N0} sent without a receipt yet, {last.Failed:N0} failed, {last.Queued + last.Sending:N0} queued or sending, {last.Suppressed:N0} suppressed");
            foreach (var line in await Errors(poll))
                Console.WriteLine($"   error: {line}");
            var (attempts, providerIds, distinctProviderIds) = await Ids(poll);
            Console.WriteLine($"   outbox: {attempts:N0} messages claimed more than once; {providerIds:N0} provider ids, {distinctProviderIds:N0} distinct");

            Console.WriteLine("   outbox by status every 5 s (seconds after /healthz: queued / sending / sent / delivered / failed):");
            Console.WriteLine("      " + string.Join("  ", samples.Where((s, i) => i % 5 == 0 || s == samples[^1])
                .Select(s => $"{s.Seconds:F0}s {s.Queued}/{s.Sending}/{s.Sent}/{s.Delivered}/{s.Failed}")));

            await Provider(http, poll, first, rate);
            Console.WriteLine($"   the app's own warnings and errors: {Logged(output)}");
        }
        finally
        {
            if (app is not null)
            {
                if (!app.HasExited)
                {
                    app.Kill(entireProcessTree: true);
                    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    await app.WaitForExitAsync(stop.Token);
                }
                app.Dispose();
            }
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(f);
        }
    }

    /// <summary>The app's Release build next to this bench's source tree (built with the bench: it is a project reference).</summary>
    private static string WebAssembly()
    {
        var configuration = typeof(DrainBench).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Guanxi.slnx")))
            {
                var web = Path.Combine(dir.FullName, "src", "Guanxi.Web", "bin", configuration, "net10.0", "Guanxi.Web.dll");
                return File.Exists(web) ? web : throw new InvalidOperationException($"{web} is missing: dotnet build src/Guanxi.Web -c {configuration}");
            }
        throw new InvalidOperationException("The bench runs from its source tree (Guanxi.slnx not found above " + AppContext.BaseDirectory + ").");
    }

    /// <summary>The migrated database, its customers, and their queued messages as the composer writes a service SMS.</summary>
    private static async Task Prepare(GuanxiDbContext db, int messages)
    {
        await BenchAdmin.Create(db);
        var sql = new GradingBench.Dialect(false);
        await using var connection = await GradingBench.Open(db);
        // +86 139 nnnnnnn 5: unique, 11 digits from 1, and never one of the sandbox's special endings (0000, 1111, 2222, 3333).
        var sample = JsonSerializer.Serialize(new[] { new CustomerPhone(PhoneKind.Mobile, Phone(0)) }, JsonColumn.Options);
        await GradingBench.Fill(connection, sql, "Customers", messages, new()
        {
            ["Id"] = sql.Id("i", "0000-7000-8000-000000000000"), ["Name"] = "'客户' || i", ["Type"] = "'Person'", ["Status"] = "'Active'", ["Tier"] = "'Ordinary'",
            ["OwnerId"] = $"'{await GradingBench.Scalar(connection, "SELECT \"Id\" FROM \"AspNetUsers\"")}'",
            ["DepartmentId"] = $"'{await GradingBench.Scalar(connection, "SELECT \"Id\" FROM \"Departments\"")}'", ["Version"] = sql.Id("i", "0000-4000-8000-000000000000"),
            ["Phones"] = $"replace('{sample}', '{Phone(0)}', '+86139' || printf('%07d', i) || '5')", ["Emails"] = "'[]'", ["Contacts"] = "'[]'", ["Addresses"] = "'[]'",
            ["Gender"] = "CASE WHEN i % 2 = 0 THEN 'Female' ELSE 'Male' END",
        });
        // A service message (an appointment reminder): no consent is needed, and the sender checks none at send time; it holds
        // nothing for quiet hours either (only OutboxMessage.Write does, through nextAllowed), so planned now they are all due now.
        var now = TimeProvider.System.GetUtcNow();
        var json = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using (var insert = new BulkInsert(db, typeof(OutboxMessage), db.Database.GetDbConnection(), transaction.GetDbTransaction()))
            await insert.Run(Enumerable.Range(1, messages).Select(i =>
            {
                var (surname, title) = ("客", i % 2 == 0 ? "女士" : "先生");
                var parameters = JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["name"] = $"客户{i}", ["surname"] = surname, ["title"] = title, ["owner"] = "基准管理员", ["occasion"] = "",
                }, json);
                var text = SmsText.Compose(Signature, $"{surname}{title}，您预约的保养服务在明天上午九点，如需改期请联系您的顾问基准管理员。", MessageKind.Service, MessagingPolicy.Default.OptOutText);
                return (object)OutboxMessage.Write(new OutboxMessage.Draft(Guid.Parse($"{i:X8}-0000-7000-8000-000000000000"), Channel.Sms, MessageKind.Service, Phone(i), null, text, parameters),
                    now, null, t => t, "bench", now);
            }), CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static string Phone(int i) => $"+86139{i:D7}5";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string web, string file, int port, int rate, ConcurrentQueue<string> output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(web);
        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["Urls"] = $"http://127.0.0.1:{port}",
                     ["Database__Provider"] = "Sqlite", ["ConnectionStrings__Guanxi"] = $"Data Source={file}", ["Demo__Seed"] = "false",
                     ["Messaging__Worker"] = "true", ["Messaging__SendSeconds"] = "1",
                     ["Messaging__Sms__Sandbox"] = "true", ["Messaging__Sms__Endpoint"] = SmsOptions.Self,
                     ["Messaging__Sms__AccessKeyId"] = AccessKeyId, ["Messaging__Sms__AccessKeySecret"] = AccessKeySecret, ["Messaging__Sms__PushSecret"] = PushSecret,
                     ["Messaging__Sms__RatePerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
                     ["Messaging__Sms__TemplateCodes__Service"] = "SMS_100000002", ["Messaging__Sms__TemplateCodes__Marketing"] = "SMS_100000001",
                     ["Logging__LogLevel__Default"] = "Warning",
                 })
            start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthy(HttpClient http, Process app, ConcurrentQueue<string> output)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (app.HasExited)
                throw new InvalidOperationException($"The app exited ({app.ExitCode}) before it answered /healthz:\n{string.Join('\n', output.TakeLast(30))}");
            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"The app did not answer /healthz within 3 minutes:\n{string.Join('\n', output.TakeLast(30))}");
    }

    private static async Task<Sample> Count(DbConnection connection, double seconds)
    {
        var counts = new Dictionary<MessageStatus, int>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Status\", COUNT(*) FROM \"OutboxMessages\" GROUP BY \"Status\"";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            counts[Enum.Parse<MessageStatus>(reader.GetString(0), ignoreCase: true)] = reader.GetInt32(1);
        int Of(MessageStatus status) => counts.GetValueOrDefault(status);
        return new Sample(seconds, Of(MessageStatus.Queued), Of(MessageStatus.Sending), Of(MessageStatus.Sent), Of(MessageStatus.Delivered), Of(MessageStatus.Failed), Of(MessageStatus.Suppressed));
    }

    /// <summary>
    /// The first claim and the last recorded hand-over (the sender records a batch's outcomes when the whole batch has been
    /// handed over: SentAt, or DoneAt for a refusal), and how many messages were handed over (sent, delivered or failed).
    /// </summary>
    private static async Task<(DateTimeOffset First, DateTimeOffset Last, int Count)> HandOver(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT MIN("ClaimedAt"), MAX(COALESCE("SentAt", "DoneAt")), COUNT(*) FROM "OutboxMessages"
            WHERE "Status" IN ('Sent', 'Delivered', 'Failed')
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        if (reader.IsDBNull(0))
            throw new InvalidOperationException("No message was handed over.");
        return (new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), reader.GetInt32(2));
    }

    private static async Task<List<string>> Errors(DbConnection connection)
    {
        var lines = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Status\", \"ErrorCode\", MIN(\"ErrorText\"), COUNT(*) FROM \"OutboxMessages\" WHERE \"ErrorCode\" IS NOT NULL GROUP BY \"Status\", \"ErrorCode\"";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add($"{reader.GetInt32(3):N0} {reader.GetString(0)} with {reader.GetString(1)} ({(reader.IsDBNull(2) ? "" : reader.GetString(2))})");
        return lines;
    }

    private static async Task<(int Attempts, int ProviderIds, int Distinct)> Ids(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(\"Attempts\" > 1), COUNT(\"ProviderId\"), COUNT(DISTINCT \"ProviderId\") FROM \"OutboxMessages\"";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    /// <summary>
    /// What the sandbox received: every message's number asked by QuerySendDetails (signed with the app's key, four at a
    /// time, not through the app's limiter) on the China days of the run; sends per message by its OutId, and per second.
    /// </summary>
    private static async Task Provider(HttpClient http, DbConnection connection, DateTimeOffset first, int rate)
    {
        var messages = new List<(Guid Id, string Phone)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Id\", \"Address\" FROM \"OutboxMessages\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                messages.Add((reader.GetGuid(0), reader.GetString(1)));
        }
        var days = new[] { AliyunFormats.ChinaDate(first), AliyunFormats.ChinaDate(TimeProvider.System.GetUtcNow()) }.Distinct().ToList();
        var sends = new ConcurrentBag<(Guid Id, int Ours, int Others, DateTimeOffset? At)>();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (m, token) =>
        {
            var (ours, others) = (0, 0);
            DateTimeOffset? at = null;
            foreach (var day in days)
            {
                using var json = await Query(http, AliyunFormats.Phone(m.Phone), day, token);
                foreach (var detail in json.RootElement.GetProperty("SmsSendDetailDTOs").GetProperty("SmsSendDetailDTO").EnumerateArray())
                    if (string.Equals(detail.GetProperty("OutId").GetString(), m.Id.ToString("N"), StringComparison.OrdinalIgnoreCase))
                    {
                        ours++;
                        at ??= AliyunFormats.ReadTime(detail.GetProperty("SendDate").GetString());
                    }
                    else
                        others++;
            }
            sends.Add((m.Id, ours, others, at));
        });
        var once = sends.Count(s => s.Ours == 1);
        var never = sends.Count(s => s.Ours == 0);
        var twice = sends.Count(s => s.Ours > 1);
        Console.WriteLine($"   at the sandbox (asked for all {messages.Count:N0} numbers in {watch.Elapsed.TotalSeconds:F1} s): {once:N0} messages received once, {never:N0} never, "
            + $"{twice:N0} more than once (duplicates: {sends.Sum(s => Math.Max(0, s.Ours - 1)):N0}), {sends.Sum(s => s.Others):N0} sends to these numbers under another OutId");
        var perSecond = sends.Where(s => s.At is not null).GroupBy(s => s.At!.Value).ToDictionary(g => g.Key, g => g.Count());
        if (perSecond.Count == 0)
            return;
        var (from, to) = (perSecond.Keys.Min(), perSecond.Keys.Max());
        var seconds = Enumerable.Range(0, (int)(to - from).TotalSeconds + 1).Select(s => perSecond.GetValueOrDefault(from.AddSeconds(s))).ToList();
        Console.WriteLine($"   received per calendar second at the sandbox, {from:HH:mm:ss}–{to:HH:mm:ss} China time ({seconds.Count} s; peak {seconds.Max()}, limit {rate}; "
            + $"the full seconds between the first and the last average {(seconds.Count > 2 ? seconds.Skip(1).SkipLast(1).Average() : double.NaN):F1}):");
        foreach (var line in seconds.Chunk(20))
            Console.WriteLine("      " + string.Join(' ', line));
    }

    private static async Task<JsonDocument> Query(HttpClient http, string phone, DateOnly day, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = AccessKeyId, ["Action"] = "QuerySendDetails", ["Format"] = "JSON", ["RegionId"] = "cn-hangzhou",
            ["SignatureMethod"] = AliyunSignature.Method, ["SignatureNonce"] = Guid.NewGuid().ToString(), ["SignatureVersion"] = AliyunSignature.Version,
            ["Timestamp"] = AliyunSignature.Timestamp(TimeProvider.System.GetUtcNow()), ["Version"] = AliyunSms.ApiVersion,
            ["PhoneNumber"] = phone, ["SendDate"] = AliyunFormats.Date(day), ["PageSize"] = "50", ["CurrentPage"] = "1",
        };
        parameters["Signature"] = AliyunSignature.Sign(AccessKeySecret, AliyunSignature.StringToSign("POST", parameters));
        using var content = new FormUrlEncodedContent(parameters);
        using var response = await http.PostAsync(new Uri(SmsSandbox.Path.TrimStart('/'), UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = JsonDocument.Parse(body);
        if (json.RootElement.GetProperty("Code").GetString() != "OK")
        {
            json.Dispose();
            throw new InvalidOperationException($"The sandbox's QuerySendDetails answered {(int)response.StatusCode}: {body}");
        }
        return json;
    }

    /// <summary>The child's warnings and errors (the console's "warn: Category[id]" line and the indented lines of the entry), counted by category, with the first of each.</summary>
    private static string Logged(ConcurrentQueue<string> output)
    {
        var entries = new List<List<string>>();
        foreach (var line in output)
            if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
                entries.Add([line]);
            else if (line.StartsWith(' ') && entries.Count > 0 && entries[^1].Count < 3)
                entries[^1].Add(line.Trim());
        if (entries.Count == 0)
            return "none";
        return string.Join("", entries.GroupBy(e => e[0]).Select(g => $"\n      {g.Count():N0} × {string.Join(" | ", g.First().Select(l => l.Length > 240 ? l[..240] + "…" : l))}"));
    }
}
