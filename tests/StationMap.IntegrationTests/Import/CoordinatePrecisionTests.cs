using System.Net;
using System.Text;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

/// <summary>
/// Excel writes a CSV as the cells are displayed: a coordinate column formatted "0.00" leaves "116.33,39.97" in the
/// file, 1 km of uncertainty. The import stores such points without a word, and couriers are navigated to the wrong
/// street. A point with two or fewer decimals must at least be warned about, naming the row and the column.
/// </summary>
public class CoordinatePrecisionTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    [Fact]
    public async Task Coordinates_rounded_to_two_decimals_are_warned_about_by_row_and_column()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var rounded = "PREC-1,两位小数驿站,北京市海淀区中关村大街8号,116.33,39.97,110108,饮水,24小时,010-62561234,是";
        var response = await client.UploadAsync(Csv(Row("PREC-0", "六位小数驿站", 11), rounded), "coordsys=wgs84");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var report = await response.JsonAsync();
        var said = report.GetProperty("warnings").EnumerateArray().Concat(report.GetProperty("errors").EnumerateArray())
            .Where(p => p.GetProperty("row").GetInt32() == 3).ToList();
        Assert.True(said.Any(p => p.GetProperty("column").GetString()!.Contains("经度")), body);
        Assert.DoesNotContain(report.GetProperty("warnings").EnumerateArray(), p => p.GetProperty("row").GetInt32() == 2
            && p.GetProperty("column").GetString()!.Contains("经度"));
    }
}
