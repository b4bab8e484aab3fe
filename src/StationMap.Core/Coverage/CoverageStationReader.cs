using NetTopologySuite.Geometries;
using Npgsql;

namespace StationMap.Coverage;

/// <summary>Active public stations (the only ones that cover) inside a box, from the GiST index on location.</summary>
public static class CoverageStationReader
{
    public static async Task<List<CoverageStation>> ReadAsync(NpgsqlDataSource db, Envelope? box, CancellationToken ct)
    {
        var sql = $"""
            SELECT id, code, name, ST_X(location::geometry), ST_Y(location::geometry) FROM stations
            WHERE {Nearby.NearbyStationReader.ServedCondition}
            {(box is null ? "" : "AND location && ST_MakeEnvelope($1, $2, $3, $4, 4326)::geography")}
            """;
        await using var cmd = db.CreateCommand(sql);
        if (box is not null)
            foreach (var v in new[] { box.MinX, box.MinY, box.MaxX, box.MaxY }) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        var list = new List<CoverageStation>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new CoverageStation(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.GetDouble(4)));
        return list;
    }

    /// <summary>The district's box grown by the reach, in degrees (generously: a degree of longitude is never under 111 km × cos lat).</summary>
    public static Envelope Grow(Envelope box, double metres)
    {
        var dLat = metres / 110_000;
        var dLng = metres / (111_000 * Math.Cos(Math.Min(89, Math.Max(Math.Abs(box.MinY), Math.Abs(box.MaxY)) + dLat) * Math.PI / 180));
        return new Envelope(box.MinX - dLng, box.MaxX + dLng, box.MinY - dLat, box.MaxY + dLat);
    }
}
