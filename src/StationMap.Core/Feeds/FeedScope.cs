using StationMap.Auth;
using StationMap.Orgs;

namespace StationMap.Feeds;

/// <summary>Whether a key's organisation covers a whole export area (a Haidian key cannot export Beijing or Chaoyang).</summary>
public static class FeedScope
{
    public static bool Covers(StaffIdentity who, string areaAdcode) =>
        AdcodeScope.Prefix(areaAdcode).StartsWith(AdcodeScope.Prefix(who.OrgAdcode), StringComparison.Ordinal);

    public static bool IsAdcode(string? text) => text is { Length: 6 } && text.All(char.IsAsciiDigit);
}
