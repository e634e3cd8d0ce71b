using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Http;

/// <summary>Maps the GraphQL endpoint: GraphQL over HTTP, graphql-transport-ws, the GraphiQL page and the SDL.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the <see cref="GraphQLExecutor"/> registered in DI at <paramref name="pattern"/>:
    /// POST/GET GraphQL over HTTP, WebSocket upgrades (graphql-transport-ws; the app must call
    /// <c>app.UseWebSockets()</c>), GraphiQL for browsers, and the SDL at <c>{pattern}/schema.graphql</c>.
    /// </summary>
    public static RouteGroupBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql", Action<GraphQLHttpOptions>? configure = null) =>
        MapGraphQL(endpoints, pattern, services => services.GetRequiredService<GraphQLExecutor>(), configure);

    /// <summary>Serves the given executor (e.g. a second schema next to the main one).</summary>
    public static RouteGroupBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern, GraphQLExecutor executor, Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(executor);
        return MapGraphQL(endpoints, pattern, _ => executor, configure);
    }

    private static RouteGroupBuilder MapGraphQL(IEndpointRouteBuilder endpoints, string pattern, Func<IServiceProvider, GraphQLExecutor> executor, Action<GraphQLHttpOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var options = new GraphQLHttpOptions();
        configure?.Invoke(options);
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("RfmGraph.GraphQL.Http");
        var page = new GraphiQLPage(pattern, options);
        var handler = new GraphQLHttpHandler(executor, options, page, logger);

        // Anonymous at the routing level: the page and the WebSocket upgrade (credentials in connection_init) share the
        // path with the API, so the handler applies the authorization policy itself to everything else.
        var group = endpoints.MapGroup(pattern);
        group.Map(string.Empty, handler.HandleAsync).AllowAnonymous().WithDisplayName("GraphQL " + pattern);
        if (options.EnableSchemaEndpoint)
        {
            byte[]? sdl = null;
            group.MapGet("/schema.graphql", async context =>
            {
                if (!await GraphQLHttpHandler.AuthorizeAsync(context, options.AuthorizationPolicy).ConfigureAwait(false))
                {
                    return;
                }
                sdl ??= Encoding.UTF8.GetBytes(SchemaPrinter.Print(handler.Executor(context.RequestServices).Schema) + "\n");
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.Body.WriteAsync(sdl, context.RequestAborted).ConfigureAwait(false);
            }).AllowAnonymous().WithDisplayName("GraphQL SDL " + pattern);
        }
        if (options.EnableGraphiQL)
        {
            group.MapGet("/graphiql/{file}", (HttpContext context, string file) => page.WriteAssetAsync(context, file))
                .AllowAnonymous().WithDisplayName("GraphiQL assets " + pattern);
        }
        return group;
    }
}
