using Npgsql;
using RfmGraph.Platform.Database;
using RfmGraph.Testing;

namespace RfmGraph.Platform.Tests;

public sealed class EmbeddedPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Server_answers_queries_on_its_loopback_port()
    {
        await using var connection = new NpgsqlConnection(postgres.Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int, inet_server_addr()::text", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetInt32(0) >= 150000, "PostgreSQL 15 or later");
        Assert.Equal("127.0.0.1/32", reader.GetString(1));
    }

    [Fact]
    public async Task A_second_start_on_the_same_data_directory_joins_the_running_server()
    {
        var data = Path.Combine(Path.GetTempPath(), "rfmgraph-join-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new EmbeddedPostgresOptions { DataDirectory = data, Ephemeral = true };
        await using (var first = await EmbeddedPostgres.StartAsync(options))
        {
            await using var second = await EmbeddedPostgres.StartAsync(options);
            Assert.Equal(first.Port, second.Port);
        }

        // Restarting after a clean stop reuses the cluster (no second initdb) and keeps its data.
        await using var restarted = await EmbeddedPostgres.StartAsync(options);
        await using var connection = new NpgsqlConnection(restarted.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal("rfmgraph", connection.Database);
    }
}
