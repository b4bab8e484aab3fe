using System.Globalization;
using StationMap.Feeds.Profiles;
using StationMap.Geo;
using StationMap.Hours;
using StationMap.Stations;

namespace StationMap.Feeds.Rows;

/// <summary>The text of one <see cref="FeedFields"/> field for a station, coordinates already in the profile's system.</summary>
internal static class StationFieldText
{
    public static string Of(string field, Station s, Coordinate at, FeedProfile profile, FeedLookups lookups) => field switch
    {
        "code" => s.Code,
        "name" => s.Name.Trim(),
        "address" => s.Address.Trim(),
        "adcode" => s.Adcode,
        "district" => lookups.District(s.Adcode),
        "city" => lookups.City(s.Adcode),
        "province" => lookups.Province(s.Adcode),
        "lng" => Number(at.Lng, profile.Decimals),
        "lat" => Number(at.Lat, profile.Decimals),
        "location" => Number(at.Lng, profile.Decimals) + "," + Number(at.Lat, profile.Decimals),
        "coordsys" => at.Sys.ToWire(),
        "phone" => s.Phone ?? "",
        // Providers show this on the POI card: Chinese, never the storage syntax ("Mo-Fr", "PH off").
        "hours" => ChineseHoursText.Of(s.OpeningHours),
        "hoursOsm" => s.OpeningHours ?? "",
        "services" => string.Join("、", s.Services.Select(c => ServiceCatalog.Find(c)?.Chinese ?? c)),
        "servicesEn" => string.Join(", ", s.Services.Select(c => ServiceCatalog.Find(c)?.English ?? c)),
        "type" => s.Type switch { StationType.Standard => "标准站点", StationType.Micro => "微型站点", _ => "流动站点" },
        "area" => s.AreaM2?.ToString(CultureInfo.InvariantCulture) ?? "",
        "host" => s.HostOrganization ?? "",
        "hostKind" => s.HostKind.ToString().ToLowerInvariant(),
        "manager" => lookups.Organization(s.ManagingOrgId) ?? s.HostOrganization ?? "",
        "photos" => string.Join(" ", s.Photos),
        "photo" => s.Photos.FirstOrDefault() ?? "",
        "version" => s.Version.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "unknown feed field"),
    };

    /// <summary>Fixed decimals, invariant culture: the same station always gives the same text (and hash).</summary>
    public static string Number(double value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString(Formats[decimals], CultureInfo.InvariantCulture);

    private static readonly string[] Formats = Enumerable.Range(0, 11).Select(d => "F" + d.ToString(CultureInfo.InvariantCulture)).ToArray();
}
