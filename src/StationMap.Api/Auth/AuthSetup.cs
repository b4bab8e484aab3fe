using Microsoft.AspNetCore.Authentication;
using StationMap.Auth;

namespace StationMap.Api.Auth;

internal static class AuthSetup
{
    /// <summary>One policy per role; a higher role satisfies every lower one.</summary>
    public static IServiceCollection AddStaffAuth(this IServiceCollection services)
    {
        services.AddSingleton(sp => new UnknownKeyCache(sp.GetRequiredService<TimeProvider>()));
        services.AddAuthentication(StaffKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, StaffKeyAuthentication>(StaffKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(nameof(StaffRole.Viewer), p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasRole(StaffRole.Viewer)))
            .AddPolicy(nameof(StaffRole.Editor), p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasRole(StaffRole.Editor)))
            .AddPolicy(nameof(StaffRole.Publisher), p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasRole(StaffRole.Publisher)))
            .AddPolicy(nameof(StaffRole.Admin), p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasRole(StaffRole.Admin)));
        return services;
    }

    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, StaffRole role) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(role.ToString());
}
