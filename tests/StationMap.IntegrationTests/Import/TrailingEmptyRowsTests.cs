using System.Net;
using System.Text;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

/// <summary>
/// Excel saves a CSV down to the sheet's used range: a sheet whose columns were once formatted or cleared far down
/// gets tens of thousands of ",,,,,,,,," lines after the stations. They are skipped as empty rows, but still counted
/// against Import:MaxRows (GuardedSheet counts every row read), so a 3-station file is refused as "too many rows;
/// split the file" — advice that cannot help. (The fixture's MaxRows is 5000; production's 500,000 is hit the same way.)
/// </summary>
public class TrailingEmptyRowsTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    [Fact]
    public async Task Empty_lines_after_the_stations_do_not_count_against_the_row_limit()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var empty = new string(',', Header.Count(c => c == ','));
        var lines = new List<string> { Header, Row("TRAIL-1", "空行一号驿站", 91), Row("TRAIL-2", "空行二号驿站", 92), Row("TRAIL-3", "空行三号驿站", 93) };
        lines.AddRange(Enumerable.Repeat(empty, 6000));
        var file = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

        var response = await client.UploadAsync(file, "coordsys=wgs84");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(3, (await response.JsonAsync()).GetProperty("counts").GetProperty("inserted").GetInt32());
    }
}
