using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using StationMap.Auth;
using StationMap.Data;

namespace StationMap.IntegrationTests.Infrastructure;

/// <summary>The real API over a fresh database of its own; one per test class.</summary>
public class ApiFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private Npgsql.NpgsqlDataSource? _dataSource;

    public string ConnectionString { get; private set; } = "";
    public WebApplicationFactory<Program> Factory => _factory!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync(GetType().Name);
        _dataSource = StationMapDataSource.Create(ConnectionString);
        _factory = TestApp.Over(ConnectionString, [.. Settings.Select(s => (s.Key, s.Value))])
            .WithWebHostBuilder(b => b.ConfigureServices(ConfigureServices));
        await OnStartedAsync();
    }

    protected virtual Task OnStartedAsync() => Task.CompletedTask;

    /// <summary>Services a fixture adds to the app's own (after them).</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }

    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>A client carrying a new staff key with the given role and area.</summary>
    public async Task<HttpClient> StaffAsync(StaffRole role, string orgAdcode)
    {
        var key = await CreateKeyAsync(role, orgAdcode);
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task<string> CreateKeyAsync(StaffRole role, string orgAdcode)
    {
        await using var db = NewDb();
        var (key, _) = await new StaffKeyStore(db).CreateAsync(orgAdcode, role, $"test {role} {orgAdcode}", "test");
        return key;
    }

    /// <summary>Waits until the in-memory index answers (it loads in the background at start-up).</summary>
    public static async Task WaitForIndexAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var r = await client.GetAsync("/api/v1/stations/nearest?lng=116.4&lat=39.9&limit=1");
            if (r.Headers.TryGetValues("X-Nearest-Path", out var v) && v.Single() == "index") return;
            await Task.Delay(50);
        }
        throw new TimeoutException("the nearest index did not load within 20 s");
    }

    public StationMapDb NewDb() => StationMapDataSource.CreateDb(_dataSource!);

    public Npgsql.NpgsqlDataSource DataSource => _dataSource!;

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_dataSource is not null) await _dataSource.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }
}
