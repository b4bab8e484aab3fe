using StationMap.Geo;
using StationMap.Nearby;
using StationMap.Stations;

namespace StationMap.Api.Nearby;

/// <summary>One station in a nearest answer.</summary>
internal sealed record NearestResult(
    string Code, string Name, string Address, int DistanceM, int WalkMinutes, int EbikeMinutes,
    LocationDto Location, IReadOnlyList<string> Services, string Type, string? OpeningHours, bool? OpenNow,
    string? Phone, bool? Accessible, NavigationLinks Navigation);

/// <summary>The nearest answer: the one model both the JSON and the GeoJSON forms are written from.</summary>
internal sealed record NearestResponse(
    LocationDto Query, string Coordsys, DateTimeOffset At, string Path, string Estimate, IReadOnlyList<NearestResult> Results)
{
    public const string EstimateNote = "直线距离估算：步行 1 公里 = 15 分钟，电动自行车 15 公里/小时 / straight-line estimates: walking 1 km = 15 min, e-bike 15 km/h";

    public static NearestResponse From(IReadOnlyList<NearestHit> hits, NearestRequest request, Coordinate origin, CoordSys output, string path)
    {
        var links = NavigationLinks.From(origin);
        // Beijing time and its holiday status once per answer: each station's "open now" reads them.
        var at = TimeZoneInfo.ConvertTime(request.At, StationMap.Hours.ShanghaiTime.Zone);
        var days = request.Filter.Days;
        var results = new List<NearestResult>(hits.Count);
        foreach (var hit in hits) results.Add(Result(hit, at.DateTime, days, links, output));
        return new(new LocationDto(origin.Lng, origin.Lat, origin.Sys.ToWire()), output.ToWire(), at, path, EstimateNote, results);
    }

    private static NearestResult Result(NearestHit hit, DateTime shanghaiAt, StationMap.Hours.HolidayDays days, NavigationLinks.Origin links, CoordSys output)
    {
        var s = hit.Station;
        var name = s.Name;
        return new NearestResult(s.Code, name, s.Address, (int)Math.Round(hit.DistanceM),
            TravelTime.WalkMinutes(hit.DistanceM), TravelTime.EbikeMinutes(hit.DistanceM),
            StationMapping.Locate(s.Lng, s.Lat, output), s.Services, EnumNames.Wire(s.Type), s.OpeningHoursText,
            s.IsOpenAtShanghai(shanghaiAt, days), s.Phone, s.Accessible, links.To(Coordinate.Wgs84(s.Lng, s.Lat), name));
    }
}
