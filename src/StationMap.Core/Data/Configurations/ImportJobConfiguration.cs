using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StationMap.Import;

namespace StationMap.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.ToTable("import_jobs");
        b.Property(j => j.Actor).HasMaxLength(100);
        b.Property(j => j.OrgAdcode).HasMaxLength(6).IsFixedLength();
        b.Property(j => j.FileName).HasMaxLength(260);
        b.Property(j => j.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(j => j.Format).HasMaxLength(10);
        b.Property(j => j.Encoding).HasMaxLength(80);
        b.Property(j => j.Sheet).HasMaxLength(100);
        b.Property(j => j.Coordsys).HasMaxLength(20);
        b.Property(j => j.Status).HasMaxLength(16).HasDefaultValue(ImportStatus.Succeeded);
        b.Property(j => j.Errors).HasColumnType("jsonb");
        b.Property(j => j.Warnings).HasColumnType("jsonb");
        b.Property(j => j.RejectedRows).HasColumnType("jsonb");
        b.Property(j => j.Conflicts).HasColumnType("jsonb");
        b.HasIndex(j => j.CreatedAt);
        b.HasIndex(j => j.Sha256);
    }
}
