using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Geo;

namespace StationMap.Api.Geo;

/// <summary><c>GET /api/v1/convert?from=gcj02&amp;to=wgs84&amp;points=116.39,39.90;121.47,31.23</c>.</summary>
public static class ConvertApi
{
    public const int MaxPoints = 1000;

    public sealed record PointDto(double Lng, double Lat);

    public sealed record ConvertResponse(string From, string To, IReadOnlyList<PointDto> Points);

    public static IEndpointRouteBuilder MapConvertApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").WithTags("Geo").MapGet("/convert", Convert)
            .WithSummary("Convert points between wgs84, gcj02, bd09 and bd09mc (坐标转换)");
        return app;
    }

    private static Results<Ok<ConvertResponse>, ValidationProblem> Convert(string? from, string? to, string? points)
    {
        var errors = new Dictionary<string, string[]>();
        var fromOk = ReadSystem(from, "from", errors, out var fromSys);
        var toOk = ReadSystem(to, "to", errors, out var toSys);
        var parsed = ReadPoints(points, fromOk ? fromSys : CoordSys.Wgs84, errors);
        if (errors.Count > 0 || !fromOk || !toOk)
            return TypedResults.ValidationProblem(errors, title: "坐标转换参数错误 / invalid conversion parameters");

        var result = new List<PointDto>(parsed.Count);
        foreach (var p in parsed)
        {
            CoordConvert.Convert(fromSys, toSys, p.Lng, p.Lat, out var lng, out var lat);
            result.Add(new PointDto(lng, lat));
        }
        return TypedResults.Ok(new ConvertResponse(fromSys.ToWire(), toSys.ToWire(), result));
    }

    private static bool ReadSystem(string? text, string name, Dictionary<string, string[]> errors, out CoordSys sys)
    {
        if (CoordSysNames.TryParse(text, out sys)) return true;
        errors[name] = [string.IsNullOrWhiteSpace(text)
            ? "缺少坐标系 / coordinate system is required: " + string.Join(", ", CoordSysNames.All)
            : "未知坐标系 / unknown coordinate system '" + text + "'; use one of: " + string.Join(", ", CoordSysNames.All)];
        return false;
    }

    private static List<LngLat> ReadPoints(string? text, CoordSys from, Dictionary<string, string[]> errors)
    {
        var result = new List<LngLat>();
        var items = (text ?? "").Replace('；', ';').Split(';', StringSplitOptions.TrimEntries);
        if (items is [""])
        {
            errors["points"] = ["缺少坐标 / points are required, as lng,lat;lng,lat"];
            return result;
        }
        if (items.Length > MaxPoints)
        {
            errors["points"] = ["坐标过多 / too many points: " + items.Length + " (max " + MaxPoints + ")"];
            return result;
        }
        for (var i = 0; i < items.Length; i++)
        {
            var parsed = from == CoordSys.Bd09Mc ? CoordinateParser.ParseMercatorPair(items[i]) : CoordinateParser.ParsePair(items[i], AxisOrder.LngLat);
            if (parsed.Ok) result.Add(parsed.Value);
            else errors["points[" + i + "]"] = [parsed.Error!.Message];
        }
        return result;
    }
}
