using StationMap.Api.Auth;
using StationMap.Auth;
using StationMap.Geo;
using StationMap.Mapping;
using StationMap.Stations;

namespace StationMap.Api.Stations;

/// <summary>
/// Who reads and what they may see: anyone sees public stations without internal fields; staff also see their own
/// area's non-public stations and the internal fields of every station in their area — nothing more. The rule itself
/// is <see cref="StationVisibility"/>; the station API and OGC API – Features both read through this.
/// </summary>
internal sealed record StationReader(StaffIdentity? Who)
{
    public static readonly StationReader Anonymous = new((StaffIdentity?)null);

    public static StationReader Of(HttpContext http) => new(http.User.HasRole(StaffRole.Viewer) ? http.Staff() : null);

    public bool Staff => Who is not null;

    /// <summary>The SQL form of <see cref="InArea"/>: stations whose adcode starts with it ("" = all); null for anonymous.</summary>
    public string? AreaPrefix => StationVisibility.AreaPrefix(Who);

    public bool InArea(Station s) => StationVisibility.InArea(Who, s.Adcode);

    public bool MaySee(Station s) => StationVisibility.MayKnow(Who, s);

    public StationDto View(Station s, CoordSys output) => InArea(s) ? s.ToDto(output) : s.ToPublicDto(output);
}
