using BenchmarkDotNet.Running;
using StationMap.Benchmarks;

// Tool modes used by the bench/*.sh scripts; anything else goes to BenchmarkDotNet.
if (BenchTools.TryRun(args, out var exitCode)) return exitCode;
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
