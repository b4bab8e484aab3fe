using Microsoft.EntityFrameworkCore;
using StationMap.Audit;
using StationMap.Auth;
using StationMap.Orgs;
using StationMap.Stations;

namespace StationMap.Data;

public sealed class StationMapDb(DbContextOptions<StationMapDb> options) : DbContext(options)
{
    public DbSet<Station> Stations => Set<Station>();
    public DbSet<StationHistory> StationHistory => Set<StationHistory>();
    public DbSet<UnionOrganization> Organizations => Set<UnionOrganization>();
    public DbSet<StaffKey> StaffKeys => Set<StaffKey>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.HasPostgresExtension("pg_trgm"); // trigram indexes for the list's q= search
        modelBuilder.HasSequence<long>("station_code_seq");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StationMapDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums are stored as their lower-case names: readable in SQL, stable across reorderings.
        builder.Properties<Geo.CoordSys>().HaveConversion<LowerEnumConverter<Geo.CoordSys>>().HaveMaxLength(10);
        builder.Properties<StationType>().HaveConversion<LowerEnumConverter<StationType>>().HaveMaxLength(16);
        builder.Properties<StationStatus>().HaveConversion<LowerEnumConverter<StationStatus>>().HaveMaxLength(16);
        builder.Properties<HostKind>().HaveConversion<LowerEnumConverter<HostKind>>().HaveMaxLength(20);
        builder.Properties<StaffRole>().HaveConversion<LowerEnumConverter<StaffRole>>().HaveMaxLength(16);
        builder.Properties<ChangeKind>().HaveConversion<LowerEnumConverter<ChangeKind>>().HaveMaxLength(16);
    }
}
