using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StationMap.Stations;

namespace StationMap.Data.Configurations;

internal sealed class StationHistoryConfiguration : IEntityTypeConfiguration<StationHistory>
{
    public void Configure(EntityTypeBuilder<StationHistory> b)
    {
        b.ToTable("station_history");
        b.HasIndex(h => new { h.StationId, h.Version }).IsUnique();
        b.HasIndex(h => h.Code);
        b.Property(h => h.Code).HasMaxLength(StationLimits.Code);
        b.Property(h => h.ChangedBy).HasMaxLength(StationLimits.Actor);
        b.Property(h => h.Reason).HasMaxLength(StationLimits.Reason);
        b.Property(h => h.Snapshot).HasColumnType("jsonb");
        b.HasOne<Station>().WithMany().HasForeignKey(h => h.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}
