using System.Text;
using Microsoft.Extensions.Logging;

namespace RfmGraph.Platform.Redis;

/// <summary>
/// Redis pub/sub on a connection of its own (a subscribed connection accepts no other commands). Keeps the set of
/// channels wanted; when the connection breaks it reconnects with a growing pause (up to
/// <see cref="RedisOptions.MaxReconnectDelay"/>) and subscribes to all of them again. Messages published while it
/// was disconnected are lost — Redis pub/sub keeps nothing — so consumers must treat events as hints, not a log.
/// </summary>
public sealed class RedisSubscriber(RedisOptions options, Action<string, byte[]> onMessage, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _channels = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposing = new();
    private RedisConnection? _connection;

    /// <summary>How many times a broken connection has been replaced (for tests and diagnostics).</summary>
    public int Reconnections { get; private set; }

    /// <summary>Subscribes to <paramref name="channel"/> and returns once Redis has confirmed it.</summary>
    public async Task SubscribeAsync(string channel, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_channels.Add(channel) && _connection is { IsBroken: false })
            {
                return;
            }
            if (_connection is { IsBroken: false } connection)
            {
                await connection.ExecuteAsync(["SUBSCRIBE", channel], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ConnectAndResubscribeAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            _channels.Remove(channel);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops receiving <paramref name="channel"/>.</summary>
    public async Task UnsubscribeAsync(string channel, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_channels.Remove(channel) && _connection is { IsBroken: false } connection)
            {
                await connection.ExecuteAsync(["UNSUBSCRIBE", channel], cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RedisConnectionException)
        {
            // The channel is gone from the wanted set; a reconnect will not subscribe to it again.
        }
        finally
        {
            _gate.Release();
        }
    }

    // Caller holds _gate.
    private async Task ConnectAndResubscribeAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
        var connection = await RedisConnection.ConnectAsync(options, Deliver, cancellationToken).ConfigureAwait(false);
        try
        {
            // One SUBSCRIBE per channel: each gets exactly one confirmation, which keeps replies matched to commands.
            await Task.WhenAll(_channels.Select(channel => connection.ExecuteAsync(["SUBSCRIBE", channel], cancellationToken))).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        _connection = connection;
        _ = WatchAsync(connection);
    }

    private async Task WatchAsync(RedisConnection connection)
    {
        await connection.Completion.ConfigureAwait(false);
        var delay = TimeSpan.FromMilliseconds(100);
        while (!_disposing.IsCancellationRequested)
        {
            try
            {
                await _gate.WaitAsync(_disposing.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                if (_connection is not null && !ReferenceEquals(_connection, connection))
                {
                    return; // a subscriber call has replaced it already (null means an attempt of ours failed)
                }
                if (_channels.Count == 0)
                {
                    if (_connection is not null)
                    {
                        await _connection.DisposeAsync().ConfigureAwait(false);
                    }
                    _connection = null; // the next SubscribeAsync connects
                    return;
                }
                await ConnectAndResubscribeAsync(_disposing.Token).ConfigureAwait(false);
                Reconnections++;
                logger.LogWarning(
                    "Reconnected the Redis subscriber to {Host}:{Port} and resubscribed {Count} channel(s); events published meanwhile were lost.",
                    options.Host, options.Port, _channels.Count);
                return;
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisServerException)
            {
                logger.LogWarning("The Redis subscriber could not reconnect to {Host}:{Port} ({Reason}); retrying in {Delay} ms.",
                    options.Host, options.Port, ex.Message, (int)delay.TotalMilliseconds);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                _gate.Release();
            }

            try
            {
                await Task.Delay(delay, _disposing.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxReconnectDelay.Ticks));
        }
    }

    private void Deliver(RespValue push)
    {
        // ["message", channel, payload] or ["pmessage", pattern, channel, payload]; other pushes are not ours.
        if (push.Items is { Count: 3 } message && message[1].Bytes is { } channel && message[2].Bytes is { } payload)
        {
            onMessage(Encoding.UTF8.GetString(channel), payload);
        }
        else if (push.Items is { Count: 4 } patterned && patterned[2].Bytes is { } patternChannel && patterned[3].Bytes is { } patternPayload)
        {
            onMessage(Encoding.UTF8.GetString(patternChannel), patternPayload);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync().ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
