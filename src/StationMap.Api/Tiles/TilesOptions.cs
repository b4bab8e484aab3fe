namespace StationMap.Api.Tiles;

/// <summary>Section "Tiles".</summary>
public sealed class TilesOptions
{
    public const string Section = "Tiles";

    /// <summary>Keep made tiles in memory per station data version; false makes every tile afresh
    /// (bench/ogc.sh measures the making against pgbench that way).</summary>
    public bool Cache { get; set; } = true;
}
