using RfmGraph.Platform.Configuration;

namespace RfmGraph.Host.Demo;

internal static class DemoDataServiceCollectionExtensions
{
    /// <summary>Registers the demo-data loader; call after AddRfmDatabase so it starts after the migrations.</summary>
    public static IServiceCollection AddDemoDataOnEmptyDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoDataOptions>()
            .BindSettings(configuration, DemoDataOptions.SectionName);
        services.AddHostedService<DemoDataOnEmptyDatabase>();
        return services;
    }
}
