using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Http;

namespace RfmGraph.GraphQL.WebSockets;

/// <summary>
/// One graphql-transport-ws connection: a receive loop that applies the protocol, one task per operation, and a
/// single writer draining a bounded outgoing queue (back-pressure: see <see cref="GraphQLWebSocketOptions.MaxPendingMessages"/>).
/// </summary>
internal sealed partial class GraphQLWebSocketSession : IAsyncDisposable
{
    private const int Fresh = 0;
    private const int Initialising = 1;
    private const int Acknowledged = 2;

    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly GraphQLExecutor _executor;
    private readonly GraphQLWebSocketOptions _options;
    private readonly IGraphQLConnectionInitializer? _initializer;
    private readonly ILogger _logger;
    private readonly Channel<byte[]> _outgoing;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly CancellationTokenSource _lifetime;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
    private int _state;
    private int _closing;
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public GraphQLWebSocketSession(WebSocket socket, HttpContext context, GraphQLExecutor executor, GraphQLWebSocketOptions options, IGraphQLConnectionInitializer? initializer, ILogger logger)
    {
        _socket = socket;
        _context = context;
        _executor = executor;
        _options = options;
        _initializer = initializer;
        _logger = logger;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        _outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(Math.Max(1, options.MaxPendingMessages))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    private string TraceId => GraphQLHttpHandler.TraceId(_context);

    public async Task RunAsync()
    {
        var writer = WriteLoopAsync();
        _ = InitTimeoutAsync();
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _lifetime.CancelAsync().ConfigureAwait(false);
            _outgoing.Writer.TryComplete();
            foreach (var operation in _operations.Values)
            {
                await CancelQuietlyAsync(operation).ConfigureAwait(false);
            }
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or WebSocketException)
            {
                // The socket went away while writing; nothing is left to tell the client.
            }
        }
    }

    /// <summary>Closes the socket with a protocol close code; later messages from the client are ignored.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }
        LogClosing(_logger, code, reason, TraceId);
        foreach (var operation in _operations.Values)
        {
            await CancelQuietlyAsync(operation).ConfigureAwait(false);
        }
        _outgoing.Writer.TryComplete();
        // The writer may be stuck sending to a client that does not read: wait a little, then give up on a clean close.
        if (!await _sendGate.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false))
        {
            _socket.Abort();
            return;
        }
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
            _socket.Abort();
        }
        finally
        {
            _sendGate.Release();
        }
        // Give the client a moment to answer the close frame, then end the connection regardless.
        _ = Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => _socket.Abort(), TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        _lifetime.Dispose();
        _sendGate.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        // Read at most one byte more than the limit: that byte is how a message over it is recognised, whatever
        // sizes the pool hands out (a rented array may be larger than asked for).
        var cap = _options.MaxMessageSize == int.MaxValue ? int.MaxValue : _options.MaxMessageSize + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(4096, cap));
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    var room = Math.Min(buffer.Length, cap);
                    if (length == room)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, cap));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                        room = Math.Min(buffer.Length, cap);
                    }
                    received = await _socket.ReceiveAsync(buffer.AsMemory(length, room - length), _context.RequestAborted).ConfigureAwait(false);
                    length += received.Count;
                    if (length > _options.MaxMessageSize)
                    {
                        await CloseAsync(CloseCodes.BadRequest, "Message too large").ConfigureAwait(false);
                        await DrainUntilClosedAsync(buffer).ConfigureAwait(false);
                        return;
                    }
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync((int)(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "Bye").ConfigureAwait(false);
                    return;
                }
                if (Volatile.Read(ref _closing) == 1)
                {
                    continue;
                }
                await HandleMessageAsync(buffer.AsMemory(0, length), received.MessageType).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
            // The client vanished (or the server is stopping): the finally in RunAsync stops every operation.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task DrainUntilClosedAsync(byte[] buffer)
    {
        while (_socket.State == WebSocketState.Open || _socket.State == WebSocketState.CloseSent)
        {
            var received = await _socket.ReceiveAsync(buffer.AsMemory(), _context.RequestAborted).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> bytes, WebSocketMessageType type)
    {
        ProtocolMessage message;
        if (type != WebSocketMessageType.Text || !ProtocolMessage.TryParse(bytes.Span, out message))
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
            return;
        }
        switch (message.Type)
        {
            case "connection_init":
                await InitialiseAsync(message).ConfigureAwait(false);
                break;
            case "ping":
                await SendAsync(ProtocolMessage.Pong()).ConfigureAwait(false);
                break;
            case "pong":
                break;
            case "subscribe":
                await SubscribeAsync(message).ConfigureAwait(false);
                break;
            case "complete":
                if (message.Id is not null && _operations.TryRemove(message.Id, out var operation))
                {
                    await CancelQuietlyAsync(operation).ConfigureAwait(false);
                }
                break;
            default:
                await CloseAsync(CloseCodes.BadRequest, $"Invalid message type \"{message.Type}\"").ConfigureAwait(false);
                break;
        }
    }

    private async Task InitialiseAsync(ProtocolMessage message)
    {
        if (Interlocked.CompareExchange(ref _state, Initialising, Fresh) != Fresh)
        {
            await CloseAsync(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests").ConfigureAwait(false);
            return;
        }
        if (message.HasInvalidPayload)
        {
            await CloseAsync(CloseCodes.BadRequest, "The connection_init payload must be an object").ConfigureAwait(false);
            return;
        }
        if (_initializer is not null)
        {
            ClaimsPrincipal? user;
            try
            {
                user = await _initializer.AuthenticateAsync(_context, message.Payload, _lifetime.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogInitFailed(_logger, error, TraceId);
                user = null;
            }
            if (user is null)
            {
                await CloseAsync(CloseCodes.Forbidden, "Forbidden").ConfigureAwait(false);
                return;
            }
            _user = user;
        }
        else
        {
            _user = _context.User;
        }
        Volatile.Write(ref _state, Acknowledged);
        await SendAsync(ProtocolMessage.ConnectionAck()).ConfigureAwait(false);
        if (_options.KeepAliveInterval > TimeSpan.Zero)
        {
            _ = KeepAliveAsync();
        }
    }

    private async Task SubscribeAsync(ProtocolMessage message)
    {
        if (Volatile.Read(ref _state) != Acknowledged)
        {
            await CloseAsync(CloseCodes.Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }
        if (message.Id is null || message.Request is null)
        {
            await CloseAsync(CloseCodes.BadRequest, "A subscribe message needs an id and a payload with a query").ConfigureAwait(false);
            return;
        }
        if (_operations.Count >= _options.MaxOperations)
        {
            await CloseAsync(CloseCodes.BadRequest, $"More than {_options.MaxOperations} operations at once").ConfigureAwait(false);
            return;
        }
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        if (!_operations.TryAdd(message.Id, cancellation))
        {
            cancellation.Dispose();
            await CloseAsync(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {message.Id} already exists").ConfigureAwait(false);
            return;
        }
        _ = RunOperationAsync(message.Id, message.Request, cancellation);
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, CancellationTokenSource cancellation)
    {
        var token = cancellation.Token;
        try
        {
            await using var scope = _context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            if (_initializer is not null)
            {
                await _initializer.InitializeOperationScopeAsync(scope.ServiceProvider, _user, token).ConfigureAwait(false);
            }
            var context = new RequestContext(scope.ServiceProvider, _user, TraceId);
            var subscription = await _executor.SubscribeAsync(request, context, token).ConfigureAwait(false);
            if (subscription.Stream is null)
            {
                var result = subscription.Error!;
                if (result.HasData)
                {
                    await SendAsync(ProtocolMessage.Next(id, result), token).ConfigureAwait(false);
                }
                else
                {
                    await SendAsync(ProtocolMessage.Error(id, result.Errors), token).ConfigureAwait(false);
                    return;
                }
            }
            else
            {
                await foreach (var result in subscription.Stream.WithCancellation(token).ConfigureAwait(false))
                {
                    await SendAsync(ProtocolMessage.Next(id, result), token).ConfigureAwait(false);
                }
            }
            if (!token.IsCancellationRequested)
            {
                await SendAsync(ProtocolMessage.Complete(id), token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Completed by the client, or the socket closed: the protocol wants no further message for this id.
        }
        catch (SlowClientException)
        {
            await CloseAsync(CloseCodes.SlowClient, "Client does not read its messages fast enough").ConfigureAwait(false);
        }
        catch (Exception error)
        {
            LogOperationFailed(_logger, error, id, TraceId);
            if (!token.IsCancellationRequested)
            {
                var message = _executor.Options.MaskUnexpectedErrors ? "Unexpected Execution Error" : error.Message;
                _outgoing.Writer.TryWrite(ProtocolMessage.Error(id, [new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = "INTERNAL_SERVER_ERROR" })]));
            }
        }
        finally
        {
            if (_operations.TryGetValue(id, out var current) && ReferenceEquals(current, cancellation))
            {
                _operations.TryRemove(id, out _);
            }
            cancellation.Dispose();
        }
    }

    /// <summary>Queues a message; waits for room at most <see cref="GraphQLWebSocketOptions.SlowClientTimeout"/>.</summary>
    private async ValueTask SendAsync(byte[] message, CancellationToken cancellationToken = default)
    {
        if (_outgoing.Writer.TryWrite(message))
        {
            return;
        }
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        wait.CancelAfter(_options.SlowClientTimeout);
        try
        {
            await _outgoing.Writer.WriteAsync(message, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_lifetime.IsCancellationRequested)
        {
            throw new SlowClientException();
        }
        catch (ChannelClosedException)
        {
            // The socket is closing; the message has no one to go to.
        }
    }

    private async Task WriteLoopAsync()
    {
        await foreach (var message in _outgoing.Reader.ReadAllAsync(_lifetime.Token).ConfigureAwait(false))
        {
            await _sendGate.WaitAsync(_lifetime.Token).ConfigureAwait(false);
            try
            {
                if (Volatile.Read(ref _closing) == 1)
                {
                    return;
                }
                await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendGate.Release();
            }
        }
    }

    private async Task InitTimeoutAsync()
    {
        try
        {
            await Task.Delay(_options.ConnectionInitTimeout, _lifetime.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (Volatile.Read(ref _state) == Fresh)
        {
            await CloseAsync(CloseCodes.ConnectionInitTimeout, "Connection initialisation timeout").ConfigureAwait(false);
        }
    }

    private async Task KeepAliveAsync()
    {
        using var timer = new PeriodicTimer(_options.KeepAliveInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_lifetime.Token).ConfigureAwait(false))
            {
                // A ping never waits: a client whose queue is full is already being handled by back-pressure.
                _outgoing.Writer.TryWrite(ProtocolMessage.Ping());
            }
        }
        catch (OperationCanceledException)
        {
            // The socket closed.
        }
    }

    private static async Task CancelQuietlyAsync(CancellationTokenSource operation)
    {
        try
        {
            await operation.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The operation finished at the same moment.
        }
    }

    private sealed class SlowClientException : Exception;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing GraphQL WebSocket with {Code} {Reason} (trace {TraceId})")]
    private static partial void LogClosing(ILogger logger, int code, string reason, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket credentials check failed (trace {TraceId})")]
    private static partial void LogInitFailed(ILogger logger, Exception error, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket operation {OperationId} failed (trace {TraceId})")]
    private static partial void LogOperationFailed(ILogger logger, Exception error, string operationId, string traceId);
}
