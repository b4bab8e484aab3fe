using NetTopologySuite.Geometries;
using Npgsql;
using StationMap.Common;
using StationMap.Coverage;
using StationMap.Coverage.Points;
using StationMap.Geo;
using StationMap.Import;

namespace StationMap.Api.Coverage;

/// <summary>
/// POST /api/v1/coverage/points: a demand file (multipart "file": CSV, xlsx or GeoJSON) or a GeoJSON body; each
/// point's count within radius and the summary. Only public station data is read, so any staff key may ask.
/// </summary>
internal static class CoveragePointsApi
{
    public const long MaxBytes = 32 * 1024 * 1024;

    public static async Task<IResult> Points(HttpContext http, NpgsqlDataSource db, ImportOptions limits, UploadGate gate, CancellationToken ct)
    {
        var q = http.Request.Query;
        var errors = new List<FieldError>();
        var radius = QueryParameters.Number(q, "radius", 1000, CoverageParameters.MinRadius, CoverageParameters.MaxRadius, errors);
        var inSys = QueryParameters.Coordsys(q, "coordsys", CoordSys.Wgs84, errors);
        var outSys = QueryParameters.Coordsys(q, "outCoordsys", inSys, errors);
        if (errors.Count > 0) return Problems.Validation(errors);

        await using var temp = new MemoryStream();
        string fileName;
        if (http.Request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(ct);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                // A malformed multipart body (no boundary, cut short) is the client's error, as in the import.
                return Problems.Parameter("file", "上传内容无法读取", "the upload could not be read: " + e.Message);
            }
            if (form.Files["file"] is not { } file)
                return Problems.Parameter("file", "请以 multipart 字段 file 上传需求点文件", "upload the demand points as multipart field 'file'");
            if (file.Length > MaxBytes) return Problems.Parameter("file", "文件过大（上限 32 MB）", "file too large (32 MB at most)");
            await file.CopyToAsync(temp, ct);
            fileName = file.FileName;
        }
        else
        {
            await http.Request.Body.CopyToAsync(temp, ct);
            fileName = "body.geojson";
        }
        temp.Position = 0;
        DemandSet? points;
        using (await gate.EnterAsync(ct)) // one queue for every uploaded file that is parsed (imports, result files, points)
            points = DemandPointFile.Read(temp, fileName, inSys, limits, errors);
        if (points is null) return Problems.Validation(errors);

        var reach = new SpheroidRadius(radius);
        var box = new Envelope(points.Lng.Min(), points.Lng.Max(), points.Lat.Min(), points.Lat.Max());
        var stations = await CoverageStationReader.ReadAsync(db, CoverageStationReader.Grow(box, radius), ct);
        var index = new DemandIndex(points, radius);
        var counts = CoverageCounts.Count(index, stations, reach);
        var tally = new CoverageTally();
        tally.Add(points, counts);
        var summary = tally.ToFigures("", "points", CriticalStations.Find(index, points.Weight, counts, stations, reach, 10));
        if (!summary.IsFinite()) return CoverageApi.NotFinite("weight");
        return TypedResults.Json(new
        {
            radius, coordsys = outSys.ToWire(),
            summary = CoverageJson.Figures(summary, outSys),
            points = Enumerable.Range(0, points.Count).Select(i =>
            {
                var (lng, lat) = CoverageJson.Out(points.Lng[i], points.Lat[i], outSys);
                return new { lng, lat, label = points.Labels![i], weight = points.Weight[i], count = counts[i] };
            }),
        });
    }
}
