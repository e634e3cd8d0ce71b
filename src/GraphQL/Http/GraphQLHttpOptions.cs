using RfmGraph.GraphQL.WebSockets;

namespace RfmGraph.GraphQL.Http;

/// <summary>How <c>MapGraphQL</c> serves GraphQL over HTTP and WebSocket.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Largest accepted request body in bytes; larger bodies get 413. Default 1 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>Whether queries may be sent with GET (mutations over GET always get 405). Default true.</summary>
    public bool EnableGetRequests { get; set; } = true;

    /// <summary>
    /// The authorization policy a request must satisfy to execute operations (HTTP) and to be handed the
    /// schema text. Null uses the application's fallback policy (none when the app has no authorization).
    /// The GraphiQL page and its assets are always anonymous: the page holds no data, and its user pastes a token.
    /// </summary>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>Serve the GraphiQL page at the endpoint when a browser asks for text/html. Default true.</summary>
    public bool EnableGraphiQL { get; set; } = true;

    /// <summary>
    /// The folder holding the GraphiQL assets (copied to the build output's <c>graphiql</c> folder by the build).
    /// Default: <c>graphiql</c> next to the application's binaries.
    /// </summary>
    public string GraphiQLAssetsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "graphiql");

    /// <summary>The headers the GraphiQL page starts with (a JSON object), e.g. an Authorization placeholder.</summary>
    public string GraphiQLDefaultHeaders { get; set; } = "{\n  \"Authorization\": \"Bearer <paste a token here>\"\n}";

    /// <summary>Serve the schema's SDL at <c>{pattern}/schema.graphql</c>. Default true.</summary>
    public bool EnableSchemaEndpoint { get; set; } = true;

    /// <summary>graphql-transport-ws settings; the protocol is served on the same path.</summary>
    public GraphQLWebSocketOptions WebSockets { get; } = new();
}
