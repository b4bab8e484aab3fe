using System.Text.RegularExpressions;
using StationMap.Geo;

namespace StationMap.Import;

/// <summary>
/// Decimal degrees with 3 or fewer decimals: 0.01° is about 1 km, so "116.33,39.97" sends a courier to the wrong street.
/// Excel writes CSV cells as they are displayed, and a column formatted "0.00" leaves exactly that; in an xlsx file the
/// stored number keeps every digit whatever the display, so few decimals there mean the value itself is short (typed or
/// rounded before). Either way the point is stored — this is a warning — but the uploader is told where to look.
/// Degrees-minutes-seconds are not decimals and are never reported here.
/// </summary>
internal static partial class CoordinatePrecision
{
    /// <summary>Flag at this many decimals or fewer (3 decimals ≈ 100 m).</summary>
    public const int MaxFlaggedDecimals = 3;

    [GeneratedRegex(@"^(?:东经|西经|北纬|南纬|[EWNSewns])?\s*[+-]?\d{1,3}(?:\.(\d*))?\s*°?\s*[EWNSewns]?$")]
    private static partial Regex DecimalDegrees();

    /// <summary>The number of decimals of a decimal-degree text, or null when it is not one (DMS, garbage).</summary>
    public static int? Decimals(string? text) =>
        DecimalDegrees().Match(CoordTextNormalizer.Normalize(text)) is { Success: true } m ? m.Groups[1].Value.Length : null;

    /// <summary>Warnings for a point read from separate longitude and latitude cells.</summary>
    public static void Check(int row, string lngText, string lngColumn, string latText, string latColumn, List<ImportProblem> warnings)
    {
        if (Warning(row, lngColumn, lngText, "经度", "longitude") is { } lng) warnings.Add(lng);
        if (Warning(row, latColumn, latText, "纬度", "latitude") is { } lat) warnings.Add(lat);
    }

    /// <summary>Warnings for a point read from one "经纬度" cell, <paramref name="latFirst"/> when it was read as lat,lng.</summary>
    public static void CheckPair(int row, string pair, string column, bool latFirst, List<ImportProblem> warnings)
    {
        if (PairSplitter.Split(CoordTextNormalizer.Normalize(pair)) is not { } halves) return;
        var (lng, lat) = latFirst ? (halves.Second, halves.First) : (halves.First, halves.Second);
        Check(row, lng, column, lat, column, warnings);
    }

    private static ImportProblem? Warning(int row, string column, string text, string zh, string en)
    {
        if (Decimals(text) is not { } d || d > MaxFlaggedDecimals) return null;
        var (offZh, offEn) = d switch
        {
            0 => ("约 100 公里", "about 100 km"),
            1 => ("约 10 公里", "about 10 km"),
            2 => ("约 1 公里", "about 1 km"),
            _ => ("约 100 米", "about 100 m"),
        };
        return ImportProblem.Of(row, column, "coord_low_precision",
            $"{zh}只有 {d} 位小数（{offZh}误差），请核对是否被 Excel 四舍五入或录入时截短：{text}",
            $"{en} has only {d} decimals ({offEn} off); check Excel did not round it and it was not entered short: {text}");
    }
}
