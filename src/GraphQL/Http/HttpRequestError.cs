namespace RfmGraph.GraphQL.Http;

/// <summary>A request the transport rejects before the engine sees it: a status code and a message for the errors list.</summary>
internal sealed record HttpRequestError(int StatusCode, string Message);
