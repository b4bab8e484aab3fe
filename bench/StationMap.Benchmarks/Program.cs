using BenchmarkDotNet.Running;
using StationMap.Benchmarks;

// Tool modes used by the bench/*.sh scripts; anything else goes to BenchmarkDotNet.
if (BenchTools.TryRun(args, out var exitCode)) return exitCode;
// bench/feeds.sh loads its scratch database through here; everything else is BenchmarkDotNet.
if (args is ["feeds-seed", var connection, var count]) return await StationMap.Benchmarks.Feeds.FeedsSeed.RunAsync(connection, int.Parse(count));
if (args is ["import-sample", ..]) return StationMap.Benchmarks.Import.ImportSampleFiles.Run(args);
if (args is ["coverage-beijing", var coverageDb]) return await StationMap.Benchmarks.Coverage.CoverageBench.RunAsync(coverageDb);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
