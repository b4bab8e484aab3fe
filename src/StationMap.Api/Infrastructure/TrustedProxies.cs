using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace StationMap.Api;

/// <summary>Proxies and CDN edges whose X-Forwarded-For we believe (section "Proxy").</summary>
public sealed class ProxyOptions
{
    /// <summary>Single addresses, e.g. "10.0.0.5".</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>CIDR ranges, e.g. "10.0.0.0/8".</summary>
    public string[] TrustedNetworks { get; set; } = [];
}

/// <summary>
/// Behind a CDN or reverse proxy every request comes from the proxy's address, so the per-IP rate limit
/// would throttle all couriers together. Forwarded headers are honoured only from configured proxies:
/// anyone else could pick a fresh X-Forwarded-For per request and never be limited.
/// </summary>
internal static class TrustedProxies
{
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IConfiguration config)
    {
        var options = config.GetSection("Proxy").Get<ProxyOptions>() ?? new ProxyOptions();
        if (options.TrustedProxies.Length == 0 && options.TrustedNetworks.Length == 0) return app;

        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var (text, i) in options.TrustedProxies.Select((t, i) => (t, i)))
            forwarded.KnownProxies.Add(IPAddress.TryParse(text, out var ip) ? ip
                : throw new InvalidOperationException($"Proxy:TrustedProxies:{i} \"{text}\" 不是 IP 地址 / is not an IP address"));
        foreach (var (text, i) in options.TrustedNetworks.Select((t, i) => (t, i)))
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text, out var net) ? net
                : throw new InvalidOperationException($"Proxy:TrustedNetworks:{i} \"{text}\" 不是 CIDR 网段 / is not a CIDR range such as 10.0.0.0/8"));
        return app.UseForwardedHeaders(forwarded);
    }
}
