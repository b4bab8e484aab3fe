using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using StationMap.Api;
using StationMap.Api.Auth;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Nearby;

public class LimitsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Nearest = "/api/v1/stations/nearest?lng=116.4&lat=39.9";

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:eeee:dddd:cccc", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("203.0.113.7", "::ffff:203.0.113.7", true)]
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    public void Ipv6_clients_are_counted_by_their_64_and_ipv4_by_address(string a, string b, bool same) =>
        Assert.Equal(same, ClientKey.Of(IPAddress.Parse(a)) == ClientKey.Of(IPAddress.Parse(b)));

    [Fact]
    public async Task Staff_keys_are_never_limited_per_client()
    {
        using var factory = api.Factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:PublicPermits", "2"));
        var key = await api.CreateKeyAsync(StaffRole.Viewer, "110108");
        var staff = factory.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        for (var i = 0; i < 6; i++) Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(Nearest)).StatusCode);
        var anonymous = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await anonymous.GetAsync(Nearest)).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Text_search_is_limited_tighter_than_nearest()
    {
        using var factory = api.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimits:PublicPermits", "100");
            b.UseSetting("RateLimits:SearchPermits", "2");
        });
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/stations?q=驿站")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/stations?q=驿站")).StatusCode);
        var limited = await client.GetAsync("/api/v1/stations?q=驿站");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Nearest)).StatusCode);
    }

    [Fact]
    public async Task Requests_beyond_the_concurrency_limit_are_shed_with_503_and_retry_after()
    {
        using var factory = api.Factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:MaxConcurrentRequests", "1"));
        var key = await api.CreateKeyAsync(StaffRole.Editor, "110108");
        var staff = factory.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        // Loaded first: the index's start-up read of the table would wait on the lock too, and a nearest answered from
        // SQL would hold the slot itself.
        await ApiFixture.WaitForIndexAsync(factory.CreateClient());

        // A write that waits on a table lock holds the only slot.
        await using var locker = new NpgsqlConnection(api.ConnectionString);
        await locker.OpenAsync();
        var tx = await locker.BeginTransactionAsync();
        await using (var lockStations = new NpgsqlCommand("LOCK TABLE stations IN ACCESS EXCLUSIVE MODE", locker, tx))
            await lockStations.ExecuteNonQueryAsync();
        var write = staff.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("SHED-1"));
        await WaitForLockWaiterAsync();

        var shed = await factory.CreateClient().GetAsync(Nearest);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, shed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), shed.Headers.RetryAfter?.Delta);
        Assert.Contains("server busy", (await shed.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/live")).StatusCode); // never shed

        await tx.RollbackAsync();
        Assert.Equal(HttpStatusCode.Created, (await write).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(Nearest)).StatusCode);
    }

    private async Task WaitForLockWaiterAsync()
    {
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        await conn.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
              AND (query LIKE 'SELECT EXISTS%' OR query LIKE 'INSERT INTO stations%') -- the write's look-up or insert, nothing else
            """, conn);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the write never reached the locked table");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_malformed_key_is_refused_without_asking_the_database()
    {
        // No database behind this host: only a lookup could fail the request.
        using var factory = api.Factory.WithWebHostBuilder(b =>
            b.UseSetting("ConnectionStrings:StationMap", "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2"));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key'; DROP TABLE stations");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public void An_unknown_key_is_remembered_for_a_while_within_a_bounded_set()
    {
        var clock = new ManualClock();
        var cache = new UnknownKeyCache(clock);
        var key = KeyHasher.NewKey();
        Assert.True(UnknownKeyCache.IsWellFormed(key));
        Assert.False(UnknownKeyCache.IsWellFormed("smk_short"));
        Assert.False(cache.IsKnownBad(key));
        cache.RememberUnknown(key);
        Assert.True(cache.IsKnownBad(key));
        clock.Now += UnknownKeyCache.Ttl + TimeSpan.FromSeconds(1);
        Assert.False(cache.IsKnownBad(key));
        for (var i = 0; i < UnknownKeyCache.Capacity + 10; i++) cache.RememberUnknown(KeyHasher.NewKey());
        cache.RememberUnknown(key);
        Assert.True(cache.IsKnownBad(key));
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
