using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using StationMap.Auth;
using StationMap.Data;

namespace StationMap.Api.Auth;

/// <summary>Authenticates "Authorization: Bearer &lt;key&gt;" or "X-Api-Key: &lt;key&gt;" against the hashed staff keys.</summary>
internal sealed class StaffKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "StaffKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null) return AuthenticateResult.NoResult();
        if (!UnknownKeyCache.IsWellFormed(key)) return AuthenticateResult.Fail("malformed key");
        var unknown = Context.RequestServices.GetRequiredService<UnknownKeyCache>();
        if (unknown.IsKnownBad(key)) return AuthenticateResult.Fail("unknown or revoked key");
        var db = Context.RequestServices.GetRequiredService<StationMapDb>();
        var identity = await new StaffKeyStore(db).AuthenticateAsync(key, Context.RequestAborted);
        if (identity is null)
        {
            unknown.RememberUnknown(key);
            return AuthenticateResult.Fail("unknown or revoked key");
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(StaffClaims.From(identity), SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status401Unauthorized, "需要员工密钥 / staff key required",
            "请在 Authorization: Bearer 或 X-Api-Key 中提供有效的员工密钥 / send a valid staff key in Authorization: Bearer or X-Api-Key");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "权限不足 / forbidden",
            "您的密钥角色无权执行此操作 / your key's role may not do this");

    private static string? ReadKey(HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return auth[7..].Trim();
        var apiKey = request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
    }
}
