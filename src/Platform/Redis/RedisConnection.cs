using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;

namespace RfmGraph.Platform.Redis;

/// <summary>
/// One TCP connection to Redis with pipelining: any number of callers may have commands in flight; each reply is
/// matched to its command by order (Redis answers in the order it receives). When the socket breaks, every waiting
/// command fails with <see cref="RedisConnectionException"/> and the connection is finished for good
/// (<see cref="Completion"/>); <see cref="RedisClient"/> and <see cref="RedisSubscriber"/> open a new one.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentQueue<TaskCompletionSource<RespValue>> _pending = new();
    private readonly Action<RespValue>? _onPush;
    private readonly Task _readLoop;
    private volatile Exception? _failure;

    private RedisConnection(Socket socket, Action<RespValue>? onPush)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024));
        _onPush = onPush;
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>Completes when the connection has broken or been disposed.</summary>
    public Task Completion => _readLoop;

    public bool IsBroken => _failure is not null || _readLoop.IsCompleted;

    /// <summary>
    /// Connects and authenticates. <paramref name="onPush"/> receives pub/sub deliveries (arrays starting with
    /// <c>message</c>/<c>pmessage</c>, and RESP3 pushes); without it, such replies would be taken for answers.
    /// </summary>
    public static async Task<RedisConnection> ConnectAsync(RedisOptions options, Action<RespValue>? onPush, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new RedisConnectionException(
                $"Could not connect to Redis at {options.Host}:{options.Port} within {options.ConnectTimeout.TotalSeconds:0.#} s: {ex.Message}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new RedisConnection(socket, onPush);
        if (options.Password is { Length: > 0 } password)
        {
            try
            {
                await connection.ExecuteAsync(["AUTH", password], cancellationToken).ConfigureAwait(false);
            }
            catch (RedisServerException ex)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw new RedisConnectionException($"Redis at {options.Host}:{options.Port} refused the password: {ex.Message}", ex);
            }
        }
        return connection;
    }

    /// <summary>Sends one command and waits for its reply; an error reply throws <see cref="RedisServerException"/>.</summary>
    public Task<RespValue> ExecuteAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var encoded = new ReadOnlyMemory<byte>[arguments.Count];
        for (var i = 0; i < encoded.Length; i++)
        {
            encoded[i] = Encoding.UTF8.GetBytes(arguments[i]);
        }
        return ExecuteAsync(encoded, cancellationToken);
    }

    /// <inheritdoc cref="ExecuteAsync(IReadOnlyList{string}, CancellationToken)"/>
    public async Task<RespValue> ExecuteAsync(IReadOnlyList<ReadOnlyMemory<byte>> arguments, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<RespValue>(TaskCreationOptions.RunContinuationsAsynchronously);
        var buffer = new ArrayBufferWriter<byte>(64);
        RespProtocol.WriteCommand(buffer, arguments);

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfBroken();
            // Queued under the write lock, so the queue's order is the order the bytes reach Redis.
            _pending.Enqueue(reply);
            if (_failure is { } failedMeanwhile)
            {
                // The read loop failed between the check and the enqueue and may have drained the queue already.
                reply.TrySetException(new RedisConnectionException(failedMeanwhile.Message, failedMeanwhile));
            }
            try
            {
                // Not cancellable once started: a half-written command would desynchronise the connection.
                await _stream.WriteAsync(buffer.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                Fail(new RedisConnectionException("The connection to Redis broke while sending a command.", ex));
            }
        }
        finally
        {
            _writeLock.Release();
        }

        // The reply still arrives (and is consumed) if this caller stops waiting.
        var value = await reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return value.Kind == RespKind.Error ? throw new RedisServerException(value.AsString() ?? "ERR") : value;
    }

    private void ThrowIfBroken()
    {
        if (_failure is { } failure)
        {
            throw new RedisConnectionException(failure.Message, failure);
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                var consumed = Consume(ref buffer);
                _reader.AdvanceTo(consumed, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    Fail(new RedisConnectionException("Redis closed the connection."));
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            Fail(ex as RedisConnectionException ?? new RedisConnectionException("The connection to Redis broke: " + ex.Message, ex));
        }
    }

    private SequencePosition Consume(ref ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (RespProtocol.TryParse(ref reader, out var value))
        {
            if (_onPush is not null && IsPush(value))
            {
                _onPush(value);
            }
            else if (_pending.TryDequeue(out var waiting))
            {
                waiting.TrySetResult(value);
            }
            else
            {
                throw new RedisConnectionException($"Redis sent a reply nobody asked for: {value}.");
            }
        }
        return reader.Position;
    }

    private static bool IsPush(RespValue value)
    {
        if (value.Kind == RespKind.Push)
        {
            return true;
        }
        if (value.Kind != RespKind.Array || value.Items is not [{ Bytes: { } kind }, ..])
        {
            return false;
        }
        return kind.AsSpan().SequenceEqual("message"u8) || kind.AsSpan().SequenceEqual("pmessage"u8);
    }

    private void Fail(Exception failure)
    {
        _failure ??= failure;
        while (_pending.TryDequeue(out var waiting))
        {
            waiting.TrySetException(new RedisConnectionException(_failure.Message, _failure));
        }
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Fail(new RedisConnectionException("The Redis connection was closed."));
        await _stream.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _readLoop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisConnectionException or IOException or ObjectDisposedException)
        {
            // The read loop ends with the socket; its error is the one already reported.
        }
        await _reader.CompleteAsync().ConfigureAwait(false);
        _writeLock.Dispose();
    }
}
