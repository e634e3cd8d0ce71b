using System.Globalization;
using Npgsql;
using RfmGraph.Testing;

namespace RfmGraph.Host.Tests.Cli;

/// <summary>The data verbs end to end: entry point, configuration, migrations, the Sales module, the console.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DataVerbTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Seed_demo_then_create_api_key_prints_a_key_that_verifies()
    {
        var database = await postgres.CreateDatabaseAsync("cli_seed");

        var seeded = await CommandLineTests.RunAsync(database, "seed-demo", "--customers", "40", "--seed", "7", "--business", "shop");
        var created = await CommandLineTests.RunAsync(database, "create-api-key", "--business", "shop", "--role", "integrator", "--name", "crm");

        Assert.Equal(0, seeded.ExitCode);
        Assert.Matches(@"^Business 'shop' \(id \d+\): \d+ storefronts, 40 customers, [\d,]+ sales in [\d.]+ s\.$", seeded.Output.Trim().Split('\n')[^1]);
        Assert.Equal(0, created.ExitCode);
        var key = created.Output.Trim();
        Assert.Matches("^rfm_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", key);
        Assert.Contains("It is shown only now", created.Error, StringComparison.Ordinal);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT k.business_key, k.role, k.name, k.business_id = b.id FROM platform.api_keys k JOIN sales.businesses b ON b.key = k.business_key", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("shop", "integrator", "crm", true), (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3)));
    }

    [Fact]
    public async Task Create_api_key_for_an_unknown_business_says_what_to_do()
    {
        var database = await postgres.CreateDatabaseAsync("cli_nobusiness");

        var (exitCode, output, error) = await CommandLineTests.RunAsync(database, "create-api-key", "--business", "ghost", "--role", "viewer");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal("No business 'ghost': import its sales or run seed-demo --business ghost first.", error.Trim());
    }

    [Fact]
    public async Task Import_sales_reports_counts_and_a_bad_file_writes_nothing()
    {
        var database = await postgres.CreateDatabaseAsync("cli_import");
        var good = await WriteCsvAsync(
            "sale_id,customer_id,ordered_at,amount",
            "s1,c1,2026-01-05T10:00:00Z,12.50",
            "s2,c1,2026-02-05T10:00:00Z,7.25",
            "s3,c2,2026-03-01T09:30:00+01:00,100");
        var bad = await WriteCsvAsync(
            "sale_id,customer_id,ordered_at,amount",
            "s4,c3,not-a-date,5.00");

        var imported = await CommandLineTests.RunAsync(database, "import", "sales", good, "--business", "importer");
        var refused = await CommandLineTests.RunAsync(database, "import", "sales", bad, "--business", "importer");

        Assert.Equal(0, imported.ExitCode);
        Assert.Matches(@"^Imported 3 rows into business 'importer' in [\d.]+ s \([\d,]+ rows/s\): 3 sales inserted, 0 updated, 2 customers and \d+ storefronts created\.$", imported.Output.Trim().Split('\n')[^1]);
        Assert.Equal(1, refused.ExitCode);
        var lines = refused.Error.Trim().Split(Environment.NewLine);
        Assert.Equal($"{Path.GetFileName(bad)}: 1 problem(s); nothing was imported.", lines[0]);
        Assert.StartsWith("  line 2, ordered_at: ", lines[1], StringComparison.Ordinal);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM sales.sales", connection);
        Assert.Equal(3L, await count.ExecuteScalarAsync());
        File.Delete(good);
        File.Delete(bad);
    }

    private static async Task<string> WriteCsvAsync(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rfmgraph-cli-{Guid.NewGuid().ToString("N")[..8]}.csv");
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
