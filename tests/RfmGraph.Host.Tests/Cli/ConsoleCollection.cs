namespace RfmGraph.Host.Tests.Cli;

/// <summary>Tests that redirect the process-wide console and environment run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
