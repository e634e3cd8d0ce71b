using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using RfmGraph.Platform.Events;
using RfmGraph.Platform.GraphQL;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Data;
using RfmGraph.Scoring.GraphQL.Events;
using RfmGraph.Scoring.GraphQL.Runs;
using RfmGraph.Scoring.Runs;

namespace RfmGraph.Scoring.GraphQL;

/// <summary>Services the Scoring GraphQL fields use (called from AddScoringModule).</summary>
internal static class ScoringGraphQLServices
{
    public static IServiceCollection AddScoringGraphQL(this IServiceCollection services)
    {
        services.AddDbContext<ScoringReadDbContext>((provider, builder) => builder
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        services.TryAddScoped<RequestDbContexts<ScoringReadDbContext>>();
        // Published runs become the RfmRunPublished integration event (instead of a log line alone); one of its
        // handlers feeds rfmRecalculated subscribers.
        services.TryAddSingleton<IRunPublishedSink, IntegrationEventRunSink>();
        services.AddIntegrationEventHandler<RfmRunPublished, RfmRecalculatedTopic>();
        services.TryAddScoped<RecalculationTrigger>();
        return services;
    }
}
