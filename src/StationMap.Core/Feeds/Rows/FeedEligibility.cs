using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Feeds.Rows;

/// <summary>Which stations may be on a public map: active, public and complete.</summary>
public static class FeedEligibility
{
    /// <summary>Why a station must not be (or no longer be) on the map; null when it is active and public.</summary>
    public static string? NotPublishable(Station s) =>
        s.DeletedAt is not null ? "已删除 / deleted"
        : s.Status == StationStatus.Closed ? "已关闭 / closed"
        : s.Status == StationStatus.Suspended ? "暂停服务 / suspended"
        : !s.IsPublic ? "不对外公开 / not public"
        : null;

    /// <summary>Why an active public station is not fit to submit; null when it is complete.</summary>
    public static string? Incomplete(Station s)
    {
        if (string.IsNullOrWhiteSpace(s.Name)) return "缺少站点名称 / name is missing";
        if (string.IsNullOrWhiteSpace(s.Address)) return "缺少地址 / address is missing";
        if (s.Adcode.Length != 6 || !s.Adcode.All(char.IsAsciiDigit)) return $"行政区划代码无效 / invalid adcode '{s.Adcode}'";
        if (!ChinaRegion.IsInsideChina(s.Lng, s.Lat))
            return $"坐标不在中国境内 / point outside China ({s.Lng:0.######},{s.Lat:0.######} wgs84)";
        return null;
    }
}
