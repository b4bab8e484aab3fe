using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StationMap.Publication;

namespace StationMap.Data.Configurations;

internal sealed class PublicationRecordConfiguration : IEntityTypeConfiguration<PublicationRecord>
{
    public void Configure(EntityTypeBuilder<PublicationRecord> b)
    {
        b.ToTable("publication_records");
        b.HasIndex(x => new { x.StationId, x.Provider }).IsUnique();
        b.HasIndex(x => new { x.Provider, x.StationCode });
        b.Property(x => x.StationCode).HasMaxLength(32);
        b.Property(x => x.Provider).HasMaxLength(32);
        b.Property(x => x.State).HasConversion<LowerEnumConverter<PublicationState>>().HasMaxLength(16);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.Profile).HasMaxLength(64);
        b.Property(x => x.ProviderPoiId).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        // Stations are soft-deleted only, so a record always has its station (and its history).
        b.HasOne<Stations.Station>().WithMany().HasForeignKey(x => x.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Feeds.ExportBatch>().WithMany().HasForeignKey(x => x.LastBatchId).OnDelete(DeleteBehavior.SetNull);
    }
}
