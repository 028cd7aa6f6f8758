using Guanxi.Web.Shared.Auth;
using Guanxi.Domain.Accounts;
using Guanxi.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guanxi.Web.Features.Accounts;

public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.IsAudited();
        builder.Property(u => u.DisplayName).HasMaxLength(StaffUser.MaxDisplayNameLength);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10);
        builder.HasOne<Department>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.DepartmentId);
        builder.Property(u => u.PasswordHash).NotAudited();
        builder.Property(u => u.SecurityStamp).NotAudited();
        builder.Property(u => u.ConcurrencyStamp).NotAudited();
        builder.Property(u => u.AccessFailedCount).NotAudited();
        builder.Property(u => u.NormalizedEmail).NotAudited();
        builder.Property(u => u.NormalizedUserName).NotAudited();
    }
}

public sealed class StaffUserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> builder) =>
        builder.IsAuditedOn(new AuditOwner(nameof(StaffUser), nameof(IdentityUserRole<>.UserId), "Role", nameof(IdentityUserRole<>.RoleId)));
}

/// <summary>The roles are fixed by SPEC "Users and roles"; a role's id is its name so that links read plainly.</summary>
public sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(Roles.All.Select(r => new IdentityRole
        {
            Id = r.Name(),
            Name = r.Name(),
            NormalizedName = r.Name().ToUpperInvariant(),
            ConcurrencyStamp = r.Name(),
        }));
}

public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("Departments");
        builder.IsAudited();
        builder.Property(d => d.Name).HasMaxLength(Department.MaxNameLength);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.ParentId);
    }
}
