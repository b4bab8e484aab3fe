using BenchmarkDotNet.Running;

if (args is ["import-sample", ..]) return StationMap.Benchmarks.Import.ImportSampleFiles.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
