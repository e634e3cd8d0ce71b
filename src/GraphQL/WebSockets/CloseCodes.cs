namespace RfmGraph.GraphQL.WebSockets;

/// <summary>The close codes of the graphql-transport-ws protocol (plus the back-pressure one of this server).</summary>
internal static class CloseCodes
{
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;
    public const int InternalServerError = 4500;

    /// <summary>WebSocket "policy violation": the client did not read its messages (see GraphQLWebSocketOptions.MaxPendingMessages).</summary>
    public const int SlowClient = 1008;

    public const string Protocol = "graphql-transport-ws";
}
