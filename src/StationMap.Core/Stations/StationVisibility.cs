using StationMap.Auth;
using StationMap.Orgs;

namespace StationMap.Stations;

/// <summary>
/// The one rule of what a caller learns about a station: everyone may know public, undeleted stations (public fields);
/// a staff key also knows every station of its own area, with the internal fields. Readers (API, OGC) and writers
/// (stations, publication, imports) all ask here, so no endpoint tells more than another.
/// </summary>
public static class StationVisibility
{
    /// <summary>The adcode prefix of the caller's area ("" = the country), null for anonymous: the SQL form of <see cref="InArea"/>.</summary>
    public static string? AreaPrefix(StaffIdentity? who) => who is null ? null : AdcodeScope.Prefix(who.OrgAdcode);

    /// <summary>Internal fields and non-public or deleted stations: only for keys whose area covers the station.</summary>
    public static bool InArea(StaffIdentity? who, string adcode) => who?.Covers(adcode) == true;

    /// <summary>Whether the caller may even learn that the station exists: outside this, answer as for a missing code.</summary>
    public static bool MayKnow(StaffIdentity? who, Station s) => (s.IsPublic && s.DeletedAt is null) || InArea(who, s.Adcode);

    /// <summary><see cref="InArea"/> in SQL over a stations row (columns prefixed by <paramref name="alias"/>), with
    /// <see cref="AreaPrefix"/> as @prefix.</summary>
    public static string InAreaSql(string alias = "") => $"left({alias}adcode, length(@prefix)) = @prefix";

    /// <summary><see cref="MayKnow"/> in SQL, as <see cref="InAreaSql"/>.</summary>
    public static string MayKnowSql(string alias = "") => $"(({alias}is_public AND {alias}deleted_at IS NULL) OR {InAreaSql(alias)})";
}
