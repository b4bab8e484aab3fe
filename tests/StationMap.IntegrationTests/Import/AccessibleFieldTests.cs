using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Import;

/// <summary>无障碍 (step-free entrance) end to end through the column description: import column, model, history, API.</summary>
public class AccessibleFieldTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    [Fact]
    public async Task An_accessible_column_is_imported_kept_in_the_history_and_returned_by_the_api()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var csv = "站点编码,站点名称,地址,经度,纬度,行政区划代码,无障碍\n"
            + "ACC-1,无障碍一号驿站,北京市海淀区中关村大街90号,116.4080,39.9834,110108,是\n"
            + "ACC-2,无障碍二号驿站,北京市海淀区中关村大街91号,116.4092,39.9834,110108,否\n"
            + "ACC-3,无障碍三号驿站,北京市海淀区中关村大街92号,116.4104,39.9834,110108,\n";
        var report = await (await client.UploadAsync(System.Text.Encoding.UTF8.GetBytes(csv), "coordsys=wgs84&dryRun=false")).JsonAsync();
        Assert.True(report.GetProperty("committed").GetBoolean());

        await using var db = api.NewDb();
        var stored = await db.Stations.Where(s => s.Code.StartsWith("ACC-")).OrderBy(s => s.Code).Select(s => s.Accessible).ToListAsync();
        Assert.Equal([true, false, null], stored);
        var snapshot = (await db.StationHistory.SingleAsync(h => h.Code == "ACC-1")).Snapshot.RootElement;
        Assert.True(snapshot.GetProperty("accessible").GetBoolean());
        Assert.True((await (await client.GetAsync("/api/v1/stations/ACC-1")).JsonAsync()).GetProperty("accessible").GetBoolean());
    }
}
