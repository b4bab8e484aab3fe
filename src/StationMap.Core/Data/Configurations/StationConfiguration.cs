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
        b.Property(s => s.Code).HasMaxLength(StationLimits.Code);
        b.Property(s => s.Name).HasMaxLength(StationLimits.Name);
        b.Property(s => s.Address).HasMaxLength(StationLimits.Address);
        // The list's q= is ILIKE '%text%' on name and address: trigram GIN indexes serve it without a scan.
        b.HasIndex(s => s.Name).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_stations_name_trgm");
        b.HasIndex(s => s.Address).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_stations_address_trgm");
        b.Property(s => s.Adcode).HasMaxLength(StationLimits.Adcode).IsFixedLength();
        // (adcode, code): feeds stream stations in this order without a sort; still serves adcode look-ups.
        b.HasIndex(s => new { s.Adcode, s.Code });
        b.Property(s => s.Location).HasColumnType("geography (Point, 4326)");
        b.HasIndex(s => s.Location).HasMethod("gist");
        b.Property(s => s.Services).HasColumnType("text[]");
        b.HasIndex(s => s.Services).HasMethod("gin");
        b.Property(s => s.Photos).HasColumnType("text[]");
        b.Property(s => s.OtherServices).HasMaxLength(StationLimits.OtherServices);
        b.Property(s => s.OpeningHours).HasMaxLength(StationLimits.OpeningHours);
        b.Property(s => s.Phone).HasMaxLength(StationLimits.Phone);
        b.Property(s => s.HostOrganization).HasMaxLength(StationLimits.HostOrganization);
        b.Property(s => s.AreaM2).HasPrecision(8, 1);
        b.Property(s => s.Notes).HasMaxLength(StationLimits.Notes);
        b.Property(s => s.CreatedBy).HasMaxLength(StationLimits.Actor);
        b.Property(s => s.UpdatedBy).HasMaxLength(StationLimits.Actor);
        b.Property(s => s.DeletedBy).HasMaxLength(StationLimits.Actor);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Orgs.UnionOrganization>().WithMany().HasForeignKey(s => s.ManagingOrgId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.Lng);
        b.Ignore(s => s.Lat);
        // Reads never see soft-deleted rows unless they ask with IgnoreQueryFilters().
        b.HasQueryFilter(s => s.DeletedAt == null);
    }
}
