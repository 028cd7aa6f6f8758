using Guanxi.Domain.Customers;
using Guanxi.Domain.Orders;
using Guanxi.Web.Data;
using Guanxi.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Orders;

public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.IsAudited();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(o => o.ExternalNo).HasMaxLength(Order.MaxNumberLength);
        builder.Property(o => o.StaffId).HasMaxLength(64);
        builder.Property(o => o.VehicleModel).HasMaxLength(Order.MaxTextLength);
        builder.Property(o => o.VehiclePlate).HasMaxLength(Order.MaxTextLength);
        builder.Property(o => o.VehicleVin).HasMaxLength(Order.MaxTextLength);
        builder.Property(o => o.PaymentTerms).HasMaxLength(Order.MaxTextLength);
        builder.Property(o => o.Channel).HasMaxLength(Order.MaxTextLength);
        builder.Property(o => o.Items).HasField("items").AsJson();
        builder.Property(o => o.Payments).HasField("payments").AsJson();
        builder.Property(o => o.Version).IsConcurrencyToken().NotAudited();
        builder.Ignore(o => o.Vehicle);
        builder.HasIndex(o => new { o.Kind, o.ExternalNo }).IsUnique();
        // A customer's orders by date, holding every column CustomerFacts sums: the night reads this index alone, in customer order.
        builder.HasIndex(o => new { o.CustomerId, o.OrderedAt, o.Amount, o.Cost, o.DeliveredAt, o.Instalments, o.PaidOnTime, o.LastDueOn, o.UnpaidSince, o.Outstanding })
            .HasDatabaseName("IX_Orders_CustomerTotals");
        builder.HasIndex(o => o.OrderedAt);
        // SAT-1/3: the deliveries and jobs whose survey windows are open on a day, the month's run-rate; with the id, the ~60k of the
        // week's windows are checked against the decisions without reading their rows (only the day's new ones are read).
        builder.HasIndex(o => new { o.Kind, o.DeliveredAt, o.Amount, o.Id });
        builder.HasIndex(o => new { o.ReferrerId, o.OrderedAt });
        builder.HasIndex(o => o.UnpaidSince);
        builder.HasIndex(o => o.LastDueOn);
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.ReferrerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Guanxi.Domain.Accounts.Department>().WithMany().HasForeignKey(o => o.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shared.Auth.StaffUser>().WithMany().HasForeignKey(o => o.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
