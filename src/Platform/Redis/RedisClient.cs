using Microsoft.Extensions.Logging;

namespace RfmGraph.Platform.Redis;

/// <summary>
/// Commands to Redis over one shared, pipelined connection, opened on first use and reopened on the next command
/// after it breaks. A command that was in flight when the connection broke fails (it may or may not have run);
/// a command that could not even connect fails with the reason. Thread-safe; one per process.
/// </summary>
public sealed class RedisClient(RedisOptions options, ILogger<RedisClient> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private RedisConnection? _connection;
    private bool _disposed;

    public RedisOptions Options => options;

    /// <summary>Runs one command (e.g. <c>["SET", "k", "v", "PX", "1000"]</c>) and returns its reply.</summary>
    public async Task<RespValue> ExecuteAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var connection = await GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(arguments, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one command whose arguments are bytes (values stored as they are).</summary>
    public async Task<RespValue> ExecuteAsync(IReadOnlyList<ReadOnlyMemory<byte>> arguments, CancellationToken cancellationToken = default)
    {
        var connection = await GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(arguments, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<RedisConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        var current = _connection;
        if (current is { IsBroken: false })
        {
            return current;
        }

        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is { IsBroken: false } other)
            {
                return other;
            }
            if (_connection is not null)
            {
                logger.LogWarning("The connection to Redis at {Host}:{Port} broke; reconnecting.", options.Host, options.Port);
                await _connection.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }
            _connection = await RedisConnection.ConnectAsync(options, onPush: null, cancellationToken).ConfigureAwait(false);
            return _connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connectLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }
        }
        finally
        {
            _connectLock.Release();
        }
    }
}
