using Npgsql;
using RfmGraph.Host.Cli;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class CommandLineTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Help_lists_every_verb_found_in_the_cli_folder()
    {
        var (exitCode, output, _) = await RunAsync(null, "--help");

        Assert.Equal(0, exitCode);
        foreach (var verb in new[] { "serve", "import", "seed-demo", "create-api-key", "revoke-api-key" })
        {
            Assert.Contains($"  {verb} ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_verb_with_an_unreachable_database_exits_2_with_one_sentence()
    {
        var (exitCode, _, error) = await RunAsync("Host=127.0.0.1;Port=1;Database=rfm;Username=rfm;Timeout=2", "revoke-api-key", "--prefix", "0123456789ab");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Cannot reach PostgreSQL at 127.0.0.1:1 database 'rfm' from ConnectionStrings:Rfm (", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_an_unreachable_database_exits_2_with_one_sentence_before_listening()
    {
        var (exitCode, _, error) = await RunAsync("Host=127.0.0.1;Port=1;Database=rfm;Username=rfm;Timeout=2", "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("; start that server, fix RFMGRAPH__CONNECTIONSTRINGS__RFM, or unset it to use the embedded PostgreSQL.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_migrates_the_database_and_says_so()
    {
        var database = await postgres.CreateDatabaseAsync("cli");

        var (exitCode, output, _) = await RunAsync(database, "revoke-api-key", "--prefix", "0123456789ab");

        Assert.Equal(1, exitCode);
        Assert.Equal("No active key has that prefix.", output.Trim());
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM platform.schema_migrations WHERE module = 'platform'", connection);
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_missing_required_option_is_a_usage_error()
    {
        var (exitCode, _, error) = await RunAsync(null, "create-api-key", "--business", "acme");

        Assert.Equal(1, exitCode);
        Assert.Contains("Option '--role' is required.", error, StringComparison.Ordinal);
    }

    /// <summary>Runs the real entry point with the console captured and the connection string in the environment.</summary>
    internal static async Task<(int ExitCode, string Output, string Error)> RunAsync(string? connectionString, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Environment.SetEnvironmentVariable("RFMGRAPH__CONNECTIONSTRINGS__RFM", connectionString);
        Environment.SetEnvironmentVariable("RFMGRAPH__DATABASE__CONNECTTIMEOUTSECONDS", "0");
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exitCode = await CommandLineApp.RunAsync(args);
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            Environment.SetEnvironmentVariable("RFMGRAPH__CONNECTIONSTRINGS__RFM", null);
            Environment.SetEnvironmentVariable("RFMGRAPH__DATABASE__CONNECTTIMEOUTSECONDS", null);
        }
    }
}
