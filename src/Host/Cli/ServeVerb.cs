using System.CommandLine;
using Microsoft.Extensions.Options;
using RfmGraph.Host.Web;
using RfmGraph.Platform.Database;

namespace RfmGraph.Host.Cli;

/// <summary><c>serve</c> (the default): run the web Host until Ctrl+C / SIGTERM.</summary>
internal sealed class ServeVerb : ICliVerb
{
    public Command Create()
    {
        var command = new Command("serve", "Run the HTTP service (default). ASP.NET Core options such as --urls pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, cancellationToken) => ServeAsync([.. parse.UnmatchedTokens], cancellationToken));
        return command;
    }

    public static async Task<int> ServeAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = RfmWebApplication.Build(args);
        try
        {
            // Resolve the database before the server starts, so "no database" is one clear sentence.
            await app.Services.GetRequiredService<DatabaseEndpoint>().StartAsync(cancellationToken);
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (CliErrors.TryDescribe(ex, out var message))
        {
            await Console.Error.WriteLineAsync(message);
            return CliErrors.ExitCode;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
