using Microsoft.EntityFrameworkCore;
using Npgsql;
using StationMap.Data;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Data;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_create_the_spatial_index()
    {
        var cs = await TestDatabase.CreateEmptyAsync();
        try
        {
            await using (var ds = StationMapDataSource.Create(cs))
            await using (var db = StationMapDataSource.CreateDb(ds))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                SELECT indexdef FROM pg_indexes WHERE tablename = 'stations' AND indexdef ILIKE '%USING gist (location)%'
                """, conn);
            Assert.NotNull(await cmd.ExecuteScalarAsync());
            await using var type = new NpgsqlCommand("""
                SELECT format_type(atttypid, atttypmod) FROM pg_attribute
                WHERE attrelid = 'stations'::regclass AND attname = 'location'
                """, conn);
            Assert.Equal("geography(Point,4326)", await type.ExecuteScalarAsync());
        }
        finally
        {
            await TestDatabase.DropAsync(cs);
        }
    }
}
