using Microsoft.EntityFrameworkCore.Design;

namespace StationMap.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running server.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<StationMapDb>
{
    public StationMapDb CreateDbContext(string[] args) =>
        StationMapDataSource.CreateDb(StationMapDataSource.Create("Host=127.0.0.1;Database=design"));
}
