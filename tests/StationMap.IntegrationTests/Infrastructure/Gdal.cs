using System.Diagnostics;
using System.Text.Json;

namespace StationMap.IntegrationTests.Infrastructure;

/// <summary>Runs Debian's GDAL command-line tools (gdal-bin), as a GIS user would against the running service.</summary>
public static class Gdal
{
    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["GDAL_HTTP_TIMEOUT"] = "60";
        psi.Environment["CPL_VSIL_CURL_USE_CACHE"] = "NO";
        Process process;
        try { process = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} not found: `make test` installs gdal-bin (apt-get install gdal-bin)", e);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }

    /// <summary>ogr2ogr SOURCE → a GeoJSON file in EPSG:4326 (lng, lat order), read back.</summary>
    public static async Task<JsonElement> ToGeoJsonAsync(string source, params string[] extra)
    {
        var file = Path.Combine(Path.GetTempPath(), $"stationmap-ogr-{Guid.NewGuid():N}.geojson");
        try
        {
            await RunAsync("ogr2ogr", ["-f", "GeoJSON", "-t_srs", "EPSG:4326", "-lco", "RFC7946=YES", file, source, .. extra]);
            return JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.Clone();
        }
        finally { File.Delete(file); }
    }
}
