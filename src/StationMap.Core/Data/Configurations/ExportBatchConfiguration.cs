using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StationMap.Feeds;

namespace StationMap.Data.Configurations;

internal sealed class ExportBatchConfiguration : IEntityTypeConfiguration<ExportBatch>
{
    public void Configure(EntityTypeBuilder<ExportBatch> b)
    {
        b.ToTable("export_batches");
        b.Property(x => x.Profile).HasMaxLength(64);
        b.Property(x => x.Provider).HasMaxLength(32);
        b.Property(x => x.Adcode).HasMaxLength(6).IsFixedLength();
        b.Property(x => x.Kind).HasConversion<LowerEnumConverter<ExportKind>>().HasMaxLength(16);
        b.Property(x => x.StationCodes).HasColumnType("text[]");
        b.Property(x => x.Report).HasColumnType("jsonb");
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.Profile, x.Adcode, x.Kind, x.Id });
        b.HasMany(x => x.Files).WithOne().HasForeignKey(f => f.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExportFileConfiguration : IEntityTypeConfiguration<ExportFile>
{
    public void Configure(EntityTypeBuilder<ExportFile> b)
    {
        b.ToTable("export_files");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Change).HasMaxLength(16);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        b.HasIndex(x => new { x.BatchId, x.Name }).IsUnique();
    }
}
