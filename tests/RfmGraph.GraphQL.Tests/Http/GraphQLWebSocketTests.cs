using System.Net.WebSockets;

namespace RfmGraph.GraphQL.Tests.Http;

/// <summary>graphql-transport-ws as served by MapGraphQL: the happy paths, every close code, and back-pressure.</summary>
public sealed class GraphQLWebSocketTests(TestGraphQLServer server) : IClassFixture<TestGraphQLServer>
{
    [Fact]
    public async Task A_subscription_streams_next_messages_then_complete()
    {
        await using var socket = await WebSocketClient.ConnectAcknowledgedAsync(server.WebSocketAddress);
        await socket.SendAsync("""{"id":"c","type":"subscribe","payload":{"query":"subscription { countdown(from: 3) }"}}""");
        Assert.Equal("""{"id":"c","type":"next","payload":{"data":{"countdown":3}}}""", await socket.ReceiveAsync());
        Assert.Equal("""{"id":"c","type":"next","payload":{"data":{"countdown":2}}}""", await socket.ReceiveAsync());
        Assert.Equal("""{"id":"c","type":"next","payload":{"data":{"countdown":1}}}""", await socket.ReceiveAsync());
        Assert.Equal("""{"id":"c","type":"complete"}""", await socket.ReceiveAsync());
    }

    [Fact]
    public async Task Topic_events_reach_subscribers_until_the_client_completes()
    {
        await using var socket = await WebSocketClient.ConnectAcknowledgedAsync(server.WebSocketAddress);
        await socket.SendAsync("""{"id":"t","type":"subscribe","payload":{"query":"subscription ($topic: String!) { messages(topic: $topic) }","variables":{"topic":"news"}}}""");
        await WaitUntilAsync(() => server.Topics.SubscriberCount("news") == 1);
        await server.Topics.PublishAsync("news", "first");
        await server.Topics.PublishAsync("news", "second");
        Assert.Equal("""{"id":"t","type":"next","payload":{"data":{"messages":"first"}}}""", await socket.ReceiveAsync());
        Assert.Equal("""{"id":"t","type":"next","payload":{"data":{"messages":"second"}}}""", await socket.ReceiveAsync());

        await socket.SendAsync("""{"id":"t","type":"complete"}""");
        await WaitUntilAsync(() => server.Topics.SubscriberCount("news") == 0);
        await socket.SendAsync("""{"type":"ping"}""");
        Assert.Equal("""{"type":"pong"}""", await socket.ReceiveAsync());
    }

    [Fact]
    public async Task Queries_and_mutations_run_over_the_socket_as_the_connection_user()
    {
        await using var socket = await WebSocketClient.ConnectAcknowledgedAsync(server.WebSocketAddress);
        await socket.SendAsync("""{"id":"q","type":"subscribe","payload":{"query":"{ viewer }"}}""");
        Assert.Equal("""{"id":"q","type":"next","payload":{"data":{"viewer":"socket-user"}}}""", await socket.ReceiveAsync());
        Assert.Equal("""{"id":"q","type":"complete"}""", await socket.ReceiveAsync());
        await socket.SendAsync("""{"id":"m","type":"subscribe","payload":{"query":"mutation { echo(text: \"hi\") }"}}""");
        Assert.Equal("""{"id":"m","type":"next","payload":{"data":{"echo":"hi"}}}""", await socket.ReceiveAsync());
        Assert.Equal("""{"id":"m","type":"complete"}""", await socket.ReceiveAsync());
    }

    [Fact]
    public async Task An_invalid_operation_gets_an_error_message_and_the_socket_stays_open()
    {
        await using var socket = await WebSocketClient.ConnectAcknowledgedAsync(server.WebSocketAddress);
        await socket.SendAsync("""{"id":"e","type":"subscribe","payload":{"query":"subscription { noSuchField }"}}""");
        var error = await socket.ReceiveAsync();
        Assert.StartsWith("""{"id":"e","type":"error","payload":[{"message":"Cannot query field \"noSuchField\" on type \"Subscription\".""", error, StringComparison.Ordinal);
        await socket.SendAsync("""{"type":"ping"}""");
        Assert.Equal("""{"type":"pong"}""", await socket.ReceiveAsync());
    }

    [Theory]
    [InlineData("this is not json", 4400)]
    [InlineData("""{"type":"launch_rockets"}""", 4400)]
    [InlineData("""{"id":1,"type":"subscribe","payload":{"query":"{ hello }"}}""", 4400)]
    [InlineData("""{"id":"x","type":"subscribe","payload":{"noquery":true}}""", 4400)]
    [InlineData("""{"type":"connection_init","payload":{"token":"good-token"}}""", 4429)]
    public async Task Protocol_violations_after_ack_close_the_socket(string message, int code)
    {
        await using var socket = await WebSocketClient.ConnectAcknowledgedAsync(server.WebSocketAddress);
        await socket.SendAsync(message);
        Assert.Equal(code, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task A_message_of_the_maximum_size_is_read_and_one_byte_more_is_4400()
    {
        await using var socket = await WebSocketClient.ConnectAcknowledgedAsync(server.WebSocketAddress);
        await socket.SendAsync(PingOfLength(TestGraphQLServer.MaxSocketMessageSize));
        Assert.Equal("""{"type":"pong"}""", await socket.ReceiveAsync());

        await socket.SendAsync(PingOfLength(TestGraphQLServer.MaxSocketMessageSize + 1));
        Assert.Equal(4400, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task More_operations_at_once_than_the_maximum_is_4400()
    {
        await using var socket = await WebSocketClient.ConnectAcknowledgedAsync(server.WebSocketAddress);
        for (var i = 0; i < TestGraphQLServer.MaxSocketOperations; i++)
        {
            await socket.SendAsync(IdleSubscription("q" + i));
        }
        // Still open with the maximum running.
        await socket.SendAsync("""{"type":"ping"}""");
        Assert.Equal("""{"type":"pong"}""", await socket.ReceiveAsync());

        await socket.SendAsync(IdleSubscription("one-too-many"));
        Assert.Equal(4400, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task Subscribe_before_connection_ack_is_4401()
    {
        await using var socket = await WebSocketClient.ConnectAsync(server.WebSocketAddress);
        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ hello }"}}""");
        Assert.Equal(4401, await socket.ClosedWithAsync());
    }

    [Theory]
    [InlineData("""{"type":"connection_init","payload":{"token":"bad"}}""")]
    [InlineData("""{"type":"connection_init"}""")]
    public async Task Bad_or_missing_credentials_are_4403(string init)
    {
        await using var socket = await WebSocketClient.ConnectAsync(server.WebSocketAddress);
        await socket.SendAsync(init);
        Assert.Equal(4403, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task No_connection_init_within_the_timeout_is_4408()
    {
        // A server of its own with a short init timeout (the shared one is generous so that slow handshakes on a
        // busy machine are not cut off); the wait for the close only bounds a failure.
        var quick = new TestGraphQLServer { ConnectionInitTimeout = TimeSpan.FromMilliseconds(200) };
        await quick.InitializeAsync();
        try
        {
            await using var socket = await WebSocketClient.ConnectAsync(quick.WebSocketAddress);
            Assert.Equal(4408, await socket.ClosedWithAsync());
        }
        finally
        {
            await quick.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_second_subscribe_with_a_running_id_is_4409()
    {
        await using var socket = await WebSocketClient.ConnectAcknowledgedAsync(server.WebSocketAddress);
        const string Subscribe = """{"id":"dup","type":"subscribe","payload":{"query":"subscription { messages(topic: \"quiet\") }"}}""";
        await socket.SendAsync(Subscribe);
        await socket.SendAsync(Subscribe);
        Assert.Equal(4409, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task A_socket_without_the_subprotocol_is_4406()
    {
        await using var socket = await WebSocketClient.ConnectAsync(server.WebSocketAddress, subprotocol: null);
        Assert.Equal(4406, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_disconnected_and_its_subscription_stopped()
    {
        server.Flood.Reset();
        await using var socket = await WebSocketClient.ConnectAcknowledgedAsync(server.WebSocketAddress);
        await socket.SendAsync("""{"id":"f","type":"subscribe","payload":{"query":"subscription { flood(size: 65536) }"}}""");

        // Never read: the kernel's socket buffers fill, then the 4-message queue, then the 300 ms grace period ends.
        var stopped = await Task.WhenAny(server.Flood.Stopped.Task, Task.Delay(WebSocketClient.Patience));
        Assert.Same(server.Flood.Stopped.Task, stopped);
        var producedAtStop = server.Flood.Produced;
        await Task.Delay(300);
        Assert.Equal(producedAtStop, server.Flood.Produced);

        // What was queued when the server gave up is never sent; then the connection ends.
        var received = 0;
        try
        {
            while (await socket.ReceiveAsync() is not null)
            {
                received++;
            }
        }
        catch (WebSocketException)
        {
            // Aborted by the server after the close frame could not be sent.
        }
        Assert.True(received < producedAtStop, $"received {received} of {producedAtStop} produced");
    }

    private static string IdleSubscription(string id) =>
        "{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { messages(topic: \\\"idle\\\") }\"}}";

    /// <summary>A ping whose UTF-8 text is exactly <paramref name="length"/> bytes (padding in its optional payload).</summary>
    private static string PingOfLength(int length)
    {
        const string Head = "{\"type\":\"ping\",\"payload\":{\"pad\":\"";
        const string Tail = "\"}}";
        var text = Head + new string('x', length - Head.Length - Tail.Length) + Tail;
        Assert.Equal(length, System.Text.Encoding.UTF8.GetByteCount(text));
        return text;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // The deadline only bounds a failure: on a loaded machine the server may take seconds to get there.
        var deadline = DateTime.UtcNow + WebSocketClient.Patience;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }
        Assert.True(condition());
    }
}
