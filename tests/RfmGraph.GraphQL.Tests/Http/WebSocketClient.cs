using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace RfmGraph.GraphQL.Tests.Http;

/// <summary>A bare graphql-transport-ws client for protocol tests: send text, read messages, observe the close.</summary>
internal sealed class WebSocketClient : IAsyncDisposable
{
    /// <summary>
    /// How long a connect or a receive may take before the test fails. It only bounds a failure (a message that
    /// never comes), so it is generous: a loaded CI machine must not turn a slow answer into a failure.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ClientWebSocket _socket = new();

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<WebSocketClient> ConnectAsync(Uri address, string? subprotocol = "graphql-transport-ws")
    {
        var client = new WebSocketClient();
        if (subprotocol is not null)
        {
            client._socket.Options.AddSubProtocol(subprotocol);
        }
        using var timeout = new CancellationTokenSource(Patience);
        await client._socket.ConnectAsync(address, timeout.Token);
        return client;
    }

    public static async Task<WebSocketClient> ConnectAcknowledgedAsync(Uri address)
    {
        var client = await ConnectAsync(address);
        await client.SendAsync("""{"type":"connection_init","payload":{"token":"good-token"}}""");
        Assert.Equal("""{"type":"connection_ack"}""", await client.ReceiveAsync());
        return client;
    }

    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next text message, or null when the server closed the socket instead.</summary>
    public async Task<string?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellation.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>Reads (and discards) messages until the server closes; returns the close code.</summary>
    public async Task<int> ClosedWithAsync(TimeSpan? timeout = null)
    {
        while (await ReceiveAsync(timeout) is not null)
        {
        }
        return (int)_socket.CloseStatus!.Value;
    }

    public static string TypeOf(string message)
    {
        using var document = JsonDocument.Parse(message);
        return document.RootElement.GetProperty("type").GetString()!;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
