using System.Globalization;
using StationMap.Common;
using StationMap.Coverage;
using StationMap.Coverage.Siting;
using StationMap.Coverage.Uploads;
using StationMap.Geo;

namespace StationMap.Api.Coverage;

/// <summary>
/// POST body of /coverage, /coverage/cells and /coverage/siting: the same parameters as the query string plus
/// hypothetical changes (closed station ids, moved and added places) and, for siting, k and candidates.
/// Places are in <c>coordsys</c>; <c>region</c> (a GeoJSON polygon) or <c>regionKml</c> (a KML file's text, its name in
/// <c>regionFile</c>), also in <c>coordsys</c>, replaces <c>adcode</c>.
/// </summary>
internal sealed record CoverageBody(
    string? Adcode, double? Radius, double? Cell, string? Coordsys, string? OutCoordsys, int? Critical, int? Max,
    long[]? Closed, PlaceBody[]? Moved, PlaceBody[]? Added, int? K, PlaceBody[]? Candidates,
    System.Text.Json.JsonElement? Region = null, string? RegionName = null, string? RegionKml = null, string? RegionFile = null,
    System.Text.Json.JsonElement? Weights = null)
{
    public string? Get(string name) => name switch
    {
        "adcode" => Adcode,
        "radius" => Radius?.ToString(CultureInfo.InvariantCulture),
        "cell" => Cell?.ToString(CultureInfo.InvariantCulture),
        "coordsys" => Coordsys,
        "outCoordsys" => OutCoordsys,
        "critical" => Critical?.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The uploaded region (<c>region</c> or <c>regionKml</c>), or null for the adcode.</summary>
    public UploadedRegion? Uploaded()
    {
        var geojson = Region is { ValueKind: not System.Text.Json.JsonValueKind.Null and not System.Text.Json.JsonValueKind.Undefined } r ? r : (System.Text.Json.JsonElement?)null;
        return geojson is null && string.IsNullOrEmpty(RegionKml) ? null : new UploadedRegion(geojson, RegionKml, RegionFile, RegionName);
    }

    public WhatIfChanges WhatIf(CoordSys sys, List<FieldError> errors) => new(
        Closed ?? [],
        [.. Places(Moved, "moved", sys, errors, needId: true)],
        [.. Places(Added, "added", sys, errors, needId: false)]);

    public List<SitingCandidate> SitingCandidates(CoordSys sys, List<FieldError> errors) =>
        [.. Places(Candidates, "candidates", sys, errors, needId: false).Select(p => new SitingCandidate(p.Lng, p.Lat, p.Label))];

    private static IEnumerable<WhatIfPlace> Places(PlaceBody[]? places, string field, CoordSys sys, List<FieldError> errors, bool needId)
    {
        for (var i = 0; i < (places?.Length ?? 0); i++)
        {
            var p = places![i];
            var name = $"{field}[{i}]";
            if (needId && p.Id is null)
                errors.Add(FieldError.Of(name + ".id", "required", $"{name}.id 必填", $"{name}.id is required"));
            if (p.Lng is not { } lng || p.Lat is not { } lat || lng is < -180 or > 180 || lat is < -90 or > 90)
            {
                errors.Add(FieldError.Of(name, "invalid_coordinate", $"{name} 的 lng/lat 缺失或超出范围", $"{name} needs lng in -180..180 and lat in -90..90"));
                continue;
            }
            var wgs = new Coordinate(lng, lat, sys).ToWgs84();
            yield return new WhatIfPlace(p.Id ?? 0, wgs.Lng, wgs.Lat, p.Label);
        }
    }
}

internal sealed record PlaceBody(long? Id, double? Lng, double? Lat, string? Label);
