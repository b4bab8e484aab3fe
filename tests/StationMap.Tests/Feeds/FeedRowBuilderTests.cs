using StationMap.Feeds.Profiles;
using StationMap.Feeds.Rows;
using StationMap.Geo;

namespace StationMap.Tests.Feeds;

public sealed class FeedRowBuilderTests
{
    private static readonly FeedProfileCatalog Catalog = FeedProfileCatalog.Load(null);

    [Fact]
    public void A_name_over_the_limit_rejects_the_station_with_a_reason_and_is_never_truncated()
    {
        var station = FeedStations.Make(1, "X1", new string('站', 46), "北京市海淀区某路1号", "110108", 116.3, 39.9);
        var result = new FeedRowBuilder(Catalog.Find("baidu-geotable")!, FeedStations.Lookups).Build(station);
        Assert.Null(result.Row);
        Assert.Contains("45", result.Rejection);
        Assert.Contains("title", result.Rejection);
    }

    [Fact]
    public void An_optional_field_over_its_limit_is_truncated_and_noted()
    {
        var station = FeedStations.Make(1, "X1", "站", "址", "110108", 116.3, 39.9, s => s.Phone = new string('1', 70));
        var result = new FeedRowBuilder(Catalog.Find("amap-yuntu")!, FeedStations.Lookups).Build(station);
        Assert.NotNull(result.Row);
        Assert.Equal(new string('1', 60), result.Row.Cells[6]);
        Assert.Contains(result.Notes, n => n.Contains("telephone"));
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("=1")]
    [InlineData("-1层")]
    [InlineData("+86 10 转 1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    public void Text_a_spreadsheet_would_run_as_a_formula_gets_an_apostrophe(string text) =>
        Assert.Equal("'" + text, SpreadsheetText.Neutralise(text));

    [Theory]
    [InlineData("中关村")]
    [InlineData("a=b")]
    [InlineData("")]
    [InlineData("-12.5")]
    [InlineData("-")]
    public void Ordinary_text_and_numbers_are_left_alone(string text) => Assert.Equal(text, SpreadsheetText.Neutralise(text));

    // Excel would compute, fail on or reformat these (-1+1 → 0, +86-10-6256 → arithmetic, "+86 10 …" → #NULL!,
    // +8613812345678 → 8.61E+12): in a CSV opened in a spreadsheet they keep their text with the apostrophe.
    [Theory]
    [InlineData("-1+1")]
    [InlineData("+2-1")]
    [InlineData("-(3)+4")]
    [InlineData("+8613812345678")]
    [InlineData("+86 (10) 6256-1234")]
    [InlineData("-12.5.1")]
    public void Text_a_spreadsheet_would_compute_or_reformat_gets_an_apostrophe(string text) =>
        Assert.Equal("'" + text, SpreadsheetText.Neutralise(text));

    [Theory]
    [InlineData("amap-yuntu")]
    [InlineData("baidu-geotable")]
    [InlineData("poi-sheet-amap")]
    [InlineData("geojson")]
    public void Provider_uploads_workbooks_and_geojson_carry_the_stations_text_as_it_is(string id)
    {
        var station = FeedStations.Make(1, "X1", "=HYPERLINK(\"x\")", "@学院路1号", "110108", 116.3, 39.9, s => s.Phone = "+8613812345678");
        var cells = new FeedRowBuilder(Catalog.Find(id)!, FeedStations.Lookups).Build(station).Row!.Cells;
        Assert.Contains("+8613812345678", cells);
        Assert.Contains("@学院路1号", cells);
        Assert.DoesNotContain(cells, c => c is string s && s.StartsWith('\''));
    }

    [Fact]
    public void A_csv_opened_in_spreadsheets_guards_formulas_and_phones_but_not_a_negative_longitude()
    {
        var profile = new FeedProfile { Id = "t", Provider = "t", Coordsys = "wgs84", OpenedInSpreadsheets = true,
            Columns = [new() { Header = "lng", Source = "lng" }, new() { Header = "at", Template = "{lng}" }, new() { Header = "name", Source = "name" }, new() { Header = "phone", Source = "phone" }] };
        var station = FeedStations.Make(1, "X", "=HYPERLINK(\"x\")", "a", "110108", -73.985, 40.75, s => s.Phone = "+8613812345678");
        var row = new FeedRowBuilder(profile, FeedStations.Lookups).Build(station).Row!;
        Assert.Equal(-73.985, row.Cells[0]);
        Assert.Equal(new object[] { "-73.985000", "'=HYPERLINK(\"x\")", "'+8613812345678" }, row.Cells[1..]);
    }

    [Theory]
    [InlineData("amap-yuntu", CoordSys.Gcj02)]
    [InlineData("baidu-geotable", CoordSys.Bd09)]
    [InlineData("poi-sheet-baidu", CoordSys.Bd09)]
    [InlineData("geojson", CoordSys.Wgs84)]
    public void Coordinates_are_converted_through_the_geo_module_and_rounded_to_the_profile_decimals(string id, CoordSys sys)
    {
        var profile = Catalog.Find(id)!;
        foreach (var s in FeedStations.All().Take(4))
        {
            var row = new FeedRowBuilder(profile, FeedStations.Lookups).Build(s, lenient: true).Row!;
            var expected = new Coordinate(s.Lng, s.Lat, CoordSys.Wgs84).To(sys);
            Assert.Equal(Math.Round(expected.Lng, profile.Decimals), Math.Round(row.Lng, profile.Decimals));
            Assert.Equal(Math.Round(expected.Lat, profile.Decimals), Math.Round(row.Lat, profile.Decimals));
        }
    }

    [Fact]
    public void The_amap_location_agrees_with_amaps_own_published_conversion()
    {
        // Amap documents GPS 116.481499,39.990475 → 116.487585177952,39.991754014757; compare at 1e-5° (DOMAIN.md §1).
        var row = new FeedRowBuilder(Catalog.Find("amap-yuntu")!, FeedStations.Lookups).Build(FeedStations.All()[1]).Row!;
        var parts = ((string)row.Cells[2]).Split(',').Select(double.Parse).ToArray();
        Assert.Equal(116.487585177952, parts[0], 0.00001);
        Assert.Equal(39.991754014757, parts[1], 0.00001);
        Assert.Equal(6, ((string)row.Cells[2]).Split(',')[0].Split('.')[1].Length);
    }

    [Fact]
    public void The_content_hash_changes_with_any_emitted_field_and_only_then()
    {
        var builder = new FeedRowBuilder(Catalog.Find("amap-yuntu")!, FeedStations.Lookups);
        var a = FeedStations.Make(1, "X", "站", "址", "110108", 116.3, 39.9);
        var b = FeedStations.Make(1, "X", "站", "址", "110108", 116.3, 39.9, s => s.Notes = "not in the feed");
        var c = FeedStations.Make(1, "X", "站", "址", "110108", 116.3, 39.9, s => s.Phone = "010-1");
        Assert.Equal(builder.Build(a).Row!.Hash, builder.Build(b).Row!.Hash);
        Assert.NotEqual(builder.Build(a).Row!.Hash, builder.Build(c).Row!.Hash);
    }

    [Theory]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    public void A_formula_behind_a_tab_a_return_or_arithmetic_gets_the_apostrophe(string text) =>
        Assert.Equal("'" + text, SpreadsheetText.Neutralise(text));

    // The apostrophe is part of the cell: a guarded cell keeps within the column's limit like any other.
    [Fact]
    public void A_guarded_cell_keeps_within_the_columns_max_length()
    {
        var profile = new FeedProfile { Id = "t", Provider = "t", Coordsys = "wgs84", OpenedInSpreadsheets = true,
            Columns = [new() { Header = "name", Source = "name", MaxLength = 5, WhenTooLong = "truncate" }] };
        var station = FeedStations.Make(1, "X", "=HYPERLINK", "a", "110108", 116.3, 39.9);
        Assert.Equal("'=HYP", new FeedRowBuilder(profile, FeedStations.Lookups).Build(station).Row!.Cells[0]);
    }
}
