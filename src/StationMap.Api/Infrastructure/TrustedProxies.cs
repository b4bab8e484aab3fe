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
    public const string Section = "Proxy";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(Section)
            .Validate(o => o.TrustedProxies.All(t => IPAddress.TryParse(t, out _)),
                "Proxy:TrustedProxies 须为 IP 地址 / must be IP addresses such as 10.0.0.5")
            .Validate(o => o.TrustedNetworks.All(t => System.Net.IPNetwork.TryParse(t, out _)),
                "Proxy:TrustedNetworks 须为 CIDR 网段 / must be CIDR ranges such as 10.0.0.0/8")
            .ValidateOnStart();
        return services;
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProxyOptions>>().Value;
        if (options.TrustedProxies.Length == 0 && options.TrustedNetworks.Length == 0) return app;

        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var text in options.TrustedProxies) forwarded.KnownProxies.Add(IPAddress.Parse(text));
        foreach (var text in options.TrustedNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(text));
        return app.UseForwardedHeaders(forwarded);
    }
}
