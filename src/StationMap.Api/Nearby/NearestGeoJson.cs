using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace StationMap.Api.Nearby;

/// <summary>The nearest answer as an RFC 7946 FeatureCollection: always WGS-84, whatever was asked.</summary>
internal static class NearestGeoJson
{
    public const string ContentType = "application/geo+json";

    public static FeatureCollection From(NearestResponse response, IReadOnlyList<(double Lng, double Lat)> wgs84)
    {
        var collection = new FeatureCollection();
        for (var i = 0; i < response.Results.Count; i++)
        {
            var r = response.Results[i];
            collection.Add(new Feature(new Point(wgs84[i].Lng, wgs84[i].Lat), new AttributesTable
            {
                { "code", r.Code }, { "name", r.Name }, { "address", r.Address }, { "distanceM", r.DistanceM },
                { "walkMinutes", r.WalkMinutes }, { "ebikeMinutes", r.EbikeMinutes }, { "services", r.Services.ToArray() },
                { "type", r.Type }, { "openingHours", r.OpeningHours }, { "openNow", r.OpenNow }, { "phone", r.Phone },
                { "amapApp", r.Navigation.AmapApp }, { "baiduApp", r.Navigation.BaiduApp },
            }));
        }
        return collection;
    }
}
