using System.CommandLine;
using StationMap.Cli;

var root = new RootCommand("stationmap — the outdoor-worker service station directory (户外劳动者服务站点)");
foreach (var command in CliCommands.All())
    root.Subcommands.Add(command);
return await root.Parse(args).InvokeAsync();
