using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RfmGraph.GraphQL.Types;
using RfmGraph.Platform.Database;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.GraphQL;
using RfmGraph.Scoring.Runs;
using RfmGraph.Scoring.Schemes;

namespace RfmGraph.Scoring;

/// <summary>The Scoring module's one public entry: RFM runs, scoring methods, segment schemes, customer scores.</summary>
public static class ScoringModule
{
    /// <summary>The module's SQL migrations (schema "scoring"); they run after Sales, whose view they read.</summary>
    public static ModuleMigrations Migrations { get; } = new("scoring", typeof(ScoringModule).Assembly, Order: 20);

    /// <summary>Registers the module's services. Needs an <c>NpgsqlDataSource</c> singleton (Platform registers it).</summary>
    public static IServiceCollection AddScoringModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ScoringOptions();
        configuration.GetSection(ScoringOptions.Section).Bind(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid Scoring configuration: " + string.Join(" ", problems));
        }

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SchemeStore>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<RfmCalculator>();
        services.AddSingleton<RunRetention>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<RunRecovery>();
        // Every Host that starts (web, CLI) cleans up after stopped processes; see RunRecovery.
        services.AddHostedService<RunRecoveryService>();
        services.AddScoringGraphQL();
        services.TryAddSingleton<IRunPublishedSink, LoggingRunPublishedSink>();
        services.AddSingleton<IRfmRuns, RfmRuns>();
        // Built per firing in the job's own scope (what Platform's AddRfmJob<T> registers).
        services.TryAddScoped<RfmRecalculationJob>();
        return services;
    }

    /// <summary>Adds Scoring's GraphQL types: Customer.rfm/rfmHistory (by name), runs, scores, schemes, statistics, mutations and rfmRecalculated.</summary>
    public static SchemaBuilder AddScoringTypes(this SchemaBuilder schema) => ScoringGraphQL.Register(schema);
}
