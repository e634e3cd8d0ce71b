using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RfmGraph.Scoring.GraphQL.Events;
using RfmGraph.Scoring.GraphQL.Runs;
using RfmGraph.Scoring.Runs;

namespace RfmGraph.Scoring.GraphQL;

/// <summary>Services the Scoring GraphQL fields use (called from AddScoringModule).</summary>
internal static class ScoringGraphQLServices
{
    public static IServiceCollection AddScoringGraphQL(this IServiceCollection services)
    {
        services.TryAddSingleton<RfmRunEvents>();
        // Published runs go to subscribers (and the log) instead of the log alone.
        services.TryAddSingleton<IRunPublishedSink>(sp => sp.GetRequiredService<RfmRunEvents>());
        services.TryAddScoped<RecalculationTrigger>();
        return services;
    }
}
