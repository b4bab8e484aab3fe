using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Pages;

/// <summary>
/// The real app on a random localhost port (Kestrel, not TestServer: a browser must reach it) over the seeded
/// Beijing sample, and Debian's Chromium driven by Playwright. A missing Chromium fails the tests; it never skips.
/// </summary>
public class PageFixture : SeededApiFixture, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>No tile server is reachable here: point the tiles at a closed local port so they fail at once.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Map:TileUrl"] = "http://127.0.0.1:9/{z}/{x}/{y}.png",
        ["Map:TileCoordsys"] = TileCoordsys,
        // Port 0: the system picks a free port (UseKestrel(0) alone was overridden by the default 5000 here).
        ["urls"] = "http://127.0.0.1:0",
    };

    protected virtual string TileCoordsys => "wgs84";

    async Task IAsyncLifetime.InitializeAsync()
    {
        PagePaths.RequireVendorFiles();
        await InitializeAsync();
        Factory.UseKestrel();
        Factory.StartServer();
        Factory.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().AddProvider(ServerErrors);
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::1]", "localhost").TrimEnd('/');
        await WaitForIndexAsync(Anonymous());

        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}: `make test` installs it (apt-get install chromium), or set CHROMIUM_PATH.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
    }

    /// <summary>Opens the console on <paramref name="page"/> and signs in with <paramref name="key"/>, as staff do.</summary>
    public static async Task SignInToConsoleAsync(IPage page, string key)
    {
        await page.GotoAsync("/admin");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await page.FillAsync("#key", key);
        await page.ClickAsync("#signin-form button");
        await page.Locator("body[data-signed-in=true]").WaitForAsync();
    }

    /// <summary>A fresh page in its own context (own storage), phone-sized unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 360, int height = 740, bool geolocation = false, string? userAgent = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            Permissions = geolocation ? ["geolocation"] : [],
            Geolocation = geolocation ? new() { Latitude = Tiananmen.Lat, Longitude = Tiananmen.Lng } : null,
            AcceptDownloads = true,
            UserAgent = userAgent,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        // A page script error fails the test that caused it, with the message.
        page.PageError += (_, message) => PageErrors.Add(message);
        return page;
    }

    public List<string> PageErrors { get; } = [];

    public ServerErrorLog ServerErrors { get; } = new();
}

/// <summary>The mocked courier position: Tiananmen, as the browser reports it (a float, widened to double).</summary>
public static class Tiananmen
{
    public const float Lat = 39.9087f, Lng = 116.3975f;

    /// <summary>"lng=…&amp;lat=…" as the page sent them; checks they are the mocked position.</summary>
    public static string PointOf(string url)
    {
        var q = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query);
        var (lng, lat) = (double.Parse(q["lng"]!, System.Globalization.CultureInfo.InvariantCulture), double.Parse(q["lat"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(lng, Lng - 1e-5, Lng + 1e-5);
        Assert.InRange(lat, Lat - 1e-5, Lat + 1e-5);
        return $"lng={q["lng"]}&lat={q["lat"]}";
    }
}

/// <summary>The Amap case: tiles in GCJ-02, so every point drawn must be GCJ-02.</summary>
public sealed class AmapTilesPageFixture : PageFixture
{
    protected override string TileCoordsys => "gcj02";
}
