using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RfmGraph.Platform.Database;

namespace RfmGraph.Scoring;

/// <summary>The Scoring module's one public entry: scoring methods, segment schemes, runs, customer scores.</summary>
public static class ScoringModule
{
    /// <summary>The module's SQL migrations (schema "scoring"); after Sales, whose view it reads.</summary>
    public static ModuleMigrations Migrations { get; } = new("scoring", typeof(ScoringModule).Assembly, Order: 20);

    /// <summary>Registers the module's services.</summary>
    public static IServiceCollection AddScoringModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
