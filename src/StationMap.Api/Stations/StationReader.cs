using StationMap.Api.Auth;
using StationMap.Auth;
using StationMap.Geo;
using StationMap.Mapping;
using StationMap.Stations;

namespace StationMap.Api.Stations;

/// <summary>
/// Who reads and what they may see: anyone sees public stations without internal fields; staff also see their own
/// area's non-public stations and the internal fields of every station in their area — nothing more.
/// </summary>
internal sealed record StationReader(StaffIdentity? Who)
{
    public static StationReader Of(HttpContext http) => new(http.User.HasRole(StaffRole.Viewer) ? http.Staff() : null);

    public bool Staff => Who is not null;

    public bool InArea(Station s) => Who?.Covers(s.Adcode) == true;

    public bool MaySee(Station s) => s.IsPublic || InArea(s);

    public StationDto View(Station s, CoordSys output) => InArea(s) ? s.ToDto(output) : s.ToPublicDto(output);
}
