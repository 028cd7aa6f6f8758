using Guanxi.Web.Shared.Api;
using Guanxi.Web.Shared.Files;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Guanxi.Web.Features.Imports;

public sealed record ImportStarted(Guid Id);

public sealed record CommitBody(bool OnlyValid);

/// <summary>ARC-10 imports: upload, dry run, commit, progress, rejected rows as .xlsx.</summary>
public static class ImportsFeature
{
    /// <summary>No row cap: a million-row file is some hundred megabytes.</summary>
    public const long MaxUploadBytes = 1L << 30;

    public static WebApplicationBuilder AddImports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => Customers.Divisions.LoadShipped());
        builder.Services.AddSingleton<ImportRunner>();
        builder.Services.AddHostedService<ImportWorker>();
        builder.Services.AddScoped<StartImport>();
        builder.Services.AddScoped<ForgetOldUploads>();
        builder.Services.AddScoped<ResumeImports>();
        builder.Services.AddScoped<GetImport>();
        builder.Services.AddScoped<ListImports>();
        builder.Services.AddScoped<RunCustomerImport>();
        builder.Services.AddScoped<RunOrderImport>();
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxUploadBytes);
        return builder;
    }

    public static WebApplication MapImports(this WebApplication app)
    {
        var imports = app.MapGroup("/api/imports").RequireAuthorization().WithTags("Imports");
        imports.MapPost("/", async (IFormFile? file, [FromForm] string? kind, [FromForm] string? mode, [FromForm] string? mapping, [FromForm] bool? onlyValid, [FromForm] string? encoding,
            StartImport start, CancellationToken ct) =>
        {
            if (file is null)
                return ResultHttp.Problem([ImportErrors.FileType]);
            await using var stream = file.OpenReadStream();
            return (await start.Handle(stream, file.FileName, kind, mode, mapping, onlyValid ?? false, encoding, ct)).ToHttp(started => TypedResults.Accepted($"/api/imports/{started}", new ImportStarted(started)));
        }).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .Produces<ImportStarted>(StatusCodes.Status202Accepted)
            .WithSummary("Upload .xlsx/.csv/.vcf with kind=customers|orders|surveys|complaints, mode=dryRun|commit, optional mapping (JSON, one field per column), onlyValid, "
                + "and encoding=auto|utf-8|gbk|big5|shift_jis|windows-1252 for a text file (auto: a BOM, else decided from the whole file); 202 with the import's id.");
        imports.MapPost("/{id:guid}/commit", async (Guid id, CommitBody? body, StartImport start, CancellationToken ct) =>
            (await start.Commit(id, body?.OnlyValid ?? false, ct)).ToHttp(started => TypedResults.Accepted($"/api/imports/{started}", new ImportStarted(started))))
            .Produces<ImportStarted>(StatusCodes.Status202Accepted)
            .WithSummary("Commit the file of a finished dry run (onlyValid: import the valid rows even if some were rejected); 409 when it was committed already.");
        imports.MapGet("/{id:guid}", async (Guid id, GetImport get, CancellationToken ct) =>
                (await get.Handle(id, cancellationToken: ct)).ToHttp())
            .Produces<ImportView>()
            .WithSummary("Status (queued|running|succeeded|failed), progress, counts and the first 1,000 row errors; only for the user who started it.");
        imports.MapGet("/{id:guid}/rejected", async (Guid id, GetImport get, CancellationToken ct) => await (await get.Handle(id, int.MaxValue, ct)).ToHttp(async view =>
        {
            var file = new MemoryStream();
            await SpreadsheetWriter.WriteAsync(file, "xlsx", Cultures.IsEnglish ? ["Row", "Column", "Reason"] : ["行号", "列", "原因"],
                view.Errors.Select(e => (IReadOnlyList<string?>)[e.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Column, e.Message]), ct);
            file.Position = 0;
            return TypedResults.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{(Cultures.IsEnglish ? "rejected rows of " : "未导入的行_")}{Path.GetFileNameWithoutExtension(view.FileName)}.xlsx");
        })).WithSummary("The rejected rows as .xlsx: row number, column, reason.");
        return app;
    }
}
