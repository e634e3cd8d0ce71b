using System.CommandLine;

namespace RfmGraph.Host.Cli;

/// <summary>
/// One command-line verb. Every non-abstract implementation in this assembly is found by
/// <see cref="CommandLineApp"/>: adding a verb is adding one file under Cli/ (Program.cs never changes).
/// </summary>
internal interface ICliVerb
{
    /// <summary>The verb's command, with its options and action.</summary>
    Command Create();
}
