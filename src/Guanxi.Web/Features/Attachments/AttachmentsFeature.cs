namespace Guanxi.Web.Features.Attachments;

/// <summary>
/// Files kept for other features' records (photos of inspections and measure inspections). No endpoint of its own: the
/// owning feature checks who may add or read and serves them through <see cref="AttachmentStore"/>.
/// </summary>
public static class AttachmentsFeature
{
    public static WebApplicationBuilder AddAttachments(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AttachmentStore>();
        return builder;
    }
}
