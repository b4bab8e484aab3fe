namespace StationMap.IntegrationTests.Pages;

/// <summary>Where the pages' files and the screenshots live in the repository.</summary>
internal static class PagePaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Screenshots
    {
        get
        {
            var dir = Path.Combine(RepoRoot, ".local", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static string Screenshot(string name) => Path.Combine(Screenshots, name + ".png");

    /// <summary>Leaflet is copied in by scripts/web.sh (make test runs it); without it the map cannot be tested.</summary>
    public static void RequireVendorFiles()
    {
        var leaflet = Path.Combine(RepoRoot, "src", "StationMap.Api", "wwwroot", "vendor", "leaflet", "leaflet.js");
        if (!File.Exists(leaflet))
            throw new InvalidOperationException($"{leaflet} is missing: run scripts/web.sh (make test and make run do).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "StationMap.sln"))) return dir.FullName;
        throw new InvalidOperationException("StationMap.sln not found above " + AppContext.BaseDirectory);
    }
}
