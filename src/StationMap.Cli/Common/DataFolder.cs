namespace StationMap.Cli;

/// <summary>Finds a file in the repository's data/ folder, walking up from the current and the program's folder.</summary>
internal static class DataFolder
{
    public static string Find(string name)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new CliException($"data/{name} not found; pass --file / 找不到 data/{name}，请用 --file 指定");
    }
}
