using Microsoft.Playwright;
using Npgsql;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Pages;

/// <summary>
/// Stations whose text is markup (as an old import or a direct database edit could have left them — the API now
/// refuses most of it): stored right next to the courier's position so they are the nearest. Each payload sets a
/// window flag or opens a dialog if it ever runs.
/// </summary>
public sealed class MarkupPageFixture : PageFixture
{
    public const string Flag = "__x";
    public static readonly string Code = $"\"><img src=x onerror={Flag}=1>"; // fits the code column (32)
    public static readonly string Name = $"<img src=x onerror=\"window.{Flag}=2;alert(2)\">驿站";
    public static readonly string Address = $"<script>window.{Flag}=3</script>北京市东城区";
    public static readonly string Phone = $"<svg onload=window.{Flag}=4>";
    public static readonly string Service = $"<img src=x onerror=window.{Flag}=5>";
    public static readonly string Host = $"<iframe srcdoc=\"<script>parent.{Flag}=6</script>\">";
    public const string SecondCode = "MARKUP-2";
    public static readonly string SecondName = $"<b onmouseover=window.{Flag}=7>粗体</b>";

    protected override async Task OnStartedAsync()
    {
        await base.OnStartedAsync();
        // Written through the Core (the web server must not start before the page fixture picks Kestrel).
        var at = SampleInputs.Haidian() with { Adcode = "110101", Lng = Tiananmen.Lng + 0.0001, Lat = Tiananmen.Lat + 0.0001, IsPublic = true, Status = "active" };
        await using (var db = NewDb())
        {
            var writer = new StationMap.Stations.StationWriter(db);
            await writer.CreateAsync(at with { Code = "MARKUP-1" }, StaffIdentity.System("test"));
            await writer.CreateAsync(at with { Code = SecondCode, Lng = Tiananmen.Lng - 0.0001 }, StaffIdentity.System("test"));
        }
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(
            "UPDATE stations SET code = @code, name = @name, address = @address, phone = @phone, services = ARRAY['water', @service], host_organization = @host WHERE code = 'MARKUP-1';" +
            "UPDATE stations SET name = @second WHERE code = @secondCode", conn);
        cmd.Parameters.AddWithValue("code", Code);
        cmd.Parameters.AddWithValue("name", Name);
        cmd.Parameters.AddWithValue("address", Address);
        cmd.Parameters.AddWithValue("phone", Phone);
        cmd.Parameters.AddWithValue("service", Service);
        cmd.Parameters.AddWithValue("host", Host);
        cmd.Parameters.AddWithValue("second", SecondName);
        cmd.Parameters.AddWithValue("secondCode", SecondCode);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>Both pages show such stations as text: nothing runs, no dialog opens, and the markup is visible as written.</summary>
public sealed class MarkupPageTests(MarkupPageFixture app) : IClassFixture<MarkupPageFixture>
{
    private static async Task<IPage> WatchedAsync(IPage page, List<string> dialogs)
    {
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        return page;
    }

    private static async Task AssertNothingRanAsync(IPage page, List<string> dialogs)
    {
        Assert.Empty(dialogs);
        Assert.Null(await page.EvaluateAsync<int?>($"() => window.{MarkupPageFixture.Flag} ?? null"));
        Assert.Equal(0, await page.Locator("#results img[src=x], #station-list img, #detail img, .leaflet-marker-icon img[src=x], iframe, svg[onload]").CountAsync());
    }

    [Fact]
    public async Task Both_pages_are_sent_with_a_content_security_policy_without_inline_scripts()
    {
        foreach (var path in new[] { "/", "/admin/", "/index.html", "/admin/index.html" })
        {
            var r = await app.Anonymous().GetAsync(path);
            var policy = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
            var script = policy.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("script-src", StringComparison.Ordinal));
            Assert.Equal("script-src 'self'", script);
            Assert.DoesNotContain("<script>", await r.Content.ReadAsStringAsync());
            Assert.DoesNotContain(" onclick=", await r.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_courier_page_shows_markup_in_names_codes_addresses_phones_and_services_as_text()
    {
        var dialogs = new List<string>();
        var page = await WatchedAsync(await app.NewPageAsync(geolocation: true), dialogs);
        await page.GotoAsync("/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await page.ClickAsync("#locate");
        await page.Locator("#results li").First.WaitForAsync();

        var list = await page.InnerTextAsync("#results");
        Assert.Contains(MarkupPageFixture.Name, list);
        Assert.Contains(MarkupPageFixture.SecondName, list);
        Assert.Contains(MarkupPageFixture.Phone, list);
        // The code travels as data, literally, in the list item and the map pin.
        Assert.Equal(1, await page.Locator("#results li").EvaluateAllAsync<int>($"(els, c) => els.filter(e => e.dataset.code === c).length", MarkupPageFixture.Code));
        if (await page.Locator(".leaflet-marker-icon").CountAsync() > 0)
            Assert.Equal(1, await page.EvaluateAsync<int>("c => [...document.querySelectorAll('.pin')].filter(p => p.dataset.code === c).length", MarkupPageFixture.Code));

        await page.Locator("#results li .station-name", new() { HasText = "驿站" }).First.ClickAsync();
        await page.Locator("#detail[open]").WaitForAsync();
        var detail = await page.InnerTextAsync("#detail");
        Assert.Contains(MarkupPageFixture.Address, detail);
        Assert.Contains(MarkupPageFixture.Phone, detail);
        // A service outside the catalog is not drawn at all (badges come from the catalog); it never becomes markup either.
        await AssertNothingRanAsync(page, dialogs);
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task The_console_lists_and_opens_such_a_station_as_text()
    {
        var dialogs = new List<string>();
        var key = await app.CreateKeyAsync(StaffRole.Admin, "110000");
        var page = await WatchedAsync(await app.NewPageAsync(1280, 800), dialogs);
        await PageFixture.SignInToConsoleAsync(page, key);
        await page.ClickAsync("#tab-stations");
        await page.FillAsync("#station-q", "驿站");
        await page.ClickAsync("#station-search button");
        await page.Locator("#station-list table").WaitForAsync();

        var listed = await page.InnerTextAsync("#station-list");
        Assert.Contains(MarkupPageFixture.Name, listed);
        Assert.Contains(MarkupPageFixture.Code, listed);

        await page.Locator("#station-list button", new() { HasText = MarkupPageFixture.Name }).ClickAsync();
        await page.Locator("#edit-name").WaitForAsync();
        Assert.Equal(MarkupPageFixture.Name, await page.InputValueAsync("#edit-name"));
        Assert.Equal(MarkupPageFixture.Address, await page.InputValueAsync("#edit-address"));
        Assert.Equal(MarkupPageFixture.Host, await page.InputValueAsync("#edit-hostOrganization"));
        Assert.Contains(MarkupPageFixture.Code, await page.InnerTextAsync("#station-editor h3"));
        await AssertNothingRanAsync(page, dialogs);
        Assert.Empty(app.PageErrors);
    }
}
