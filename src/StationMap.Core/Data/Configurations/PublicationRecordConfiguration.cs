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
        // No foreign key (nor index) on last_batch_id: batches are never deleted, and a national export writes
        // ≈ 140k records — the key's trigger and index cost ≈ 0.6 s there, and the id is reserved before the batch
        // row is written so the records can be written while the files still stream (SubmissionWriter).
        // No index on (provider, station_code) either: no query looks records up by code.
    }
}
