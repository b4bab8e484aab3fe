using System.Net;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Stations;

/// <summary>Type, status and host kind accept one word of their fixed lists, nothing else.</summary>
public class StationEnumWordTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    // Enum.TryParse would OR "micro,mobile" into an undefined value and store it; a station so stored was exported as if active.
    [Fact]
    public async Task Two_words_in_one_type_or_status_are_refused_naming_the_field()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var response = await editor.PostJsonAsync("/api/v1/stations",
            SampleInputs.Haidian("REV-ENUM-1") with { Type = "micro,mobile", Status = "suspended,closed", HostKind = "bank,other" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("type", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("status", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("hostKind", out _), errors.ToString());
    }

    // A repeated status arrives comma-joined; it used to filter silently by the OR-ed value.
    [Fact]
    public async Task A_repeated_status_filter_is_a_400_naming_status()
    {
        var response = await api.Anonymous().GetAsync("/api/v1/stations?status=active&status=closed");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("status", await response.Content.ReadAsStringAsync());
    }
}
