using System.CommandLine;
using RfmGraph.Host.Auth;
using RfmGraph.Platform.Security;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Host.Cli;

/// <summary><c>create-api-key --business KEY --role R [--name N]</c>: prints a new key once (only its hash is stored).</summary>
internal sealed class CreateApiKeyVerb : ICliVerb
{
    public Command Create()
    {
        var business = new Option<string>("--business") { Description = "Business key the API key acts for", Required = true };
        var role = new Option<string>("--role") { Description = "Role of the key: admin, analyst, integrator or viewer", Required = true };
        var name = new Option<string>("--name") { Description = "What the key is for (shown in listings)", DefaultValueFactory = _ => string.Empty };
        var command = new Command("create-api-key", "Create an API key for an integrator; the key is printed once.") { business, role, name };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            (services, token) => CreateAsync(services, parse.GetValue(business)!, parse.GetValue(role)!, parse.GetValue(name)!, token),
            cancellationToken));
        return command;
    }

    private static async Task<int> CreateAsync(IServiceProvider services, string businessKey, string role, string name, CancellationToken cancellationToken)
    {
        role = role.Trim();
        if (!RfmRoles.IsKnown(role))
        {
            await Console.Error.WriteLineAsync(RfmRoles.Unknown(role));
            return 1;
        }

        var business = await services.GetRequiredService<IBusinessDirectory>().FindByKeyAsync(businessKey, cancellationToken);
        if (business is null)
        {
            await Console.Error.WriteLineAsync($"No business '{businessKey}': import its sales or run seed-demo --business {businessKey} first.");
            return 1;
        }

        var created = await services.GetRequiredService<ApiKeyStore>().CreateAsync(business.Id, business.Key, role, name, cancellationToken);
        Console.WriteLine(created.Key);
        await Console.Error.WriteLineAsync(
            $"API key {created.Prefix} for business '{created.BusinessKey}', role '{created.Role}'. It is shown only now; send it as 'X-Api-Key: <key>'. " +
            $"Revoke with: revoke-api-key --prefix {created.Prefix}");
        return 0;
    }
}
