using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StationMap.Data;

namespace StationMap.IntegrationTests.Import;

/// <summary>Files and uploads for the import tests, and a fingerprint of everything an import may write.</summary>
internal static class ImportUploads
{
    public const string Header = "站点编码,站点名称,地址,经度,纬度,行政区划代码,服务内容,开放时间,联系电话,是否对外开放";

    static ImportUploads() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A Haidian row; <paramref name="n"/> moves it ~100 m east per step so rows are not near-duplicates.</summary>
    public static string Row(string code, string name, int n, string adcode = "110108", string phone = "010-62561234", double lat = 39.9834) =>
        $"{code},{name},北京市海淀区中关村大街{n}号,{116.30 + n * 0.0012:0.0000},{lat:0.0000},{adcode},饮水、手机充电,24小时,{phone},是";

    public static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n");

    public static byte[] Gbk(params string[] rows) => Encoding.GetEncoding("GBK").GetBytes(string.Join("\r\n", [Header, .. rows]));

    /// <summary>Posts the file as an import job and waits for it: the job's report as 200, or its problem with the
    /// status the job names (400/413/503); an upload refused at once comes back as it is.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] file, string query, string fileName = "stations.csv")
    {
        var accepted = await client.PostJobAsync(file, query, fileName);
        if (accepted.StatusCode != HttpStatusCode.Accepted) return accepted;
        var job = await client.WaitForJobAsync(accepted.Headers.Location!.ToString());
        return job.TryGetProperty("problem", out var problem) && problem.ValueKind == JsonValueKind.Object
            ? new HttpResponseMessage((HttpStatusCode)problem.GetProperty("status").GetInt32()) { Content = new StringContent(problem.GetRawText(), Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(job.GetProperty("report").GetRawText(), Encoding.UTF8, "application/json") };
    }

    public static async Task<HttpResponseMessage> PostJobAsync(this HttpClient client, byte[] file, string query, string fileName = "stations.csv")
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        return await client.PostAsync($"/api/v1/imports?{query}", form);
    }

    /// <summary>Polls the job until it is done. A cap on polls (not a timing assertion) keeps a job that never ends from
    /// hanging the suite.</summary>
    public static async Task<JsonElement> WaitForJobAsync(this HttpClient client, string location)
    {
        for (var polls = 0; ; polls++)
        {
            Assert.True(polls < 30_000, $"the job at {location} never finished");
            var response = await client.GetAsync(location);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (job.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled") return job;
            await Task.Delay(20);
        }
    }

    /// <summary>md5 over stations, history and audit, ordered: equal before and after means nothing was written.</summary>
    public static async Task<string> FingerprintAsync(StationMapDb db) =>
        await db.Database.SqlQueryRaw<string>("""
            SELECT md5(coalesce((SELECT string_agg(s::text, '|' ORDER BY code) FROM stations s), '')
                || coalesce((SELECT string_agg(h::text, '|' ORDER BY id) FROM station_history h), '')
                || coalesce((SELECT string_agg(a::text, '|' ORDER BY id) FROM audit_log a), '')) AS "Value"
            """).SingleAsync();
}
