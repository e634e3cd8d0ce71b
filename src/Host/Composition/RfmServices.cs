using RfmGraph.Host.Auth;
using RfmGraph.Host.Demo;
using RfmGraph.Host.GraphQL;
using RfmGraph.Platform.Database;
using RfmGraph.Platform.Jobs;
using RfmGraph.Platform.Security;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Reporting;
using RfmGraph.Sales;
using RfmGraph.Scoring;

namespace RfmGraph.Host.Composition;

/// <summary>Which services a process gets: the command line needs the data; the web Host also runs jobs, auth and the start-up loaders.</summary>
internal static class RfmServices
{
    /// <summary>Database, tenancy and every module: enough for the CLI verbs.</summary>
    public static IServiceCollection AddRfmCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRfmDatabase(configuration);
        services.AddRfmTenancy();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ApiKeyStore>();

        services.AddSalesModule(configuration);
        services.AddModuleMigrations(SalesModule.Migrations);
        services.AddScoringModule(configuration);
        services.AddModuleMigrations(ScoringModule.Migrations);
        services.AddReportingModule(configuration);
        services.AddModuleMigrations(ReportingModule.Migrations);
        return services;
    }

    /// <summary>Everything the web Host runs.</summary>
    public static IServiceCollection AddRfmWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddRfmCore(configuration);
        services.AddDemoDataOnEmptyDatabase(configuration);
        services.AddRfmJobs(configuration);
        services.AddRfmAuthentication(configuration, environment);
        services.AddRfmGraphQL(configuration, environment);
        return services;
    }
}
