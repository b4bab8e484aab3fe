using System.Globalization;
using System.Security.Claims;
using StationMap.Auth;

namespace StationMap.Api.Auth;

/// <summary>Carries a <see cref="StaffIdentity"/> through ASP.NET's ClaimsPrincipal.</summary>
internal static class StaffClaims
{
    private const string KeyId = "sm:key", Org = "sm:org";

    public static IEnumerable<Claim> From(StaffIdentity who) =>
    [
        new(KeyId, who.KeyId.ToString(CultureInfo.InvariantCulture)),
        new(ClaimTypes.Name, who.Actor),
        new(ClaimTypes.Role, who.Role.ToString()),
        new(Org, who.OrgAdcode),
    ];

    public static StaffIdentity Staff(this HttpContext context)
    {
        var user = context.User;
        return new StaffIdentity(
            long.Parse(user.FindFirstValue(KeyId)!, CultureInfo.InvariantCulture),
            user.FindFirstValue(ClaimTypes.Name)!,
            Enum.Parse<StaffRole>(user.FindFirstValue(ClaimTypes.Role)!),
            user.FindFirstValue(Org)!);
    }

    public static bool HasRole(this ClaimsPrincipal user, StaffRole needed) =>
        Enum.TryParse<StaffRole>(user.FindFirstValue(ClaimTypes.Role), out var role) && role >= needed;
}
