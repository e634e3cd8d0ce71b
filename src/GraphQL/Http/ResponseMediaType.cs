namespace RfmGraph.GraphQL.Http;

/// <summary>The two media types a GraphQL-over-HTTP response may have (spec "Legacy Watershed").</summary>
internal enum ResponseMediaType
{
    /// <summary>Nothing the client accepts: 406.</summary>
    None,

    /// <summary><c>application/json</c>: request errors still answer 200 (legacy clients).</summary>
    Json,

    /// <summary><c>application/graphql-response+json</c>: request errors answer 4xx.</summary>
    GraphQLResponse,
}

internal static class MediaTypeNames
{
    public const string Json = "application/json; charset=utf-8";
    public const string GraphQLResponse = "application/graphql-response+json; charset=utf-8";

    public static string For(ResponseMediaType type) => type == ResponseMediaType.GraphQLResponse ? GraphQLResponse : Json;
}
