using System.Net;
using System.Text.RegularExpressions;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Nearby;

/// <summary>
/// How `at` may be written in a URL: with its "+" encoded, typed raw (arriving as a space), or with no offset at all
/// (Beijing time). A space is read as "+" only between a time of day and the hh:mm at the end.
/// </summary>
public class NearestAtSpellingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Near = "/api/v1/stations/nearest?lng=116.3975&lat=39.9087&at=";

    [Theory]
    [InlineData("2026-11-25T08:30%2B08:00", "2026-11-25T08:30:00+08:00")]
    [InlineData("2026-11-25T08:30+08:00", "2026-11-25T08:30:00+08:00")]
    [InlineData("2026-11-25T08:30:15+0800", "2026-11-25T08:30:15+08:00")]
    [InlineData("2026-11-25T08:30:15.250+08:00", "2026-11-25T08:30:15.25+08:00")]
    [InlineData("2026-11-25T08:30+05:30", "2026-11-25T11:00:00+08:00")]
    [InlineData("2026-11-25 08:30+08:00", "2026-11-25T08:30:00+08:00")]
    [InlineData("2026-11-25T08:30-01:00", "2026-11-25T17:30:00+08:00")]
    [InlineData("2026-11-25T00:30Z", "2026-11-25T08:30:00+08:00")]
    [InlineData("2026-11-25 08:30", "2026-11-25T08:30:00+08:00")] // date, space, time: no offset, Beijing time
    [InlineData("2026-11-25T08:30", "2026-11-25T08:30:00+08:00")]
    public async Task At_is_read_however_a_url_carries_it(string at, string expected)
    {
        var response = await api.Anonymous().GetAsync(Near + at);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, (await response.JsonAsync()).GetProperty("at").GetString());
    }

    [Theory]
    [InlineData("2026-11-25T08:30%20%2008:00")]   // two spaces: not a decoded "+"
    [InlineData("2026-11-25T08:30%20x8:00")]
    [InlineData("2026-11-25T08:30+25:00")]
    public async Task A_space_anywhere_else_is_still_refused_naming_at(string at)
    {
        var response = await api.Anonymous().GetAsync(Near + at);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at", (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_error_messages_example_pasted_into_a_url_works()
    {
        var refused = await api.Anonymous().GetAsync(Near + "tomorrow");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.JsonAsync()).GetProperty("errors").GetProperty("at")[0].GetString()!;
        Assert.Contains("须为", message);
        var examples = Regex.Matches(message, @"at=(\S+?)[（ ]").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, examples.Count); // once in Chinese, once in English
        Assert.All(examples, e => Assert.DoesNotContain("+", e));

        var response = await api.Anonymous().GetAsync(Near + examples[0]);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("2026-11-25T08:30:00+08:00", (await response.JsonAsync()).GetProperty("at").GetString());
    }
}
