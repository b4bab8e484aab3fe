using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Ogc;

/// <summary>
/// The real app on a random localhost port (Kestrel: GDAL runs as a separate process and must reach it) over the
/// seeded Beijing sample.
/// </summary>
public class OgcServerFixture : SeededApiFixture, IAsyncLifetime
{
    public string BaseUrl { get; private set; } = "";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0" };

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Factory.UseKestrel();
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public HttpClient Client() => new() { BaseAddress = new Uri(BaseUrl) };

    public async Task<HttpClient> StaffClientAsync(StaffRole role, string orgAdcode)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateKeyAsync(role, orgAdcode));
        return client;
    }

    /// <summary>Runs SQL against the test database (e.g. to hide a station), as a staff tool would change it.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
