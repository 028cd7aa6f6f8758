using System.Text.Unicode;
using Guanxi.Domain.Common;

namespace Guanxi.Web.Shared.Api;

/// <summary>
/// A JSON body sent to the API is read whole, up to <see cref="MaxBytes"/> (a 413 beyond, before it is parsed), and must
/// be UTF-8: a body in GBK, Big5 or Windows-1252 answers 400 instead of text that is silently wrong — also where the
/// serializer would only skip the bytes (an unknown member's name).
/// </summary>
public static class JsonBodies
{
    /// <summary>The largest JSON body: a batch of 10,000 orders with their items fits in a few megabytes.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    public static readonly Error NotUtf8 = new("input.not_utf8", "请求内容不是有效的 UTF-8 编码，请以 UTF-8 发送。", "the body is not valid UTF-8; send it as UTF-8.", "");

    public static IApplicationBuilder UseJsonBodyGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || request.HasFormContentType || request.ContentLength == 0
            || HttpMethods.IsGet(request.Method) || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await next(context);
            return;
        }
        if (request.ContentLength > MaxBytes)
        {
            await ResultHttp.Problem([JsonInputErrors.TooLarge(MaxBytes)]).ExecuteAsync(context);
            return;
        }
        var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (body.Length + read > MaxBytes)
            {
                await ResultHttp.Problem([JsonInputErrors.TooLarge(MaxBytes)]).ExecuteAsync(context);
                return;
            }
            body.Write(buffer, 0, read);
        }
        if (!Utf8.IsValid(body.GetBuffer().AsSpan(0, (int)body.Length)))
        {
            await ResultHttp.Problem([NotUtf8]).ExecuteAsync(context);
            return;
        }
        body.Position = 0;
        request.Body = body;
        await next(context);
    });
}
