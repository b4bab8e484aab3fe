using System.Net;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

/// <summary>An upload's own parameters are checked when it is posted, like dryRun is.</summary>
public sealed class ImportParameterTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    // A user who mistypes coordsys expects the upload refused at once naming coordsys, as dryRun=maybe is, not a queued job that fails later naming no field.
    [Fact]
    public async Task An_unknown_coordsys_on_an_upload_is_a_400_naming_coordsys()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110108");
        var response = await client.PostJobAsync(Csv(Row("REV-CS-1", "坐标系驿站", 1)), "coordsys=foo&dryRun=true");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("coordsys", out _), problem.ToString());
    }

    [Theory]
    [InlineData("coordsys=wgs84&skipInvalid=maybe", "skipInvalid")]
    [InlineData("coordsys=wgs84&overwriteNewer=2", "overwriteNewer")]
    [InlineData("coordsys=wgs84&sheet=a%5Bb%5D", "sheet")]
    [InlineData("coordsys=wgs84&sheet=Sheet1", "sheet")] // a CSV has no sheets
    [InlineData("coordsys=wgs84&coordSystem=gcj02", "coordSystem")]
    public async Task Every_bad_parameter_is_a_400_naming_it_in_both_languages_before_a_job_exists(string query, string field)
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110108");
        var response = await client.PostJobAsync(Csv(Row("REV-CS-2", "参数驿站", 1)), query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", messages[0].GetString());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Every_coordsys_a_file_may_be_written_in_is_accepted_bd09mc_too()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110108");
        foreach (var cs in new[] { "wgs84", "GCJ-02", "bd09", "bd09mc" })
        {
            var response = await client.PostJobAsync(Csv(Row("REV-CS-3", "坐标系驿站", 1)), $"coordsys={cs}&dryRun=true");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }

    // The console sends its choices as form fields; an empty value in the query string must not override them.
    [Fact]
    public async Task An_empty_query_value_leaves_the_form_fields_value_in_force()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110108");
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Csv(Row("REV-CS-4", "表单驿站", 1))), "file", "stations.csv" },
            { new StringContent("gcj02"), "coordsys" },
        };
        var response = await client.PostAsync("/api/v1/imports?coordsys=&dryRun=true", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = long.Parse(response.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = api.NewDb();
        Assert.Equal("gcj02", (await db.Set<StationMap.Import.ImportJob>().SingleAsync(j => j.Id == id)).Coordsys);
    }
}
