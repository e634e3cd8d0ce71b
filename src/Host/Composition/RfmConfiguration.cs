using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace RfmGraph.Host.Composition;

/// <summary>Where settings come from: appsettings*.json, environment (RFMGRAPH__… and the standard names), command line.</summary>
internal static class RfmConfiguration
{
    /// <summary>Environment variable prefix: RFMGRAPH__CONNECTIONSTRINGS__RFM is ConnectionStrings:Rfm.</summary>
    public const string EnvironmentPrefix = "RFMGRAPH__";

    /// <summary>
    /// Adds RFMGRAPH__-prefixed environment variables above the unprefixed ones but below the
    /// command line, so an explicit argument still wins.
    /// </summary>
    public static void AddRfmEnvironmentVariables(this IConfigurationBuilder configuration)
    {
        var source = new EnvironmentVariablesConfigurationSource { Prefix = EnvironmentPrefix };
        // The last command-line source: WebApplicationBuilder also has one among the host settings, before appsettings.json.
        var commandLine = configuration.Sources.ToList().FindLastIndex(s => s is CommandLineConfigurationSource);
        if (commandLine < 0)
        {
            configuration.Sources.Add(source);
        }
        else
        {
            configuration.Sources.Insert(commandLine, source);
        }
    }
}
