using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StationMap.Orgs;

namespace StationMap.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<UnionOrganization>
{
    public void Configure(EntityTypeBuilder<UnionOrganization> b)
    {
        b.ToTable("organizations");
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.Adcode).HasMaxLength(6).IsFixedLength();
        b.HasIndex(o => o.Adcode);
        b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
