namespace RfmGraph.GraphQL.WebSockets;

/// <summary>The graphql-transport-ws server's limits and timers.</summary>
public sealed class GraphQLWebSocketOptions
{
    /// <summary>Accept WebSocket upgrades on the GraphQL path. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a new socket may wait before its <c>connection_init</c>; then it is closed with 4408. Default 10 s.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval of the server's <c>ping</c> messages after <c>connection_ack</c>; zero disables them. Default 15 s.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Back-pressure: the most messages queued for one socket. When the queue is full a producer (a running
    /// subscription) waits for room for at most <see cref="SlowClientTimeout"/>; if the client still does not read,
    /// the socket is closed with 1008 and every operation on it is stopped. Memory per socket is therefore bounded
    /// by this many messages. Default 64.
    /// </summary>
    public int MaxPendingMessages { get; set; } = 64;

    /// <summary>How long a producer waits for room in a full outgoing queue before the socket is closed. Default 5 s.</summary>
    public TimeSpan SlowClientTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest incoming message in bytes; a larger one closes the socket with 4400. Default 1 MiB.</summary>
    public int MaxMessageSize { get; set; } = 1024 * 1024;

    /// <summary>Most operations running at once on one socket; more close it with 4400. Default 100.</summary>
    public int MaxOperations { get; set; } = 100;
}
