using System.Net;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Auth;

public sealed class WhoAmITests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Me_names_the_keys_role_and_area()
    {
        var me = await (await (await app.StaffAsync(StaffRole.Viewer, "110108")).GetAsync("/api/v1/auth/me")).JsonAsync();
        Assert.Equal("viewer", me.GetProperty("role").GetString());
        Assert.Equal("110108", me.GetProperty("orgAdcode").GetString());
    }

    [Fact]
    public async Task Me_without_a_key_is_401_with_the_bilingual_problem()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("staff key required", (await response.JsonAsync()).GetProperty("title").GetString());
    }
}
