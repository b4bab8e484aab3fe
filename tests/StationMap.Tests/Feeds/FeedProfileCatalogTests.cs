using StationMap.Feeds.Profiles;

namespace StationMap.Tests.Feeds;

public sealed class FeedProfileCatalogTests
{
    [Fact]
    public void Built_in_profiles_load_from_the_assembly_without_a_folder()
    {
        var ids = FeedProfileCatalog.Load(null).All.Select(p => p.Id);
        Assert.Equal(["amap-yuntu", "baidu-geotable", "geojson", "poi-sheet-amap", "poi-sheet-baidu"], ids);
    }

    [Fact]
    public void Built_in_profiles_match_the_files_in_data_feeds()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "data", "feeds"), "*.json").Select(Path.GetFileNameWithoutExtension).Order();
        Assert.Equal(files, FeedProfileCatalog.Load(null).All.Select(p => p.Id));
    }

    [Fact]
    public void A_profile_folder_replaces_a_built_in_profile_and_adds_new_ones()
    {
        var folder = Directory.CreateTempSubdirectory("profiles").FullName;
        File.WriteAllText(Path.Combine(folder, "amap.json"), """{ "id": "amap-yuntu", "provider": "amap", "format": "csv", "encoding": "gbk", "coordsys": "gcj02", "columns": [ { "header": "名称", "source": "name" } ] }""");
        File.WriteAllText(Path.Combine(folder, "extra.json"), """{ "id": "tencent", "provider": "tencent", "format": "csv", "coordsys": "gcj02", "columns": [ { "header": "name", "source": "name" } ] }""");
        var catalog = FeedProfileCatalog.Load(folder);
        Assert.Equal("gbk", catalog.Find("amap-yuntu")!.Encoding);
        Assert.NotNull(catalog.Find("tencent"));
        Assert.Equal(6, catalog.All.Count);
    }

    [Fact]
    public void An_invalid_profile_is_reported_with_its_file_and_field()
    {
        var folder = Directory.CreateTempSubdirectory("profiles").FullName;
        var file = Path.Combine(folder, "broken.json");
        File.WriteAllText(file, """
            { "id": "broken", "provider": "amap", "format": "csv", "coordsys": "mars",
              "columns": [ { "header": "名称", "source": "nmae" }, { "header": "title", "source": "name", "maxLength": 45, "whenTooLong": "truncate" } ] }
            """);
        var e = Assert.Throws<FeedProfileException>(() => FeedProfileCatalog.Load(folder));
        Assert.Contains(e.Errors, m => m.StartsWith(file + ": coordsys:", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.StartsWith(file + ": columns[0].source: unknown field 'nmae'", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.StartsWith(file + ": columns[1].whenTooLong: a station name is never truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void The_spreadsheet_guard_is_for_csv_only()
    {
        var folder = Directory.CreateTempSubdirectory("profiles").FullName;
        var file = Path.Combine(folder, "sheet.json");
        File.WriteAllText(file, """{ "id": "sheet", "provider": "amap", "format": "xlsx", "changes": "column", "openedInSpreadsheets": true, "columns": [ { "header": "n", "source": "name" } ] }""");
        var e = Assert.Throws<FeedProfileException>(() => FeedProfileCatalog.Load(folder));
        Assert.Contains(e.Errors, m => m.StartsWith(file + ": openedInSpreadsheets: applies to csv only", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_property_is_an_error_not_silently_ignored()
    {
        var folder = Directory.CreateTempSubdirectory("profiles").FullName;
        File.WriteAllText(Path.Combine(folder, "typo.json"), """{ "id": "typo", "provider": "amap", "maxRow": 10, "columns": [ { "header": "n", "source": "name" } ] }""");
        var e = Assert.Throws<FeedProfileException>(() => FeedProfileCatalog.Load(folder));
        Assert.Contains(e.Errors, m => m.Contains("typo.json") && m.Contains("maxRow"));
    }

    [Fact]
    public void A_column_for_some_changes_names_known_kinds_and_is_not_required()
    {
        var folder = Directory.CreateTempSubdirectory("profiles").FullName;
        var file = Path.Combine(folder, "poi.json");
        File.WriteAllText(file, """
            { "id": "poi", "provider": "amap", "columns": [ { "header": "n", "source": "name" },
              { "header": "poi_id", "source": "providerPoiId", "onlyFor": ["changed", "deleted"], "required": true }, { "header": "x", "source": "lng", "onlyFor": [] } ] }
            """);
        var e = Assert.Throws<FeedProfileException>(() => FeedProfileCatalog.Load(folder));
        Assert.Contains(e.Errors, m => m.StartsWith(file + ": columns[1].onlyFor: unknown change kind 'deleted'", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.StartsWith(file + ": columns[1].required:", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.StartsWith(file + ": columns[2].onlyFor: lists no change kind", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.StartsWith(file + ": columns[2].onlyFor: coordinate columns", StringComparison.Ordinal));
    }
}
