using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using RfmGraph.Platform.Database;
using RfmGraph.Testing;

namespace RfmGraph.Platform.Tests.Database;

public sealed class DatabaseEndpointTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_configured_server_is_used_and_nothing_is_started()
    {
        var database = await postgres.CreateDatabaseAsync("endpoint");
        await using var endpoint = new DatabaseEndpoint(
            Options.Create(new DatabaseOptions { ConnectionString = database, EmbeddedDataDirectory = "/nonexistent/never-created" }),
            NullLogger<DatabaseEndpoint>.Instance);

        await endpoint.StartAsync(CancellationToken.None);

        Assert.Equal(database, endpoint.ConnectionString);
        Assert.False(endpoint.IsEmbedded);
        Assert.False(Directory.Exists("/nonexistent/never-created"));
    }

    [Fact]
    public async Task An_unreachable_configured_server_fails_with_one_actionable_sentence()
    {
        var port = FreePort();
        await using var endpoint = new DatabaseEndpoint(
            Options.Create(new DatabaseOptions { ConnectionString = $"Host=127.0.0.1;Port={port};Database=rfm;Username=rfm;Timeout=2", ConnectTimeoutSeconds = 0 }),
            NullLogger<DatabaseEndpoint>.Instance);

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => endpoint.StartAsync(CancellationToken.None));

        Assert.StartsWith($"Cannot reach PostgreSQL at 127.0.0.1:{port} database 'rfm' from ConnectionStrings:Rfm (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; start that server, fix RFMGRAPH__CONNECTIONSTRINGS__RFM, or unset it to use the embedded PostgreSQL.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Without_binaries_or_connection_string_it_says_what_to_install_or_set()
    {
        var empty = Directory.CreateTempSubdirectory("rfmgraph-nobin-");
        await using var endpoint = new DatabaseEndpoint(
            Options.Create(new DatabaseOptions
            {
                EmbeddedBinDirectory = empty.FullName,
                EmbeddedDataDirectory = Path.Combine(empty.FullName, "data"),
            }),
            NullLogger<DatabaseEndpoint>.Instance);

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => endpoint.StartAsync(CancellationToken.None));

        Assert.StartsWith("No database: ConnectionStrings:Rfm (env RFMGRAPH__CONNECTIONSTRINGS__RFM) is not set and the embedded PostgreSQL could not start (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; install PostgreSQL 15+ server binaries (apt-get install postgresql) or set the connection string.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        empty.Delete(recursive: true);
    }

    [Fact]
    public async Task The_data_source_is_one_singleton_over_the_endpoint()
    {
        var database = await postgres.CreateDatabaseAsync("datasource");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Rfm"] = database })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddRfmDatabase(configuration);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseEndpoint>().StartAsync(CancellationToken.None);

        var first = provider.GetRequiredService<NpgsqlDataSource>();
        var second = provider.GetRequiredService<System.Data.Common.DbDataSource>();
        Assert.Same(first, second);
        await using var command = first.CreateCommand("SELECT current_database()");
        Assert.Equal(new NpgsqlConnectionStringBuilder(database).Database, await command.ExecuteScalarAsync());
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
