using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StationMap.Stations;

namespace StationMap.Data.Configurations;

internal sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> b)
    {
        b.ToTable("stations");
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Code).HasMaxLength(32);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Address).HasMaxLength(200);
        b.Property(s => s.Adcode).HasMaxLength(6).IsFixedLength();
        // (adcode, code): feeds stream stations in this order without a sort (≈ 0.4 s at 150k); still serves adcode look-ups.
        b.HasIndex(s => new { s.Adcode, s.Code });
        b.Property(s => s.Location).HasColumnType("geography (Point, 4326)");
        b.HasIndex(s => s.Location).HasMethod("gist");
        b.Property(s => s.Services).HasColumnType("text[]");
        b.HasIndex(s => s.Services).HasMethod("gin");
        b.Property(s => s.Photos).HasColumnType("text[]");
        b.Property(s => s.OtherServices).HasMaxLength(200);
        b.Property(s => s.OpeningHours).HasMaxLength(200);
        b.Property(s => s.Phone).HasMaxLength(60);
        b.Property(s => s.HostOrganization).HasMaxLength(100);
        b.Property(s => s.AreaM2).HasPrecision(8, 1);
        b.Property(s => s.Notes).HasMaxLength(2000);
        b.Property(s => s.CreatedBy).HasMaxLength(100);
        b.Property(s => s.UpdatedBy).HasMaxLength(100);
        b.Property(s => s.DeletedBy).HasMaxLength(100);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Orgs.UnionOrganization>().WithMany().HasForeignKey(s => s.ManagingOrgId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.Lng);
        b.Ignore(s => s.Lat);
        // Reads never see soft-deleted rows unless they ask with IgnoreQueryFilters().
        b.HasQueryFilter(s => s.DeletedAt == null);
    }
}
