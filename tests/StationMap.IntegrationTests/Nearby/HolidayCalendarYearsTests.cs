using System.Net;
using System.Text.Json;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Nearby;

/// <summary>
/// A year the holiday calendar does not cover: a station closed on public holidays is neither claimed open nor closed
/// (openNow null, left out by openNow=true, as stations with unknown hours are), until the operator's own calendar
/// file (Hours:HolidayCalendar) adds that year.
/// </summary>
public class HolidayCalendarYearsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    // 2027-03-01 is a Monday; the shipped calendar ends with 2026.
    private const string At = "at=2027-03-01T10:00%2B08:00";

    [Fact]
    public async Task Open_now_is_unknown_for_a_PH_station_in_a_year_without_a_calendar()
    {
        await HolidayStations.CreateAsync(api, "BJ-PH-Y1", "BJ-NOPH-Y1", 116.2962);
        var first = await HolidayStations.NearestAsync(api, 116.2962, At, "BJ-PH-Y1");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("openNow").ValueKind);
        var codes = await HolidayStations.OpenOnlyAsync(api, 116.2962, At);
        Assert.DoesNotContain("BJ-PH-Y1", codes);
        Assert.Contains("BJ-NOPH-Y1", codes); // the same hours without a PH rule need no calendar
    }
}

/// <summary>The operator's calendar, covering 2027 with 2027-03-01 as an ordinary day.</summary>
public sealed class Calendar2027Fixture : ApiFixture
{
    private static readonly string File2027 = Write();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Hours:HolidayCalendar"] = File2027 };

    private static string Write()
    {
        var path = Path.Combine(Path.GetTempPath(), $"holidays-2027-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "date,kind,name\n2027-01-01,holiday,元旦\n");
        return path;
    }
}

public class OperatorHolidayCalendarTests(Calendar2027Fixture api) : IClassFixture<Calendar2027Fixture>
{
    [Fact]
    public async Task An_operator_calendar_that_adds_the_year_makes_open_now_known()
    {
        await HolidayStations.CreateAsync(api, "BJ-PH-Y2", "BJ-NOPH-Y2", 116.3062);
        var first = await HolidayStations.NearestAsync(api, 116.3062, "at=2027-03-01T10:00%2B08:00", "BJ-PH-Y2");
        Assert.True(first.GetProperty("openNow").GetBoolean());
        Assert.Contains("BJ-PH-Y2", await HolidayStations.OpenOnlyAsync(api, 116.3062, "at=2027-03-01T10:00%2B08:00"));
        var newYear = await HolidayStations.NearestAsync(api, 116.3062, "at=2027-01-01T10:00%2B08:00", "BJ-PH-Y2");
        Assert.False(newYear.GetProperty("openNow").GetBoolean());
    }
}

internal static class HolidayStations
{
    private const double Lat = 39.9534;

    /// <summary>Two stations 17 m apart: weekday hours closed on public holidays (at the query point), and the same hours without that rule.</summary>
    public static async Task CreateAsync(ApiFixture api, string ph, string noPh, double lng)
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        foreach (var (code, hours, at) in new[] { (ph, "工作日 9:00-17:00，法定节假日休息", lng), (noPh, "工作日 9:00-17:00", lng + 0.0002) })
        {
            var created = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian(code) with { OpeningHours = hours, Lng = at, Lat = Lat });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
    }

    /// <summary>The nearest answer's entry for <paramref name="code"/>, once the index has caught up.</summary>
    public static async Task<JsonElement> NearestAsync(ApiFixture api, double lng, string at, string code)
    {
        var url = $"/api/v1/stations/nearest?lng={lng}&lat={Lat}&limit=2&{at}";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var results = (await (await api.Anonymous().GetAsync(url)).JsonAsync()).GetProperty("results");
            var hit = results.EnumerateArray().Where(r => r.GetProperty("code").GetString() == code).ToList();
            if (hit.Count == 1 && results.GetArrayLength() == 2 || DateTime.UtcNow > deadline)
                return Assert.Single(hit);
            await Task.Delay(50);
        }
    }

    public static async Task<List<string>> OpenOnlyAsync(ApiFixture api, double lng, string at)
    {
        var answer = await (await api.Anonymous().GetAsync($"/api/v1/stations/nearest?lng={lng}&lat={Lat}&limit=5&radius=50&openNow=true&{at}")).JsonAsync();
        return [.. answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)];
    }
}
