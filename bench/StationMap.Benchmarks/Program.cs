using BenchmarkDotNet.Running;

if (args is ["import-sample", ..]) return StationMap.Benchmarks.Import.ImportSampleFiles.Run(args);
// bench/feeds.sh loads its scratch database through here; everything else is BenchmarkDotNet.
if (args is ["feeds-seed", var connection, var count]) return await StationMap.Benchmarks.Feeds.FeedsSeed.RunAsync(connection, int.Parse(count));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
