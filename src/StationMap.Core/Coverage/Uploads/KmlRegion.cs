using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using NetTopologySuite.Geometries;
using StationMap.Common;

namespace StationMap.Coverage.Uploads;

/// <summary>
/// The polygons of a KML file (Google Earth, 奥维, a GIS export) as one region. Read with DTDs prohibited and no
/// resolver: a file that declares entities (XXE, "billion laughs") is refused before anything is expanded.
/// Vertices are "lng,lat[,alt]" in the request's coordsys (Chinese tools often write GCJ-02 into KML).
/// </summary>
public static class KmlRegion
{
    public const string Field = "regionKml";
    private const long MaxCharacters = 50_000_000;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
    };

    /// <summary>A Polygon or MultiPolygon (vertices as written), and the first Placemark or Document name; null with errors.</summary>
    public static (Geometry? Geometry, string? Name) Parse(string kml, string? file, List<FieldError> errors)
    {
        var label = file is { Length: > 0 } ? $"{Field} ({file})" : Field;
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new StringReader(kml), Settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(FieldError.Of(Field, "kml_dtd_refused", $"{label}：文件含 DTD/实体声明（可能是外部实体攻击），已拒绝",
                $"{label}: the file declares a DTD or entities (possible external-entity attack) and was refused"));
            return (null, null);
        }
        catch (XmlException e)
        {
            errors.Add(FieldError.Of(Field, "kml_invalid", $"{label}：不是合法的 XML（第 {e.LineNumber} 行）",
                $"{label}: not well-formed XML (line {e.LineNumber})"));
            return (null, null);
        }

        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var polygons = new List<Polygon>();
        foreach (var polygon in doc.Descendants().Where(e => e.Name.LocalName == "Polygon"))
        {
            var outer = Ring(polygon, "outerBoundaryIs", factory).FirstOrDefault();
            if (outer is null) continue;
            polygons.Add(factory.CreatePolygon(outer, [.. Ring(polygon, "innerBoundaryIs", factory)]));
        }
        if (polygons.Count == 0 || polygons.Any(p => p.Shell.NumPoints < 4))
        {
            errors.Add(FieldError.Of(Field, "kml_no_polygon", $"{label}：未找到有效的 Polygon（外环至少 3 个不同顶点，坐标为 经度,纬度）",
                $"{label}: no valid Polygon found (an outer ring needs 3 distinct vertices written as lng,lat)"));
            return (null, null);
        }
        var name = doc.Descendants().Where(e => e.Name.LocalName == "Placemark").Select(NameOf).FirstOrDefault(n => n is not null)
            ?? doc.Descendants().Where(e => e.Name.LocalName == "Document").Select(NameOf).FirstOrDefault(n => n is not null);
        Geometry geometry = polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]);
        return (geometry, name);
    }

    private static string? NameOf(XElement e) =>
        e.Elements().FirstOrDefault(c => c.Name.LocalName == "name")?.Value.Trim() is { Length: > 0 } n ? n : null;

    /// <summary>Each LinearRing under the boundary elements of that name, closed if the file left it open; unreadable ones are skipped.</summary>
    private static IEnumerable<LinearRing> Ring(XElement polygon, string boundary, GeometryFactory factory)
    {
        foreach (var coordinates in polygon.Elements().Where(e => e.Name.LocalName == boundary)
                     .SelectMany(b => b.Descendants().Where(e => e.Name.LocalName == "coordinates")))
        {
            var points = new List<Coordinate>();
            foreach (var tuple in coordinates.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = tuple.Split(',');
                if (parts.Length < 2
                    || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                    || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
                {
                    points.Clear();
                    break;
                }
                points.Add(new Coordinate(x, y));
            }
            if (points.Count < 3) continue;
            if (!points[0].Equals2D(points[^1])) points.Add(points[0].Copy());
            if (points.Count < 4) continue;
            yield return factory.CreateLinearRing([.. points]);
        }
    }
}
