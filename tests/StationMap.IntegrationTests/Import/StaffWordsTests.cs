using System.Net;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

/// <summary>Service words staff write match the catalog by alias or keyword; what stays unknown is kept as other
/// services and reported as a warning, never a reason to reject the row.</summary>
public class StaffWordsTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    private static string WordsRow(string code, int n, string services) =>
        $"{code},员工用语{n}号驿站,北京市海淀区中关村大街{n}号,{116.30 + n * 0.0012:0.0000},39.9834,110108,{services},24小时,010-62561234,是";

    [Fact]
    public async Task Staff_words_match_by_keyword_and_unknown_ones_become_other_services_with_a_warning()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var file = Csv(WordsRow("WORDS-1", 80, "\"应急药箱、医疗箱、充电宝、饮水机/热水、桌椅、按摩椅、报刊\""));
        var dry = await (await client.UploadAsync(file, "coordsys=wgs84")).JsonAsync();
        Assert.True(dry.TryGetProperty("counts", out _), dry.ToString());
        Assert.Equal(0, dry.GetProperty("counts").GetProperty("rejected").GetInt32());
        var warning = Assert.Single(dry.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "unknown_service");
        Assert.Contains("按摩椅、报刊", warning.GetProperty("message").GetString());
        Assert.Equal(2, warning.GetProperty("row").GetInt32());

        var committed = await client.UploadAsync(file, "coordsys=wgs84&dryRun=false");
        Assert.Equal(HttpStatusCode.OK, committed.StatusCode);
        await using var db = api.NewDb();
        var station = await db.Stations.SingleAsync(s => s.Code == "WORDS-1");
        Assert.Equal(["water", "charging", "rest", "firstaid"], station.Services);
        Assert.Equal("按摩椅、报刊", station.OtherServices);
        var snapshot = (await db.StationHistory.SingleAsync(h => h.Code == "WORDS-1")).Snapshot.RootElement;
        Assert.Equal("按摩椅、报刊", snapshot.GetProperty("otherServices").GetString());

        var read = await (await client.GetAsync("/api/v1/stations/WORDS-1")).JsonAsync();
        Assert.Equal("按摩椅、报刊", read.GetProperty("otherServices").GetString());
    }
}
