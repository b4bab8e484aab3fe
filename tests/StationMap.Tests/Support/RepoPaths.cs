namespace StationMap.Tests;

/// <summary>Finds the repository root (the folder holding StationMap.sln) from the test binary.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StationMap.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("StationMap.sln not found above " + AppContext.BaseDirectory);
    }
}
