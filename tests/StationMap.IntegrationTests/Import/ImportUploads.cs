using System.Net.Http.Headers;
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

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] file, string query, string fileName = "stations.csv")
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        return await client.PostAsync($"/api/v1/imports?{query}", form);
    }

    /// <summary>md5 over stations, history and audit, ordered: equal before and after means nothing was written.</summary>
    public static async Task<string> FingerprintAsync(StationMapDb db) =>
        await db.Database.SqlQueryRaw<string>("""
            SELECT md5(coalesce((SELECT string_agg(s::text, '|' ORDER BY code) FROM stations s), '')
                || coalesce((SELECT string_agg(h::text, '|' ORDER BY id) FROM station_history h), '')
                || coalesce((SELECT string_agg(a::text, '|' ORDER BY id) FROM audit_log a), '')) AS "Value"
            """).SingleAsync();
}
