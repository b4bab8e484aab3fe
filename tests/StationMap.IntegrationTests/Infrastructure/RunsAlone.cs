namespace StationMap.IntegrationTests.Infrastructure;

/// <summary>
/// For tests that read what the whole process does (its total memory, every span any app in it makes): xunit runs
/// this collection after the parallel ones, with no other test class beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
