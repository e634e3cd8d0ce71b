using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Http;

namespace RfmGraph.GraphQL.WebSockets;

/// <summary>Accepts a WebSocket upgrade on the GraphQL path and runs one graphql-transport-ws session on it.</summary>
internal static class GraphQLWebSocketEndpoint
{
    public static async Task AcceptAsync(HttpContext context, GraphQLExecutor executor, GraphQLHttpOptions options, ILogger logger)
    {
        if (!options.WebSockets.Enabled)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var initializer = context.RequestServices.GetService<IGraphQLConnectionInitializer>();
        // Without a credentials hook the upgrade request itself must pass the endpoint's policy (headers, cookies).
        if (initializer is null && !await GraphQLHttpHandler.AuthorizeAsync(context, options.AuthorizationPolicy).ConfigureAwait(false))
        {
            return;
        }
        var requested = context.WebSockets.WebSocketRequestedProtocols;
        var speaksProtocol = requested.Contains(CloseCodes.Protocol, StringComparer.Ordinal);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(speaksProtocol ? CloseCodes.Protocol : null).ConfigureAwait(false);
        await using var session = new GraphQLWebSocketSession(socket, context, executor, options.WebSockets, initializer, logger);
        if (!speaksProtocol)
        {
            await session.CloseAsync(CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable").ConfigureAwait(false);
            return;
        }
        await session.RunAsync().ConfigureAwait(false);
    }
}
