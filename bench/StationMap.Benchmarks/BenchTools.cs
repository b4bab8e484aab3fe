using StationMap.Benchmarks.Nearby;

namespace StationMap.Benchmarks;

/// <summary>Small measuring tools the shell benchmarks call by name.</summary>
internal static class BenchTools
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        switch (args.FirstOrDefault())
        {
            case "nearest-pgbench-script":
                Console.Write(NearestPgbenchScript.Text());
                return true;
            case "nearest-wrk-lua":
                Console.Write(NearestQueryPoints.WrkLua(args[1]));
                return true;
            case "nearest-request-parts":
                exitCode = NearestRequestParts.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 150_000);
                return true;
            case "nearest-index-build":
                exitCode = NearestIndexBuild.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
                return true;
            case "ogc-pgbench-items":
                Console.Write(Ogc.OgcPgbenchScripts.Items(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
                return true;
            case "ogc-pgbench-tile":
                Console.Write(Ogc.OgcPgbenchScripts.Tile(int.Parse(args[1]), int.Parse(args[2]), int.Parse(args[3])));
                return true;
            default:
                return false;
        }
    }
}
