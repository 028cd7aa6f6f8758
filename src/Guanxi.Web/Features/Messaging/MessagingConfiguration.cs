using Guanxi.Domain.Common;
using Guanxi.Domain.Customers;
using Guanxi.Domain.Messaging;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Messaging;

public sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable("Consents");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Evidence).HasMaxLength(Consent.MaxEvidenceLength);
        builder.Property(c => c.ById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CustomerId, c.Channel, c.Kind }).IsUnique();
        builder.HasIndex(c => new { c.Channel, c.Kind, c.State });   // a bulk send's consents: one channel and kind
    }
}

public sealed class ConsentChangeConfiguration : IEntityTypeConfiguration<ConsentChange>
{
    public void Configure(EntityTypeBuilder<ConsentChange> builder)
    {
        builder.ToTable("ConsentChanges");
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Evidence).HasMaxLength(Consent.MaxEvidenceLength);
        builder.Property(c => c.ById).HasMaxLength(Actor.MaxIdLength);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CustomerId, c.At });
        builder.HasIndex(c => new { c.State, c.At });   // opt-outs after a send
    }
}

public sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.ToTable("MessageTemplates");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(MessageTemplate.MaxNameLength);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Subject).HasMaxLength(MessageTemplate.MaxSubjectLength);
        builder.Property(t => t.Text).HasMaxLength(MessageTemplate.MaxEmailLength);
        builder.Property(t => t.ProviderCode).HasMaxLength(MessageTemplate.MaxCodeLength);
        builder.Property(t => t.CreatedById).HasMaxLength(Actor.MaxIdLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Occasion).HasMaxLength(40);
        builder.Property(m => m.DedupeKey).HasMaxLength(80);
        builder.Property(m => m.Address).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(m => m.Subject).HasMaxLength(MessageTemplate.MaxSubjectLength);
        builder.Property(m => m.Text).HasMaxLength(MessageTemplate.MaxEmailLength);
        builder.Property(m => m.Parameters).HasMaxLength(4000);
        builder.Property(m => m.ProviderId).HasMaxLength(64);
        builder.Property(m => m.ErrorCode).HasMaxLength(64);
        builder.Property(m => m.ErrorText).HasMaxLength(OutboxMessage.MaxErrorLength);
        builder.Property(m => m.ById).HasMaxLength(Actor.MaxIdLength);
        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.Status, m.PlannedAt });                 // the sender's next batch
        builder.HasIndex(m => new { m.CustomerId, m.CreatedAt });             // the customer's messages and timeline
        builder.HasIndex(m => new { m.BulkSendId, m.Status });                // a bulk send's results
        builder.HasIndex(m => new { m.CustomerId, m.Channel, m.DedupeKey }).IsUnique().HasFilter("\"DedupeKey\" IS NOT NULL");
        builder.HasIndex(m => m.ProviderId).HasFilter("\"ProviderId\" IS NOT NULL");   // receipts by the provider's id (none yet for a message queued)
    }
}

public sealed class BulkSendConfiguration : IEntityTypeConfiguration<BulkSend>
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public void Configure(EntityTypeBuilder<BulkSend> builder)
    {
        builder.ToTable("BulkSends");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(b => b.Filter).HasMaxLength(2000);
        builder.Property(b => b.Suppressed).HasConversion(
            v => JsonSerializer.Serialize(v, JsonOptions),
            v => JsonSerializer.Deserialize<Dictionary<SuppressionReason, int>>(v, JsonOptions) ?? new(),
            new ValueComparer<Dictionary<SuppressionReason, int>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => new(v))).HasMaxLength(400);
        builder.Property(b => b.ById).HasMaxLength(Actor.MaxIdLength);
        builder.HasIndex(b => b.CreatedAt);
    }
}
