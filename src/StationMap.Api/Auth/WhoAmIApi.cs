using StationMap.Auth;

namespace StationMap.Api.Auth;

/// <summary><c>GET /api/v1/auth/me</c>: the console checks a key at sign-in and shows who is working.</summary>
internal static class WhoAmIApi
{
    public static IEndpointRouteBuilder MapWhoAmIApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/auth/me", (HttpContext http) =>
        {
            var who = http.Staff();
            return TypedResults.Ok(new { who.Actor, role = who.Role.ToString().ToLowerInvariant(), who.OrgAdcode });
        }).WithTags("Auth").RequireRole(StaffRole.Viewer);
        return app;
    }
}
