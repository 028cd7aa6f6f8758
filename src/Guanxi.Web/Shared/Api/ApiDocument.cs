using Microsoft.AspNetCore.OpenApi;

namespace Guanxi.Web.Shared.Api;

/// <summary>The OpenAPI document's title and introduction (what /api-docs opens with): sign-in, paging, errors, enums, dates.</summary>
public static class ApiDocument
{
    public const string Title = "关系 Guanxi API";

    public const string Introduction = """
        关系 Guanxi CRM 的接口，供经销商的其他系统（DMS、财务、短信平台）读写客户、订单、调查与报表。

        **令牌**：`POST /api/auth/login`，请求体 `{"email", "password"}`（开启两步验证的账号另加 `"twoFactorCode"`），返回
        `{"tokenType": "Bearer", "accessToken", "expiresIn"}`；之后每个请求带 `Authorization: Bearer <accessToken>`。

        **分页**：列表用 `page`（从 1 起）和 `pageSize`（默认 50，最多 500），返回 `items` 与总数 `total`。

        **错误**：以 ProblemDetails（`application/problem+json`）返回，带 `code` 和 `traceId`；输入错误为 400，`errors` 中逐字段说明原因。
        401 未登录，403 无权限（附原因），404 不存在或不在可见范围，409 与记录状态冲突，412 版本已过期，428 缺少 `If-Match`。
        发送 `Accept-Language: en` 可获得英文信息。

        **枚举**：一律小驼峰（`sale`、`afterSales`）；信用等级照写（`AAA`…`C`）。

        **日期**：业务日期（下单、交付、到期、报表期间）为 `YYYY-MM-DD`，按企业时区 Asia/Shanghai 计；时间戳为带时区的 ISO 8601。

        ---

        The API of Guanxi CRM. **Token**: `POST /api/auth/login` with `{"email", "password"}` (and `"twoFactorCode"` when two-factor
        is on), then send `Authorization: Bearer <accessToken>`. **Paging**: `page` (from 1) and `pageSize` (default 50, at most 500);
        lists answer `items` and `total`. **Errors**: ProblemDetails with `code` and `traceId`, per-field reasons in `errors` (400).
        **Enums**: lower camel case (credit levels as written). **Dates**: business dates are `YYYY-MM-DD` in the enterprise's time
        zone, Asia/Shanghai; timestamps are ISO 8601 with an offset.
        """;

    public static OpenApiOptions Describe(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = Title;
            document.Info.Description = Introduction;
            return Task.CompletedTask;
        });
        return options;
    }
}
