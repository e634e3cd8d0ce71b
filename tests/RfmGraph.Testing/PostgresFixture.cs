using Npgsql;
using RfmGraph.Platform.Database;
using Xunit;

namespace RfmGraph.Testing;

/// <summary>
/// A throw-away PostgreSQL server for one test collection: initdb into a temporary directory,
/// start on a free loopback port, delete everything on dispose. Each test asks for its own
/// database with <see cref="CreateDatabaseAsync"/> so tests do not see each other's rows.
/// When CI=true and the server cannot start, the fixture throws: tests fail, they never skip.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rfmgraph-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private EmbeddedPostgres? _server;
    private int _databases;

    /// <summary>The running server (after <see cref="InitializeAsync"/>).</summary>
    public EmbeddedPostgres Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public async Task InitializeAsync()
    {
        try
        {
            _server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
            {
                DataDirectory = Path.Combine(_root, "data"),
                Ephemeral = true,
            });
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                "The test PostgreSQL server could not start (tests that need it fail rather than skip" +
                (Environment.GetEnvironmentVariable("CI") == "true" ? ", CI=true" : string.Empty) + "): " + ex.Message, ex);
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(Server.ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        // Npgsql's 30 s command and 15 s connect timeouts only bound a failure in tests; a starved CI machine
        // (the whole suite at once on two cores) must not turn a slow statement into one.
        return new NpgsqlConnectionStringBuilder(Server.ConnectionStringFor(name)) { CommandTimeout = 300, Timeout = 60 }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A stale temp folder is harmless; the OS cleans /tmp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
