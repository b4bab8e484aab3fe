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

/// <summary>The edges of header-stated systems through the API: glued names, contradicting headers, a 坐标系 column
/// that disagrees row by row, and the product's own 坐标系 values.</summary>
public class HeaderCoordsysEdgeTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    private static byte[] File(string header, params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", [header, .. rows]) + "\n");

    private static string Bd(double lng, double lat)
    {
        CoordConvert.Wgs84ToBd09(lng, lat, out var bLng, out var bLat);
        return $"{bLng:0.000000},{bLat:0.000000}";
    }

    private static string Gcj(double lng, double lat)
    {
        CoordConvert.Wgs84ToGcj02(lng, lat, out var gLng, out var gLat);
        return $"{gLng:0.000000},{gLat:0.000000}";
    }

    [Fact]
    public async Task Glued_baidu_headers_are_read_as_bd09_and_the_report_says_where_the_system_came_from()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var file = File("code,name,address,lng_bd09,lat_bd09,adcode", $"HDR-BD-1,百度表头驿站,北京市海淀区中关村大街1号,{Bd(116.3212, 39.9634)},110108");
        var response = await client.UploadAsync(file, "dryRun=false");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var note = Assert.Single((await response.JsonAsync()).GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "coordsys_from_header");
        Assert.Equal("lng_bd09", note.GetProperty("column").GetString());

        await using var db = api.NewDb();
        var stored = await db.Stations.SingleAsync(s => s.Code == "HDR-BD-1");
        Assert.Equal(116.3212, stored.Location.X, 5);
        Assert.Equal(39.9634, stored.Location.Y, 5);
    }

    [Fact]
    public async Task Coordinate_headers_that_state_different_systems_refuse_the_file_naming_both()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var file = File("站点编码,站点名称,地址,经度（GCJ-02）,纬度（WGS84）,行政区划代码", $"HDR-MIX-1,混合表头驿站,北京市海淀区中关村大街2号,{Gcj(116.3312, 39.9534)},110108");
        var response = await client.UploadAsync(file, "coordsys=gcj02");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("经度（GCJ-02）", body);
        Assert.Contains("纬度（WGS84）", body);
        Assert.Contains("coordsys_header_conflict", body);
        await using var db = api.NewDb();
        Assert.False(await db.Stations.AnyAsync(s => s.Code == "HDR-MIX-1"));
    }

    [Fact]
    public async Task A_coordsys_cell_that_contradicts_the_headers_rejects_only_that_row()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var file = File("站点编码,站点名称,地址,经度(高德),纬度(高德),坐标系,行政区划代码",
            $"HDR-ROW-1,同坐标系驿站,北京市海淀区中关村大街3号,{Gcj(116.3412, 39.9434)},GCJ-02（高德）,110108",
            $"HDR-ROW-2,矛盾坐标系驿站,北京市海淀区中关村大街4号,{Gcj(116.3512, 39.9334)},WGS-84,110108");
        var response = await client.UploadAsync(file, "dryRun=true");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        var e = Assert.Single(errors);
        Assert.Equal((3, "坐标系", "coordsys_contradicts_header"),
            (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_poi_review_workbooks_coordsys_values_import()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var file = File("站点编码,站点名称,地址,经度,纬度,坐标系,行政区划代码",
            $"POI-CS-1,高德审核驿站,北京市海淀区中关村大街5号,{Gcj(116.3612, 39.9234)},GCJ-02（高德）,110108",
            $"POI-CS-2,百度审核驿站,北京市海淀区中关村大街6号,{Bd(116.3712, 39.9134)},BD-09（百度）,110108");
        var response = await client.UploadAsync(file, "dryRun=false");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        await using var db = api.NewDb();
        var stored = await db.Stations.Where(s => s.Code.StartsWith("POI-CS-")).OrderBy(s => s.Code).ToListAsync();
        Assert.Equal([116.3612, 116.3712], stored.Select(s => Math.Round(s.Location.X, 5)));
        Assert.Equal([39.9234, 39.9134], stored.Select(s => Math.Round(s.Location.Y, 5)));
    }
}
