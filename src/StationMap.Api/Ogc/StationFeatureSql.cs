using System.Text;
using Npgsql;
using NpgsqlTypes;
using StationMap.Api.Stations;

namespace StationMap.Api.Ogc;

/// <summary>
/// The stations collection's SQL: PostgreSQL builds each page's GeoJSON features array itself (json_agg over
/// json_build_object), so the server only copies text. Anonymous viewers get the public fields of public active
/// stations; a staff key adds its area's other stations, and the staff fields of its area's stations only — the
/// <see cref="StationReader"/> rule of the station API, in SQL (its <see cref="StationReader.AreaPrefix"/> as @area).
/// </summary>
internal static class StationFeatureSql
{
    private const string PublicProperties = """
        'code', code, 'name', name, 'address', address, 'adcode', adcode, 'type', type, 'services', services,
        'openingHours', opening_hours, 'phone', phone, 'hostOrganization', host_organization, 'status', status,
        'updatedAt', (to_json(updated_at AT TIME ZONE 'UTC') #>> '{}') || 'Z'
        """;

    private const string StaffProperties = PublicProperties + """
        , 'isPublic', is_public, 'hostKind', host_kind, 'areaM2', area_m2, 'managingOrgId', managing_org_id,
        'notes', notes, 'version', version, 'updatedBy', updated_by
        """;

    /// <summary>One station as a GeoJSON Feature (id = its code), coordinates in CRS84 to 7 decimals (~1 cm); the staff
    /// fields only where the viewer's area covers the station (the @area parameter <see cref="Where"/> adds).</summary>
    public static string Feature(StationReader viewer) => viewer.AreaPrefix switch
    {
        null => Feature(PublicProperties),
        "" => Feature(StaffProperties), // a country-wide key's area covers every station
        _ => $"CASE WHEN adcode LIKE @area THEN {Feature(StaffProperties)} ELSE {Feature(PublicProperties)} END",
    };

    private static string Feature(string properties) =>
        $"json_build_object('type', 'Feature', 'id', code, 'geometry', ST_AsGeoJSON(location::geometry, 7)::json, 'properties', json_build_object({properties}))";

    /// <summary>The WHERE clause (visibility and filters) with its parameters added to <paramref name="parameters"/>.</summary>
    public static string Where(ItemsRequest r, StationFilters f, StationReader viewer, List<NpgsqlParameter> parameters)
    {
        var sql = new StringBuilder("deleted_at IS NULL");
        if (viewer.AreaPrefix is null) sql.Append(" AND is_public AND status = 'active'");
        else if (viewer.AreaPrefix.Length > 0)
        {
            sql.Append(" AND ((is_public AND status = 'active') OR adcode LIKE @area)");
            parameters.Add(new("area", viewer.AreaPrefix + "%"));
        }
        if (f.AdcodePrefix is { Length: > 0 } adcode) { sql.Append(" AND adcode LIKE @adcode"); parameters.Add(new("adcode", adcode + "%")); }
        if (f.Type is { } type) { sql.Append(" AND type = @type"); parameters.Add(new("type", type)); }
        if (f.Status is { } status) { sql.Append(" AND status = @status"); parameters.Add(new("status", status)); }
        if (f.Services is { Length: > 0 } services)
        {
            sql.Append(" AND services @> @services");
            parameters.Add(new("services", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = services });
        }
        if (r.Bbox is { } b)
        {
            // The geography box uses the GiST index; densified edges keep it a superset of the planar box, and
            // the planar test then decides exactly (a point on an edge is inside).
            sql.Append(" AND location && ST_Segmentize(ST_MakeEnvelope(@x1, @y1, @x2, @y2, 4326), 0.01)::geography"
                + " AND ST_Intersects(location::geometry, ST_MakeEnvelope(@x1, @y1, @x2, @y2, 4326))");
            parameters.AddRange([new("x1", b.MinLng), new("y1", b.MinLat), new("x2", b.MaxLng), new("y2", b.MaxLat)]);
        }
        if (r.From is { } from) { sql.Append(" AND updated_at >= @from"); parameters.Add(new("from", from)); }
        if (r.To is { } to) { sql.Append(" AND updated_at <= @to"); parameters.Add(new("to", to)); }
        return sql.ToString();
    }

    public static string Count(string where) => $"SELECT count(*) FROM stations WHERE {where}";

    public static string Page(string where, StationReader viewer) =>
        // The features are built after LIMIT/OFFSET: skipped rows are never turned into JSON.
        $"SELECT count(*)::int, coalesce(json_agg({Feature(viewer)} ORDER BY code), '[]')::text FROM (SELECT * FROM stations WHERE {where} ORDER BY code LIMIT @limit OFFSET @offset) p";
}
