namespace StationMap.Geo;

/// <summary>
/// The one answer to "is this point in offset-region China?", used by every conversion and by validation.
/// The region is a coarse polygon (<see cref="ChinaOutline"/>), not the usual bounding box, which wrongly
/// offsets points in Mongolia, Korea, Japan, Vietnam, Kazakhstan and Russia.
/// Hong Kong, Macau and Taiwan are inside: Amap, Baidu and Tencent serve them in GCJ-02/BD-09 just as the
/// mainland, and the widely used libraries (gcoord, coordtransform) offset them too (docs/geo.md).
/// Nansha (Spratly) and Diaoyu islands are outside; Xisha (Paracel) is inside.
/// Accuracy is a few kilometres along land borders, tuned at the border-river cities. Within about a
/// kilometre of the border a point and its shifted image may fall on different sides; conversions therefore
/// test the less shifted end of each pair (see <see cref="CoordConvert"/>).
/// </summary>
public static class ChinaRegion
{
    private static readonly LatitudeSlabIndex Index = new(ChinaOutline.Rings);

    /// <summary>True where Chinese providers apply the GCJ-02 offset. Works on any system's lng/lat (degrees).</summary>
    public static bool IsInOffsetRegion(double lng, double lat) => Index.Contains(lng, lat);

    /// <summary>Cheap pre-check for inverse conversions: within the region's bounding box plus 0.1° (offsets are under 0.02°).</summary>
    internal static bool IsNear(double lng, double lat) => Index.BoxContains(lng, lat, 0.1);

    /// <summary>For validating staff input ("this station must be in China"): the same polygon.</summary>
    public static bool IsInsideChina(double lng, double lat) => Index.Contains(lng, lat);
}
