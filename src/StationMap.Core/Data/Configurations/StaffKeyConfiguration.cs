using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StationMap.Auth;

namespace StationMap.Data.Configurations;

internal sealed class StaffKeyConfiguration : IEntityTypeConfiguration<StaffKey>
{
    public void Configure(EntityTypeBuilder<StaffKey> b)
    {
        b.ToTable("staff_keys");
        b.HasIndex(k => k.Hash).IsUnique();
        b.Property(k => k.Prefix).HasMaxLength(16);
        b.Property(k => k.Label).HasMaxLength(100);
        b.HasOne(k => k.Organization).WithMany().HasForeignKey(k => k.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
