using System.Net;
using System.Net.Http.Headers;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Import;

/// <summary>Every spreadsheet that enters goes through one guarded reader: imports and provider result files refuse the
/// hostile files of issue 17 with 400/413 and a reason in Chinese and English, and store nothing.</summary>
public class HostileUploadTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    private static async Task<HttpResponseMessage> ResultFileAsync(HttpClient client, byte[] file, string name = "result.xlsx")
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        return await client.PostAsync("/api/v1/publication/results?provider=amap", form);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reasonZh, string reasonEn)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.JsonAsync();
        var detail = body.GetProperty("detail").GetString()!;
        Assert.Contains(reasonZh, detail);
        Assert.Contains(reasonEn, detail);
    }

    [Fact]
    public async Task One_megabyte_shared_string_referenced_by_300_rows_is_refused_by_import_and_result_upload()
    {
        var file = HostileFiles.OneHugeSharedString();
        Assert.True(file.Length < 200_000, $"the file should be small, is {file.Length}");
        var editor = await api.StaffAsync(StaffRole.Editor, "110000");
        var publisher = await api.StaffAsync(StaffRole.Publisher, "110000");
        await using var db = api.NewDb();
        var before = await ImportUploads.FingerprintAsync(db);
        await AssertRefusedAsync(await editor.UploadAsync(file, "coordsys=wgs84", "stations.xlsx"), HttpStatusCode.RequestEntityTooLarge, "超过上限", "no field allows more than");
        await AssertRefusedAsync(await ResultFileAsync(publisher, file), HttpStatusCode.RequestEntityTooLarge, "超过上限", "no field allows more than");
        Assert.Equal(before, await ImportUploads.FingerprintAsync(db));
    }

    [Fact]
    public async Task A_csv_header_cell_past_the_cell_limit_is_refused_for_its_size_like_an_xlsx_one()
    {
        var file = System.Text.Encoding.UTF8.GetBytes(new string('站', 2500) + ",经度,纬度\nA,116.3,39.9\n");
        var editor = await api.StaffAsync(StaffRole.Editor, "110000");
        var publisher = await api.StaffAsync(StaffRole.Publisher, "110000");
        await AssertRefusedAsync(await editor.UploadAsync(file, "coordsys=wgs84", "stations.csv"), HttpStatusCode.RequestEntityTooLarge, "超过上限", "no field allows more than");
        await AssertRefusedAsync(await ResultFileAsync(publisher, file, "result.csv"), HttpStatusCode.RequestEntityTooLarge, "超过上限", "no field allows more than");
    }

    [Fact]
    public async Task Shared_strings_that_expand_past_the_limit_are_refused_before_reading()
    {
        // 24 MB of shared strings (above the fixture's 20 MB; 150 MB by default) zip to under 200 KB.
        var file = HostileFiles.ExpandingSharedStrings(24);
        Assert.True(file.Length < 200_000, $"the file should be small, is {file.Length}");
        var editor = await api.StaffAsync(StaffRole.Editor, "110000");
        var response = await editor.UploadAsync(file, "coordsys=wgs84", "stations.xlsx");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.TryGetProperty("report", out _), body.ToString());
        var codes = body.GetProperty("report").GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString());
        Assert.Contains(codes, c => c is "shared_strings_too_large" or "zip_bomb");
    }

    [Fact]
    public async Task A_result_file_with_more_rows_than_the_limit_is_refused()
    {
        var publisher = await api.StaffAsync(StaffRole.Publisher, "110000");
        var response = await ResultFileAsync(publisher, HostileFiles.ManyRows(6_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var detail = (await response.JsonAsync()).GetProperty("detail").GetString()!;
        Assert.Contains("行数超过上限 5000", detail);
        Assert.Contains("more than 5000 rows", detail);
    }

    [Fact]
    public async Task An_external_entity_is_a_bad_file_not_a_server_error()
    {
        var publisher = await api.StaffAsync(StaffRole.Publisher, "110000");
        var result = await ResultFileAsync(publisher, HostileFiles.ExternalEntity());
        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        Assert.DoesNotContain("root:", await result.Content.ReadAsStringAsync());
        var editor = await api.StaffAsync(StaffRole.Editor, "110000");
        var import = await editor.UploadAsync(HostileFiles.ExternalEntity(), "coordsys=wgs84", "stations.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.DoesNotContain("root:", await import.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_row_wider_than_excel_allows_is_refused_by_import_and_result_upload()
    {
        // 200,000 cells of "<c/>": under a megabyte expanded, so only the reader's column limit stands in the way.
        var file = HostileFiles.WideRow(200_000);
        var editor = await api.StaffAsync(StaffRole.Editor, "110000");
        var publisher = await api.StaffAsync(StaffRole.Publisher, "110000");
        await using var db = api.NewDb();
        var before = await ImportUploads.FingerprintAsync(db);
        await AssertRefusedAsync(await editor.UploadAsync(file, "coordsys=wgs84", "stations.xlsx"), HttpStatusCode.RequestEntityTooLarge, "超过 16384 列", "more than 16384 columns");
        await AssertRefusedAsync(await ResultFileAsync(publisher, file), HttpStatusCode.RequestEntityTooLarge, "超过 16384 列", "more than 16384 columns");
        Assert.Equal(before, await ImportUploads.FingerprintAsync(db));
    }
}
