using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RfmGraph.Platform.Database;

namespace RfmGraph.Reporting;

/// <summary>The Reporting module's one public entry: segmentation report, insights, trends, exports, cache.</summary>
public static class ReportingModule
{
    /// <summary>The module's SQL migrations (schema "reporting"); after Scoring, whose runs it reports on.</summary>
    public static ModuleMigrations Migrations { get; } = new("reporting", typeof(ReportingModule).Assembly, Order: 30);

    /// <summary>Registers the module's services.</summary>
    public static IServiceCollection AddReportingModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
