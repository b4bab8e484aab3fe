using System.Text.Json;
using StationMap.Coverage;
using StationMap.Coverage.Grid;
using StationMap.Geo;

namespace StationMap.Api.Coverage;

/// <summary>Cells with count ≤ max as a GeoJSON FeatureCollection of hexagons, written as it goes.</summary>
internal static class CoverageCellsGeoJson
{
    public const string ContentType = "application/geo+json";
    public const int MaxFeatures = 200_000;

    public static async Task WriteAsync(Stream body, CoverageReport report, int max, CoordSys sys, CancellationToken ct)
    {
        await using var w = new Utf8JsonWriter(body);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteString("coordsys", sys.ToWire());
        w.WriteNumber("radius", report.Radius);
        w.WriteNumber("cell", report.Edge);
        w.WriteStartArray("features");
        var written = 0;
        foreach (var d in report.Details)
        {
            var cells = d.Coverage.Cells;
            for (var i = 0; i < cells.Count && written < MaxFeatures; i++)
            {
                if (d.Counts[i] > max) continue;
                written++;
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("geometry");
                w.WriteString("type", "Polygon");
                w.WriteStartArray("coordinates");
                w.WriteStartArray();
                foreach (var (lng, lat) in HexGrid.HexagonWgs(cells.Grid!, cells.X![i], cells.Y![i]))
                {
                    var (x, y) = CoverageJson.Out(lng, lat, sys);
                    w.WriteStartArray(); w.WriteNumberValue(Math.Round(x, 6)); w.WriteNumberValue(Math.Round(y, 6)); w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteNumber("count", d.Counts[i]);
                w.WriteNumber("area", Math.Round(cells.Weight[i]));
                w.WriteString("adcode", d.Coverage.District.Adcode);
                w.WriteBoolean("clipped", cells.Clipped![i]);
                if (d.Counts[i] != d.Coverage.Counts[i]) w.WriteNumber("before", d.Coverage.Counts[i]);
                w.WriteEndObject();
                w.WriteEndObject();
                if (w.BytesPending > 32 * 1024) { await w.FlushAsync(ct); }
            }
        }
        w.WriteEndArray();
        w.WriteBoolean("truncated", written >= MaxFeatures);
        w.WriteEndObject();
        await w.FlushAsync(ct);
    }
}
