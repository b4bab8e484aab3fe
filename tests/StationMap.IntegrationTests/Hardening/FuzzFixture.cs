using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Hardening;

/// <summary>The API over a few real stations, its endpoints read from the routing's own data source, and an admin key.</summary>
public sealed class FuzzFixture : ApiFixture
{
    public IReadOnlyList<FuzzEndpoint> Endpoints { get; private set; } = [];
    public string AdminKey { get; private set; } = "";

    protected override async Task OnStartedAsync()
    {
        AdminKey = await CreateKeyAsync(StaffRole.Admin, "000000");
        var editor = await StaffAsync(StaffRole.Editor, "110108");
        await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("FUZZ-1"));
        await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("FUZZ-2") with { IsPublic = false });
        // Every endpoint the app maps, so a new one is fuzzed without anyone listing it here.
        Endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new FuzzEndpoint(m, e.RoutePattern.RawText ?? "/")))
            .Distinct().OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();
    }
}

public sealed record FuzzEndpoint(string Method, string Pattern)
{
    public override string ToString() => $"{Method} {Pattern}";
}
