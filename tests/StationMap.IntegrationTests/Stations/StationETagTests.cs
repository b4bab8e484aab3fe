using System.Net;
using System.Net.Http.Json;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Stations;

/// <summary>
/// Updates take the version "as If-Match (ETag from GET)" (StationsApi.Update), but no response carries an ETag: an
/// HTTP client (or a partner system using a standard conditional-request library) has nothing to send back.
/// </summary>
public class StationETagTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Get_gives_an_etag_that_a_conditional_put_can_send_back_as_if_match()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var created = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-ETAG-1"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.ETag);

        var read = await editor.GetAsync("/api/v1/stations/BJ-ETAG-1");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag;
        Assert.NotNull(etag);

        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/stations/BJ-ETAG-1")
        {
            Content = JsonContent.Create(SampleInputs.Haidian("BJ-ETAG-1") with { Phone = "010-62598888", Version = null }),
        };
        put.Headers.IfMatch.Add(etag!);
        var updated = await editor.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotNull(updated.Headers.ETag);
        Assert.NotEqual(etag, updated.Headers.ETag);
    }
}
