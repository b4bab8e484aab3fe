using System.Net;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Stations;

/// <summary>A deleted station's code stays reserved; the import report tells staff to restore it first.</summary>
public class DeletedStationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    // The code is reserved for good (QR codes, feeds and publication records carry it), so restoring is the only way back.
    [Fact]
    public async Task A_station_deleted_by_mistake_can_be_restored_under_its_code()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("REV-DEL-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.DeleteAsync("/api/v1/stations/REV-DEL-1?version=1&reason=mistake")).StatusCode);

        var again = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("REV-DEL-1"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // the code stays reserved, as designed

        var openapi = await (await api.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Matches("(?i)/api/v1/stations/\\{code\\}/(restore|undelete)", openapi);
    }
}
