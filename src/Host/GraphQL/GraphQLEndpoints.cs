using Microsoft.Extensions.Options;
using RfmGraph.GraphQL.Http;

namespace RfmGraph.Host.GraphQL;

internal static class GraphQLEndpoints
{
    public const string Path = "/graphql";

    /// <summary>GraphQL over HTTP and WebSocket at /graphql, GraphiQL for browsers, the SDL at /graphql/schema.graphql.</summary>
    public static WebApplication MapRfmGraphQL(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<GraphQLHostOptions>>().Value;
        var developmentLike = GraphQLHostOptions.IsDevelopmentLike(app.Environment);
        app.UseWebSockets();
        app.MapGraphQL(Path, options =>
        {
            options.MaxRequestBodySize = settings.MaxRequestBodyBytes;
            options.GraphiQLDefaultHeaders = developmentLike
                ? "{\n  \"Authorization\": \"Bearer <paste the development token the Host printed at start-up>\"\n}"
                : "{\n  \"Authorization\": \"Bearer <your token>\"\n}";
            options.WebSockets.ConnectionInitTimeout = TimeSpan.FromSeconds(settings.ConnectionInitTimeoutSeconds ?? (developmentLike ? 3 : 10));
            options.WebSockets.KeepAliveInterval = TimeSpan.FromSeconds(settings.KeepAliveSeconds);
        });
        return app;
    }
}
