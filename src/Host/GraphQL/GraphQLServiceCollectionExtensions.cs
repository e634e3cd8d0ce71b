using Microsoft.Extensions.Options;
using RfmGraph.Host.Auth;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Subscriptions;
using RfmGraph.GraphQL.Validation;
using RfmGraph.GraphQL.WebSockets;
using RfmGraph.Platform.Redis;

namespace RfmGraph.Host.GraphQL;

internal static class GraphQLServiceCollectionExtensions
{
    /// <summary>The Host's GraphQL engine (one executor for the composed schema), topic events and WebSocket credentials.</summary>
    public static IServiceCollection AddRfmGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<GraphQLHostOptions>().Bind(configuration.GetSection(GraphQLHostOptions.SectionName));
        services.AddSingleton(new TopicEventStreamOptions());
        services.AddRfmTopicEventStream(configuration);
        services.AddSingleton<IGraphQLConnectionInitializer, RfmConnectionInitializer>();
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<GraphQLHostOptions>>().Value;
            var developmentLike = GraphQLHostOptions.IsDevelopmentLike(environment);
            var schema = RfmSchema.Build(settings.DevelopmentSchema ?? developmentLike);
            var defaults = GraphQLOptions.Default;
            var options = defaults with
            {
                MaxDepth = settings.MaxDepth ?? defaults.MaxDepth,
                MaxCost = settings.MaxCost ?? defaults.MaxCost,
                MaxAliases = settings.MaxAliases ?? defaults.MaxAliases,
                Timeout = settings.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.Timeout,
                EnableIntrospection = settings.EnableIntrospection ?? defaults.EnableIntrospection,
                MaxValidationErrors = settings.MaxValidationErrors ?? defaults.MaxValidationErrors,
                Parser = defaults.Parser with
                {
                    MaxLength = settings.MaxDocumentLength ?? defaults.Parser.MaxLength,
                    MaxTokens = settings.MaxTokens ?? defaults.Parser.MaxTokens,
                },
                MaskUnexpectedErrors = settings.MaskUnexpectedErrors ?? !environment.IsDevelopment(),
                AuthorizeField = RolePolicy.Authorize,
            };
            return new GraphQLExecutor(
                schema,
                options,
                (s, document, maxErrors) => DocumentValidator.Validate(s, document, maxErrors: maxErrors),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("RfmGraph.GraphQL"));
        });
        return services;
    }
}
