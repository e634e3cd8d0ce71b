namespace RfmGraph.GraphQL.Tests.Http;

/// <summary>graphql-transport-ws keep-alive: after connection_ack the server pings on its interval, also while idle.</summary>
public sealed class WebSocketKeepAliveTests
{
    [Fact]
    public async Task The_server_pings_an_acknowledged_socket_on_its_interval_and_keeps_it_open()
    {
        // A generous init timeout: this test is about what happens after connection_ack (the 4408 path before it
        // has its own test), and a loaded machine must not turn a slow handshake into a failure.
        var server = new TestGraphQLServer { KeepAliveInterval = TimeSpan.FromMilliseconds(150), ConnectionInitTimeout = TimeSpan.FromSeconds(30) };
        await server.InitializeAsync();
        try
        {
            await using var socket = await WebSocketClient.ConnectAcknowledgedAsync(server.WebSocketAddress);
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal("""{"type":"ping"}""", await socket.ReceiveAsync());
                if (i % 2 == 0)
                {
                    // The protocol lets the client answer or not; both keep the socket alive.
                    await socket.SendAsync("""{"type":"pong"}""");
                }
            }

            // Operations interleave with the pings and the socket is still fully usable.
            await socket.SendAsync("""{"id":"q","type":"subscribe","payload":{"query":"{ hello }"}}""");
            var seen = new List<string>();
            while (seen.Count(m => m.Contains("\"id\":\"q\"", StringComparison.Ordinal)) < 2)
            {
                seen.Add((await socket.ReceiveAsync())!);
            }
            Assert.Equal(
                ["""{"id":"q","type":"next","payload":{"data":{"hello":"Hello, world!"}}}""", """{"id":"q","type":"complete"}"""],
                seen.Where(m => m != """{"type":"ping"}"""));
            Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
