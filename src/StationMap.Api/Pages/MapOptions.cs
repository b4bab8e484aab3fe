using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Pages;

/// <summary>
/// The courier page's base map (appsettings "Map"). OpenStreetMap-style tiles are WGS-84; Amap tiles are GCJ-02,
/// and then the page draws every point in GCJ-02.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    [Required] public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    [RegularExpression("^(wgs84|gcj02)$", ErrorMessage = "Map:TileCoordsys must be wgs84 or gcj02")]
    public string TileCoordsys { get; set; } = "wgs84";

    public string Attribution { get; set; } = "© OpenStreetMap contributors";

    /// <summary>Letters or digits for {s} in the URL (Amap: "1234").</summary>
    public string Subdomains { get; set; } = "abc";

    [Range(1, 22)] public int MaxZoom { get; set; } = 19;

    /// <summary>Where the map opens before the courier is located (WGS-84): Tiananmen.</summary>
    public double CenterLng { get; set; } = 116.3975;
    public double CenterLat { get; set; } = 39.9087;
}
