using System.CommandLine;
using RfmGraph.Platform.Security;

namespace RfmGraph.Host.Cli;

/// <summary><c>revoke-api-key --prefix P</c>: the key stops working at once.</summary>
internal sealed class RevokeApiKeyVerb : ICliVerb
{
    public Command Create()
    {
        var prefix = new Option<string>("--prefix") { Description = "The 12-character id printed when the key was created (rfm_<prefix>_…)", Required = true };
        var command = new Command("revoke-api-key", "Revoke an API key.") { prefix };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            async (services, token) =>
            {
                var revoked = await services.GetRequiredService<ApiKeyStore>().RevokeAsync(parse.GetValue(prefix)!, token);
                Console.WriteLine(revoked ? "Revoked." : "No active key has that prefix.");
                return revoked ? 0 : 1;
            },
            cancellationToken));
        return command;
    }
}
