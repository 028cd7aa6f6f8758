using System.Text.Json;
using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Customers;
using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Guanxi.Web.Features.Imports;

/// <summary>
/// Keeps an uploaded file under the imports folder and queues its import: a dry run, or a commit (of a new upload or of
/// a dry run the user checked). The mapping, when given, is one field name per column ("name", "mobile", "ignore" …);
/// the encoding, when given, is how a text file is to be read ("gbk", "big5" … of <see cref="TextEncodings.Names"/>).
/// </summary>
public sealed class StartImport(
    GuanxiDbContext db, CustomerViewers viewers, CurrentUser user, ImportRunner queue, IEnumerable<IImportKind> kinds, IConfiguration configuration, IWebHostEnvironment environment, TimeProvider time)
{
    public const string Customers = "customers";
    public const string Orders = "orders";

    /// <summary>
    /// Survey results on paper (kind=surveys): a kind the surveys bring (<see cref="IImportKind"/>); named here, where the
    /// import page offers it at /surveys/import, so that the pipeline and its page need nothing of the surveys.
    /// </summary>
    public const string Surveys = "surveys";

    /// <summary>Complaints and inquiries received elsewhere (kind=complaints), a kind the complaints bring; named here for the page at /complaints/import.</summary>
    public const string Complaints = "complaints";

    /// <summary>Distributors' stock counts (kind=stock), a kind the stock feature brings.</summary>
    public const string Stock = "stock";
    public static readonly string[] Extensions = [".csv", ".txt", ".xlsx", ".vcf", ".vcard"];

    public async Task<Result<Guid>> Handle(Stream file, string? fileName, string? kind, string? mode, string? mapping, bool onlyValid, string? encoding, CancellationToken cancellationToken)
    {
        kind ??= Customers;
        var other = kind is Customers or Orders ? null : kinds.FirstOrDefault(k => k.Kind == kind);
        if (kind is not (Customers or Orders) && other is null)
            return ImportErrors.UnknownKind;
        if (await viewers.Current(cancellationToken) is not { } viewer || !(kind switch
            {
                Customers => CustomerAccess.SeesAny(viewer),
                Orders => Domain.Orders.OrderAccess.CanWrite(viewer, viewer.DepartmentId),
                _ => other!.Allows(viewer),
            }))
            return ImportErrors.NotAllowed;
        if (!ApiEnums.TryParse<ImportMode>(mode, out var importMode))
            return ImportErrors.UnknownMode;
        if (encoding is { Length: > 0 } && !encoding.Equals("auto", StringComparison.OrdinalIgnoreCase) && (encoding.Length > 20 || TextEncodings.Find(encoding) is null))
            return ImportErrors.Encoding;
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (!Extensions.Contains(extension))
            return ImportErrors.FileType;
        string? storedMapping;
        if (other is not null)
        {
            var mapped = other.Mapping(mapping);
            if (!mapped.Succeeded)
                return Result<Guid>.Fail(mapped.Errors);
            storedMapping = mapped.Value;
        }
        else if (ParseMapping(mapping) is { } fields)
            storedMapping = fields.Length == 0 ? null : JsonSerializer.Serialize(fields);
        else
            return ImportErrors.Mapping;

        var id = Guid.CreateVersion7();
        var folder = Path.Combine(environment.ContentRootPath, configuration.GetValue("Imports:Folder", "data/imports")!);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, id.ToString("N") + extension);
        await using (var stored = File.Create(path))
            await file.CopyToAsync(stored, cancellationToken);
        if (new FileInfo(path).Length == 0)
        {
            File.Delete(path);
            return ImportErrors.Empty;
        }
        return await Queue(new ImportJob
        {
            Id = id, Kind = kind, Mode = importMode ?? ImportMode.DryRun, OnlyValid = onlyValid, FileName = Path.GetFileName(fileName!), StoredPath = path,
            Mapping = storedMapping, Encoding = TextEncodings.Find(encoding) is null ? null : encoding!.Trim().ToLowerInvariant(),
        }, cancellationToken);
    }

    /// <summary>Commits the file of a dry run the caller ran, with its mapping.</summary>
    public async Task<Result<Guid>> Commit(Guid dryRunId, bool onlyValid, CancellationToken cancellationToken)
    {
        var dryRun = await db.Set<ImportJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == dryRunId && j.UserId == user.Id, cancellationToken);
        if (dryRun is null)
            return ImportErrors.NotFound;
        if (dryRun.Mode != ImportMode.DryRun || dryRun.Status != ImportStatus.Succeeded)
            return ImportErrors.NotADryRun;
        // A second click, or a second client, commits nothing twice: the dry run's file has one commit.
        if (await db.Set<ImportJob>().AnyAsync(j => j.StoredPath == dryRun.StoredPath && j.Mode == ImportMode.Commit, cancellationToken))
            return ImportErrors.AlreadyCommitted;
        if (!File.Exists(dryRun.StoredPath))
            return ImportErrors.UploadGone;
        return await Queue(new ImportJob
        {
            Id = Guid.CreateVersion7(), Kind = dryRun.Kind, Mode = ImportMode.Commit, OnlyValid = onlyValid, FileName = dryRun.FileName, StoredPath = dryRun.StoredPath, Mapping = dryRun.Mapping,
            Encoding = dryRun.Encoding,
        }, cancellationToken);
    }

    private async Task<Result<Guid>> Queue(ImportJob job, CancellationToken cancellationToken)
    {
        (job.UserId, job.CreatedAt, job.Status) = (user.Id!, time.GetUtcNow(), ImportStatus.Queued);
        db.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        await queue.EnqueueAsync(job.Id, cancellationToken);
        return job.Id;
    }

    private static ImportField[]? ParseMapping(string? mapping)
    {
        if (string.IsNullOrWhiteSpace(mapping))
            return [];
        try
        {
            var names = JsonSerializer.Deserialize<string[]>(mapping) ?? [];
            var fields = names.Select(n => ApiEnums.TryParse<ImportField>(n, out var f) ? f : null).ToList();
            return fields.Any(f => f is null) ? null : [.. fields.Select(f => f!.Value)];
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public static class ImportErrors
{
    public static readonly Error NotFound = Error.NotFound("import.not_found", "导入记录不存在。", "No such import.");
    public static readonly Error AlreadyCommitted = Error.Conflict("import.already_committed", "该试导入已经正式导入过（或正在导入），不会重复导入。", "This dry run was committed already (or is being committed); it is not imported twice.", "id");
    public static readonly Error NotAllowed = Error.Forbidden("import.not_allowed", "您的角色不能导入这类数据。", "Your role cannot import these records.");
    public static readonly Error UnknownKind = new("import.unknown_kind", "只能导入客户（kind=customers）、订单（kind=orders）、调查结果（kind=surveys）、投诉（kind=complaints）或经销商库存（kind=stock）。", "kind is customers, orders, surveys, complaints or stock.", "kind");
    public static readonly Error UnknownMode = new("import.unknown_mode", "mode 只能是 dryRun（试导入）或 commit（正式导入）。", "mode is dryRun or commit.", "mode");
    public static readonly Error FileType = new("import.file_type", "请上传 .xlsx、.csv 或 .vcf 文件。", "Upload an .xlsx, .csv or .vcf file.", "file");
    public static readonly Error Empty = new("import.empty", "文件是空的。", "The file is empty.", "file");
    public static readonly Error Encoding = new("import.encoding", "encoding 只能是 auto（自动识别）、utf-8、gbk、big5、shift_jis 或 windows-1252。",
        "encoding is auto, utf-8, gbk, big5, shift_jis or windows-1252.", "encoding");
    public static readonly Error Mapping = new("import.mapping", "列的对应关系无效：应为每列一个字段名，如 [\"name\",\"mobile\",\"ignore\"]。", "The mapping is one field name per column, e.g. [\"name\",\"mobile\",\"ignore\"].", "mapping");
    public static readonly Error UploadGone = new("import.upload_gone", "试导入的文件已删除（已正式导入，或未导入的文件只保留 1 天），请重新上传。",
        "The dry run's file is gone (it was committed, or a day has passed without a commit); upload it again.", "id");
    public static readonly Error NotADryRun = new("import.not_a_dry_run", "只能正式导入一次已完成的试导入。", "Only a finished dry run can be committed.", "id");
}
