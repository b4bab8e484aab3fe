using System.Net;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Nearby;

/// <summary>
/// The `at` error message tells integrators to write "2026-11-25T08:30+08:00". Typed into a URL as shown, the "+" arrives
/// as a space (form encoding), and the server refuses its own example with 400 ('2026-11-25T08:30 08:00'). A space
/// before a ±hh:mm offset can only be a decoded "+": read it so.
/// </summary>
public class NearestAtParameterTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_example_time_from_the_error_message_works_when_typed_into_a_url()
    {
        var response = await api.Anonymous().GetAsync("/api/v1/stations/nearest?lng=116.3975&lat=39.9087&at=2026-11-25T08:30+08:00");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.StartsWith("2026-11-25T08:30:00+08:00", (await response.JsonAsync()).GetProperty("at").GetString());
    }
}
