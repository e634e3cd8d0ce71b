using System.Net;
using System.Text.Json;
using RfmGraph.Host.Tests.Cli;
using RfmGraph.Host.Tests.Support;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Acceptance;

/// <summary>
/// Issue 2, item 9: the two Host behaviours the other tests leave out — <c>serve</c> is what runs when no verb is
/// given, and <c>/health</c> reports a database that went away after start-up. In the console collection: the
/// first test sets the process environment, like the CLI tests.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AcceptanceHostTests
{
    [Fact]
    public async Task Without_a_verb_the_host_serves()
    {
        // The unreachable database makes serve stop before it listens, with serve's own sentence.
        var (exitCode, output, error) = await CommandLineTests.RunAsync(
            "Host=127.0.0.1;Port=1;Database=rfm;Username=rfm;Timeout=2", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Cannot reach PostgreSQL at 127.0.0.1:1 database 'rfm' from ConnectionStrings:Rfm (", line, StringComparison.Ordinal);
        Assert.EndsWith("; start that server, fix RFMGRAPH__CONNECTIONSTRINGS__RFM, or unset it to use the embedded PostgreSQL.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_503_once_the_database_has_gone()
    {
        var postgres = new PostgresFixture();
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync("accept_health");
        await using var factory = new RfmHostFactory(database, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
        using var client = factory.CreateClient();
        using (var before = await client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await postgres.DisposeAsync();
        using var after = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        using var body = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        var health = body.RootElement.GetProperty("database");
        // The pool hands out a connection the server has closed; only a round trip shows it (fixed in 95ffc0e).
        Assert.False(health.GetProperty("reachable").GetBoolean(), health.GetRawText());
        Assert.False(health.GetProperty("migrationsApplied").GetBoolean());
        Assert.False(string.IsNullOrEmpty(health.GetProperty("error").GetString()));
    }
}
