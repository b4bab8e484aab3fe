namespace StationMap.Samples;

/// <summary>ISO 3166-2:CN letters for the province part of a sample station code ("BJ110108-000123").</summary>
internal static class ProvinceAbbreviations
{
    private static readonly Dictionary<string, string> ByPrefix = new()
    {
        ["11"] = "BJ", ["12"] = "TJ", ["13"] = "HE", ["14"] = "SX", ["15"] = "NM", ["21"] = "LN", ["22"] = "JL",
        ["23"] = "HL", ["31"] = "SH", ["32"] = "JS", ["33"] = "ZJ", ["34"] = "AH", ["35"] = "FJ", ["36"] = "JX",
        ["37"] = "SD", ["41"] = "HA", ["42"] = "HB", ["43"] = "HN", ["44"] = "GD", ["45"] = "GX", ["46"] = "HI",
        ["50"] = "CQ", ["51"] = "SC", ["52"] = "GZ", ["53"] = "YN", ["54"] = "XZ", ["61"] = "SN", ["62"] = "GS",
        ["63"] = "QH", ["64"] = "NX", ["65"] = "XJ", ["71"] = "TW", ["81"] = "HK", ["82"] = "MO",
    };

    public static string For(string adcode) => ByPrefix.GetValueOrDefault(adcode[..2], "CN");
}
