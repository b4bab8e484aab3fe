using StationMap.Orgs;

namespace StationMap.Auth;

/// <summary>Who is calling: the key's role and the area (adcode) its organisation covers.</summary>
public sealed record StaffIdentity(long KeyId, string Actor, StaffRole Role, string OrgAdcode)
{
    public bool HasRole(StaffRole needed) => Role >= needed;

    public bool Covers(string stationAdcode) => AdcodeScope.Covers(OrgAdcode, stationAdcode);

    /// <summary>The system itself (CLI seeding, migrations): every role, the whole country.</summary>
    public static StaffIdentity System(string actor) => new(0, actor, StaffRole.Admin, "000000");
}
