using System.Net;
using System.Text;
using System.Text.Json;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Hardening;

/// <summary>
/// What the API accepted or answered with 500 before the shared rules: every case answers 400/409/428
/// ProblemDetails naming the field, in Chinese and English, and the database never refuses a value itself.
/// </summary>
public sealed class StationInputHardeningTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage r, HttpStatusCode status)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(status == r.StatusCode, $"expected {(int)status}, got {(int)r.StatusCode}: {body}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task AssertFieldAsync(HttpResponseMessage r, string field, string code, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var problem = await ProblemAsync(r, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        Assert.Contains(" / ", messages[0].GetString()); // Chinese / English
        Assert.Contains(problem.GetProperty("codes").EnumerateArray(), c => c.GetProperty("field").GetString() == field && c.GetProperty("code").GetString() == code);
    }

    public static TheoryData<string, string, string> RefusedValues => new()
    {
        { """{"code":"\"><img src=x onerror=alert(1)>"}""", "code", "code_format" },
        { """{"code":"BJ/1"}""", "code", "code_format" },
        { """{"hostOrganization":"HOST"}""".Replace("HOST", new string('单', 101)), "hostOrganization", "too_long" },
        { """{"notes":"NOTES"}""".Replace("NOTES", new string('注', 2001)), "notes", "too_long" },
        { """{"phone":"PHONE"}""".Replace("PHONE", string.Join("/", Enumerable.Repeat("13812345678", 6))), "phone", "too_long" },
        { """{"name":"中关村\u0000驿站"}""", "name", "invalid_character" },
        { """{"address":"北京\u0007市"}""", "address", "invalid_character" },
        { """{"notes":"备注\u0000"}""", "notes", "invalid_character" },
        { """{"reason":"REASON"}""".Replace("REASON", new string('因', 501)), "reason", "too_long" },
        { """{"adcode":"110199"}""", "adcode", "adcode_unknown" },
        { """{"lng":121.47,"lat":31.23}""", "location", "outside_province" },
        { """{"photos":["javascript:alert(1)"]}""", "photos[0]", "invalid_url" },
        { """{"photos":["https://example.org/LONG"]}""".Replace("LONG", new string('p', 600)), "photos[0]", "too_long" },
        { """{"photos":[PHOTOS]}""".Replace("PHOTOS", string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"https://example.org/{i}.jpg\""))), "photos", "too_many" },
        { """{"services":["water","按摩椅"]}""", "services", "unknown_service" },
    };

    [Theory]
    [MemberData(nameof(RefusedValues))]
    public async Task A_value_the_database_or_the_import_would_refuse_is_a_400_naming_the_field(string change, string field, string code)
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var body = JsonSerializer.SerializeToNode(SampleInputs.Haidian(), HttpJson.Options)!.AsObject();
        foreach (var (k, v) in JsonDocument.Parse(change).RootElement.EnumerateObject().Select(p => (p.Name, p.Value)))
            body[k] = System.Text.Json.Nodes.JsonNode.Parse(v.GetRawText());
        var r = await editor.PostAsync("/api/v1/stations", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        await AssertFieldAsync(r, field, code);
    }

    [Theory]
    [InlineData("""{"name":"站","lng":"east"}""", "$.lng")]
    [InlineData("""{"services":"water"}""", "$.services")]
    [InlineData("""{"version":"three"}""", "$.version")]
    [InlineData("""{"isPublic":"yes"}""", "$.isPublic")]
    public async Task A_body_with_a_wrong_type_names_the_field(string body, string field)
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var r = await editor.PostAsync("/api/v1/stations", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(r, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.DoesNotContain("   at ", problem.ToString());
    }

    [Fact]
    public async Task Broken_json_and_a_wrong_content_type_are_problems_too()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        await ProblemAsync(await editor.PostAsync("/api/v1/stations", new StringContent("{\"name\":", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ProblemAsync(await editor.PostAsync("/api/v1/stations", new StringContent("name=x", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        var r = await editor.DeleteAsync("/api/v1/stations/BJ-X?version=abc");
        var problem = await ProblemAsync(r, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("version", out _), problem.ToString());
    }

    [Fact]
    public async Task Ten_parallel_creates_of_one_new_code_give_one_201_and_nine_409()
    {
        var editors = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.StaffAsync(StaffRole.Editor, "110108")));
        var answers = await Task.WhenAll(editors.Select(e => e.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-RACE-1"))));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(9, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        foreach (var conflict in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
            await AssertFieldAsync(conflict, "code", "duplicate", HttpStatusCode.Conflict);
        await using var db = api.NewDb();
        Assert.Equal(1, db.Stations.Count(s => s.Code == "BJ-RACE-1"));
    }

    [Fact]
    public async Task Delete_without_the_version_is_428_and_with_a_stale_one_409_with_the_current_record()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-DEL-1"));
        await editor.PutJsonAsync("/api/v1/stations/BJ-DEL-1", SampleInputs.Haidian() with { Name = "改过的名称", Version = 1 });

        await AssertFieldAsync(await editor.DeleteAsync("/api/v1/stations/BJ-DEL-1"), "version", "required", HttpStatusCode.PreconditionRequired);
        var stale = await ProblemAsync(await editor.DeleteAsync("/api/v1/stations/BJ-DEL-1?version=1"), HttpStatusCode.Conflict);
        Assert.Equal("改过的名称", stale.GetProperty("current").GetProperty("name").GetString());
        Assert.Equal(2, stale.GetProperty("current").GetProperty("version").GetInt32());

        var withHeader = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/stations/BJ-DEL-1") { Headers = { { "If-Match", "\"2\"" } } };
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(withHeader)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync("/api/v1/stations/BJ-DEL-1")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/stations?q=%00")]
    [InlineData("/api/v1/stations?q=%01abc")]
    [InlineData("/api/v1/stations/BJ%01X")] // (a NUL in the path never reaches the app: Kestrel refuses it)
    public async Task A_control_character_in_a_read_is_a_400_or_404_not_a_500(string url)
    {
        var r = await api.Anonymous().GetAsync(url);
        Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_provider_is_named_with_the_catalogs_providers()
    {
        var publisher = await api.StaffAsync(StaffRole.Publisher, "110108");
        var r = await publisher.PutJsonAsync("/api/v1/publication/BJ-NOPE/mapquest", new { state = "online" });
        var problem = await ProblemAsync(r, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("provider")[0].GetString();
        Assert.Contains("amap", message);
        Assert.Contains("baidu", message);
    }

    [Theory]
    [InlineData("coordsys")]
    [InlineData("sheet")]
    [InlineData("reason")]
    public async Task An_over_long_or_nul_import_parameter_is_a_4xx_not_a_500(string name)
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        foreach (var value in new[] { new string('x', 5000), "a\0b" })
        {
            using var form = new MultipartFormDataContent();
            var csv = "站点编码,站点名称,地址,经度,纬度,行政区划代码\nIMP-1,驿站,北京市海淀区中关村大街1号,116.3162,39.9834,110108\n";
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "s.csv");
            form.Add(new StringContent(value), name);
            var r = await editor.PostAsync("/api/v1/imports?dryRun=false", form);
            Assert.True((int)r.StatusCode is >= 200 and < 500, $"{name}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }
    }
}
