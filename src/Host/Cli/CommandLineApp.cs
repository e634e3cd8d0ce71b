using System.CommandLine;
using System.Reflection;

namespace RfmGraph.Host.Cli;

/// <summary>Parses the command line and runs a verb; with no verb the Host serves HTTP.</summary>
internal static class CommandLineApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("RfmGraph: RFM customer segmentation over GraphQL.")
        {
            // ASP.NET Core options (--urls, --environment, --contentRoot, …) pass through to serve.
            TreatUnmatchedTokensAsErrors = false,
        };
        foreach (var verb in DiscoverVerbs())
        {
            root.Subcommands.Add(verb.Create());
        }

        root.SetAction((parse, cancellationToken) => ServeVerb.ServeAsync([.. parse.UnmatchedTokens], cancellationToken));

        var invocation = new InvocationConfiguration
        {
            // The web Host and the verbs handle Ctrl+C themselves (graceful shutdown waits for jobs).
            ProcessTerminationTimeout = null,
            // In-process test hosts stop the entry point with an exception that must propagate.
            EnableDefaultExceptionHandler = false,
        };
        return await root.Parse(args).InvokeAsync(invocation);
    }

    private static IEnumerable<ICliVerb> DiscoverVerbs() =>
        typeof(CommandLineApp).Assembly.GetTypes()
            .Where(t => typeof(ICliVerb).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (ICliVerb)Activator.CreateInstance(t, nonPublic: true)!);
}
