using Microsoft.EntityFrameworkCore;
using StationMap.Data;

namespace StationMap.Stations;

/// <summary>
/// New station codes: province letters + district adcode + a sequence, e.g. BJ110108-000123.
/// Stable, unique and readable on a sign; codes that come with an import always win.
/// </summary>
public static class StationCodes
{
    private static readonly Dictionary<string, string> Province = new()
    {
        ["11"] = "BJ", ["12"] = "TJ", ["13"] = "HE", ["14"] = "SX", ["15"] = "NM", ["21"] = "LN", ["22"] = "JL",
        ["23"] = "HL", ["31"] = "SH", ["32"] = "JS", ["33"] = "ZJ", ["34"] = "AH", ["35"] = "FJ", ["36"] = "JX",
        ["37"] = "SD", ["41"] = "HA", ["42"] = "HB", ["43"] = "HN", ["44"] = "GD", ["45"] = "GX", ["46"] = "HI",
        ["50"] = "CQ", ["51"] = "SC", ["52"] = "GZ", ["53"] = "YN", ["54"] = "XZ", ["61"] = "SN", ["62"] = "GS",
        ["63"] = "QH", ["64"] = "NX", ["65"] = "XJ", ["71"] = "TW", ["81"] = "HK", ["82"] = "MO",
    };

    /// <summary>
    /// Whether a code from a URL could name a stored station: new codes follow <see cref="StationTextRules.IsValidCode"/>,
    /// older ones may not, but none is longer than the column or holds a control character (which PostgreSQL refuses).
    /// </summary>
    public static bool CouldExist(string code) =>
        code.Length is > 0 and <= StationLimits.Code && StationTextRules.BadCharacterAt(code) < 0;

    /// <summary>The province letters as a SQL CASE over a 6-digit adcode column (for set-based imports).</summary>
    internal static string ProvinceSql(string column) =>
        $"(CASE left({column}, 2) {string.Concat(Province.Select(p => $"WHEN '{p.Key}' THEN '{p.Value}' "))}ELSE 'CN' END)";

    public static string Format(string adcode, long sequence) =>
        $"{Province.GetValueOrDefault(adcode[..2], "CN")}{adcode}-{sequence:D6}";

    /// <summary>Takes the next number from the database sequence until the code is free.</summary>
    public static async Task<string> NextAsync(StationMapDb db, string adcode, CancellationToken ct)
    {
        while (true)
        {
            var seq = await db.Database.SqlQueryRaw<long>("SELECT nextval('station_code_seq') AS \"Value\"").SingleAsync(ct);
            var code = Format(adcode, seq);
            if (!await db.Stations.IgnoreQueryFilters().AnyAsync(s => s.Code == code, ct)) return code;
        }
    }
}
