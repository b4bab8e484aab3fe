using Npgsql;

namespace StationMap.IntegrationTests.Ogc;

/// <summary>A station as stored (exact WGS-84 doubles), read straight from the database to check the API against.</summary>
public sealed record StoredStation(string Code, string Name, string Adcode, string Type, string[] Services, double Lng, double Lat);

public static class PublicStations
{
    /// <summary>What an anonymous reader may see: public, active, not deleted.</summary>
    public static async Task<List<StoredStation>> ReadAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("""
            SELECT code, name, adcode, type, services, ST_X(location::geometry), ST_Y(location::geometry) FROM stations
            WHERE deleted_at IS NULL AND is_public AND status = 'active' ORDER BY code
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<StoredStation>();
        while (await r.ReadAsync())
            list.Add(new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<string[]>(4), r.GetDouble(5), r.GetDouble(6)));
        return list;
    }

    public static string Num(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
