using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.Geo;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

/// <summary>
/// Staff sheets often say the system in the coordinate headers: "经度（高德/GCJ-02）", "纬度(百度)". The header matcher
/// throws away everything in brackets (ImportHeaders.Key), so that statement is lost: the file is refused for "no
/// coordinate system", and when the uploader then picks the wrong one in the form, every station is stored
/// hundreds of metres off without a word — the classic bug the coordsys rule exists to prevent.
/// </summary>
public class HeaderCoordsysTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    private const string GcjHeader = "站点编码,站点名称,地址,经度（GCJ-02）,纬度（GCJ-02）,行政区划代码,服务内容,开放时间,联系电话,是否对外开放";

    private static byte[] File(string header, params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", [header, .. rows]) + "\n");

    private static string GcjRow(string code, string name, double lng, double lat)
    {
        CoordConvert.Wgs84ToGcj02(lng, lat, out var gLng, out var gLat);
        return $"{code},{name},北京市海淀区中关村大街{code[^1]}号,{gLng:0.000000},{gLat:0.000000},110108,饮水,24小时,010-62561234,是";
    }

    [Fact]
    public async Task Coordinates_headed_gcj02_are_read_as_gcj02_without_a_coordsys_parameter()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var response = await client.UploadAsync(File(GcjHeader, GcjRow("HDR-GCJ-1", "表头坐标系一号驿站", 116.3312, 39.9734)), "dryRun=false");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);

        await using var db = api.NewDb();
        var stored = await db.Stations.SingleAsync(s => s.Code == "HDR-GCJ-1");
        Assert.Equal(116.3312, stored.Location.X, 5);
        Assert.Equal(39.9734, stored.Location.Y, 5);
    }

    [Fact]
    public async Task A_coordsys_parameter_that_contradicts_the_headers_is_not_applied_silently()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var response = await client.UploadAsync(File(GcjHeader, GcjRow("HDR-GCJ-2", "表头坐标系二号驿站", 116.3412, 39.9634)), "coordsys=wgs84");
        var body = await response.Content.ReadAsStringAsync();
        // Either refused, or at least a warning that names the contradiction; a clean report is the silent 500 m shift.
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var report = await response.JsonAsync();
            var said = string.Join("\n", report.GetProperty("warnings").EnumerateArray().Concat(report.GetProperty("errors").EnumerateArray())
                .Select(p => p.GetProperty("message").GetString()));
            Assert.True(said.Contains("gcj02", StringComparison.OrdinalIgnoreCase) || said.Contains("GCJ-02"), body);
        }
        else Assert.Contains("GCJ", body, StringComparison.OrdinalIgnoreCase);
    }
}
