using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace RfmGraph.Platform.Database;

/// <summary>
/// The one place that decides which PostgreSQL server this process uses: the configured
/// <c>ConnectionStrings:Rfm</c>, or else a private server started from the installed binaries
/// (stopped again when the container is disposed, i.e. when the Host stops).
/// </summary>
public sealed class DatabaseEndpoint(IOptions<DatabaseOptions> options, ILogger<DatabaseEndpoint> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EmbeddedPostgres? _embedded;
    private string? _connectionString;

    /// <summary>True when this process started (or joined) the embedded server.</summary>
    public bool IsEmbedded => _embedded is not null;

    /// <summary>The connection string in use.</summary>
    /// <exception cref="InvalidOperationException"><see cref="StartAsync"/> has not completed.</exception>
    public string ConnectionString => _connectionString
        ?? throw new InvalidOperationException("The database endpoint has not been started; DatabaseStartup runs first among the hosted services.");

    /// <summary>Resolves the server (idempotent): checks a configured one answers, or starts the embedded one.</summary>
    /// <exception cref="DatabaseUnavailableException">Neither works; the message says what to install or set.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is not null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connectionString is not null)
            {
                return;
            }

            var settings = options.Value;
            if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
            {
                await WaitForServerAsync(settings.ConnectionString, TimeSpan.FromSeconds(settings.ConnectTimeoutSeconds), cancellationToken);
                _connectionString = settings.ConnectionString;
                return;
            }

            var dataDirectory = Path.IsPathRooted(settings.EmbeddedDataDirectory)
                ? settings.EmbeddedDataDirectory
                : Path.Combine(RepositoryRoot.Find(), settings.EmbeddedDataDirectory);
            try
            {
                _embedded = await EmbeddedPostgres.StartAsync(
                    new EmbeddedPostgresOptions
                    {
                        DataDirectory = dataDirectory,
                        BinDirectory = string.IsNullOrWhiteSpace(settings.EmbeddedBinDirectory) ? null : settings.EmbeddedBinDirectory,
                    },
                    logger,
                    cancellationToken);
            }
            catch (EmbeddedPostgresException ex)
            {
                throw new DatabaseUnavailableException(
                    "No database: ConnectionStrings:Rfm (env RFMGRAPH__CONNECTIONSTRINGS__RFM) is not set and the embedded PostgreSQL " +
                    $"could not start ({FirstLine(ex.Message)}); install PostgreSQL 15+ server binaries (apt-get install postgresql) or set the connection string.",
                    ex);
            }

            _connectionString = _embedded.ConnectionString;
            logger.LogInformation("Using the embedded PostgreSQL on port {Port} (data {DataDirectory})", _embedded.Port, dataDirectory);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the embedded server if this process started it (idempotent); a configured server is left alone.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_embedded is not null)
            {
                await _embedded.DisposeAsync();
                _embedded = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    // The gate is deliberately not disposed: the host may still call StopAsync (through DatabaseStartup) after the
    // container has disposed this singleton, and a SemaphoreSlim whose wait handle was never used holds nothing
    // that needs releasing.
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitForServerAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new DatabaseUnavailableException($"ConnectionStrings:Rfm is not a valid PostgreSQL connection string ({ex.Message}); fix RFMGRAPH__CONNECTIONSTRINGS__RFM.", ex);
        }

        var deadline = DateTimeOffset.UtcNow + timeout;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && DateTimeOffset.UtcNow < deadline)
            {
                // A server in a neighbouring container may still be starting: retry until the deadline.
                logger.LogInformation("PostgreSQL at {Host}:{Port} is not answering yet (attempt {Attempt}): {Reason}", parsed.Host, parsed.Port, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                throw new DatabaseUnavailableException(
                    $"Cannot reach PostgreSQL at {parsed.Host}:{parsed.Port} database '{parsed.Database}' from ConnectionStrings:Rfm ({FirstLine(ex.Message)}); " +
                    "start that server, fix RFMGRAPH__CONNECTIONSTRINGS__RFM, or unset it to use the embedded PostgreSQL.",
                    ex);
            }
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).TrimEnd('.');
    }
}
