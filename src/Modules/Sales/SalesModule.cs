using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RfmGraph.Platform.Database;

namespace RfmGraph.Sales;

/// <summary>The Sales module's one public entry: storefronts, customers, sales, CSV import, demo data.</summary>
public static class SalesModule
{
    /// <summary>The module's SQL migrations (schema "sales"). Sales migrates first: other modules read its view.</summary>
    public static ModuleMigrations Migrations { get; } = new("sales", typeof(SalesModule).Assembly, Order: 10);

    /// <summary>Registers the module's services.</summary>
    public static IServiceCollection AddSalesModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The sales helper fills this in (DbContext, importer, seeder, business directory).
        return services;
    }
}
