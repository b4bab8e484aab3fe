namespace StationMap.Orgs;

/// <summary>
/// Turns an area code into the prefix of the district codes it covers:
/// 110000 → "11" (province), 110100 → "1101" (city), 110108 → "110108", 000000 → "" (the whole country).
/// </summary>
public static class AdcodeScope
{
    public static string Prefix(string adcode)
    {
        if (adcode.Length != 6 || !adcode.All(char.IsAsciiDigit))
            throw new ArgumentException($"adcode must be 6 digits / 行政区划代码须为6位数字: '{adcode}'", nameof(adcode));
        if (adcode == "000000") return "";
        if (adcode.EndsWith("0000", StringComparison.Ordinal)) return adcode[..2];
        if (adcode.EndsWith("00", StringComparison.Ordinal)) return adcode[..4];
        return adcode;
    }

    public static bool Covers(string scopeAdcode, string stationAdcode) =>
        stationAdcode.StartsWith(Prefix(scopeAdcode), StringComparison.Ordinal);
}
