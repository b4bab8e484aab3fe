using System.Net;
using System.Security.Cryptography;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Feeds;

public sealed class ExportApiTests(FeedsFixture api) : IClassFixture<FeedsFixture>
{
    [Fact]
    public async Task A_publisher_exports_a_district_and_downloads_the_same_bytes_again()
    {
        await api.CreateAsync("API-HD1");
        await api.CreateAsync("API-HD2", change: i => i with { Status = "closed" });
        await api.CreateAsync("API-CY1", "110105");
        var publisher = await api.StaffAsync(StaffRole.Publisher, "110108");

        var response = await publisher.PostJsonAsync("/api/v1/exports", new { profile = "amap-yuntu", adcode = "110108", kind = "full" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = await response.JsonAsync();
        Assert.Equal(1, batch.GetProperty("rows").GetInt32());
        var report = batch.GetProperty("report").EnumerateArray().Single();
        Assert.Equal("API-HD2", report.GetProperty("code").GetString());
        var file = batch.GetProperty("files").EnumerateArray().Single();

        var download = await publisher.GetAsync(file.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var repeat = await publisher.PostJsonAsync("/api/v1/exports", new { profile = "amap-yuntu", adcode = "110108", kind = "full" });
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(batch.GetProperty("id").GetInt64(), (await repeat.JsonAsync()).GetProperty("id").GetInt64());

        var list = await (await publisher.GetAsync("/api/v1/exports")).JsonAsync();
        Assert.Contains(list.EnumerateArray(), b => b.GetProperty("id").GetInt64() == batch.GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("110105")]
    [InlineData("110000")]
    [InlineData("000000")]
    public async Task A_haidian_publisher_cannot_export_outside_haidian(string adcode)
    {
        var publisher = await api.StaffAsync(StaffRole.Publisher, "110108");
        var response = await publisher.PostJsonAsync("/api/v1/exports", new { profile = "amap-yuntu", adcode, kind = "full" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_editor_cannot_export_and_a_chaoyang_publisher_cannot_see_haidian_batches()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostJsonAsync("/api/v1/exports", new { profile = "geojson", adcode = "110108" })).StatusCode);

        var haidian = await api.StaffAsync(StaffRole.Publisher, "110108");
        await api.CreateAsync("API-HD9");
        var created = await (await haidian.PostJsonAsync("/api/v1/exports", new { profile = "geojson", adcode = "110108" })).JsonAsync();
        var chaoyang = await api.StaffAsync(StaffRole.Publisher, "110105");
        Assert.Equal(HttpStatusCode.NotFound, (await chaoyang.GetAsync($"/api/v1/exports/{created.GetProperty("id").GetInt64()}")).StatusCode);
    }

    [Fact]
    public async Task Unknown_profile_and_file_names_are_problems()
    {
        var publisher = await api.StaffAsync(StaffRole.Admin, "110000");
        Assert.Equal(HttpStatusCode.NotFound, (await publisher.PostJsonAsync("/api/v1/exports", new { profile = "tencent", adcode = "110108" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await publisher.PostJsonAsync("/api/v1/exports", new { profile = "geojson", adcode = "110108", kind = "sometimes" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await publisher.GetAsync("/api/v1/exports/999999/files/x.csv")).StatusCode);

        // A bad adcode is named once, in Chinese and English (it used to repeat the bilingual text twice).
        var badArea = await publisher.PostJsonAsync("/api/v1/exports", new { profile = "geojson", adcode = "1101x8" });
        Assert.Equal(HttpStatusCode.BadRequest, badArea.StatusCode);
        var message = (await badArea.JsonAsync()).GetProperty("errors").GetProperty("adcode")[0].GetString()!;
        Assert.Equal("adcode 须为6位数字 / adcode must be 6 digits: '1101x8'", message);
    }

    [Fact]
    public async Task Profiles_are_listed_for_publishers()
    {
        var publisher = await api.StaffAsync(StaffRole.Publisher, "110108");
        var profiles = await (await publisher.GetAsync("/api/v1/feeds/profiles")).JsonAsync();
        Assert.Equal(5, profiles.GetArrayLength());
        Assert.Contains(profiles.EnumerateArray(), p => p.GetProperty("id").GetString() == "baidu-geotable" && p.GetProperty("coordsys").GetString() == "bd09");
    }
}
