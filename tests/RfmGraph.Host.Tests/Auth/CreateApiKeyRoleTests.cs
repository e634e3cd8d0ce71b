using RfmGraph.Host.Tests.Cli;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Auth;

/// <summary>create-api-key accepts only the four roles, and says which they are.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CreateApiKeyRoleTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Theory]
    [InlineData("ops")]
    [InlineData("superuser")]
    [InlineData("ADMIN")]
    public async Task An_unknown_role_is_refused_and_no_key_is_stored(string role)
    {
        var database = await postgres.CreateDatabaseAsync("cli_role");
        Assert.Equal(0, (await CommandLineTests.RunAsync(database, "seed-demo", "--customers", "10", "--business", "shop")).ExitCode);

        var (exitCode, output, error) = await CommandLineTests.RunAsync(database, "create-api-key", "--business", "shop", "--role", role);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"'{role}' is not a role; use one of: admin, analyst, integrator, viewer.", error.Trim());
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM platform.api_keys", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
