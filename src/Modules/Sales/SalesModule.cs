using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RfmGraph.GraphQL.Types;
using RfmGraph.Platform.Database;
using RfmGraph.Platform.GraphQL;
using RfmGraph.Sales.Businesses;
using RfmGraph.Sales.Contracts;
using RfmGraph.Sales.Data;
using RfmGraph.Sales.Demo;
using RfmGraph.Sales.GraphQL;
using RfmGraph.Sales.Import;

namespace RfmGraph.Sales;

/// <summary>The Sales module's one public entry: storefronts, customers, sales, CSV import, demo data.</summary>
public static class SalesModule
{
    /// <summary>The module's SQL migrations (schema "sales"). Sales migrates first: other modules read its view.</summary>
    public static ModuleMigrations Migrations { get; } = new("sales", typeof(SalesModule).Assembly, Order: 10);

    /// <summary>
    /// Registers the module's services. Needs a singleton <see cref="NpgsqlDataSource"/> and a scoped
    /// <c>ITenantContext</c> from the Platform.
    /// </summary>
    public static IServiceCollection AddSalesModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SalesOptions { DefaultCurrency = configuration[$"{SalesOptions.Section}:DefaultCurrency"] ?? "EUR" };
        if (!BusinessKey.IsValidCurrency(options.DefaultCurrency))
        {
            throw new InvalidOperationException(
                $"Configuration Sales:DefaultCurrency is '{options.DefaultCurrency}'; it must be a three-letter upper-case currency code such as EUR.");
        }

        services.AddSingleton(options);
        services.AddDbContext<SalesDbContext>((provider, builder) => builder.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped<RequestDbContexts<SalesDbContext>>();
        services.AddSingleton<IBusinessDirectory, BusinessDirectory>();
        services.AddSingleton<ISalesImporter, SalesImporter>();
        services.AddSingleton<IDemoDataSeeder, DemoDataSeeder>();
        return services;
    }

    /// <summary>Adds Sales' GraphQL types (Customer and Storefront nodes, Sale, customers/customer/storefronts, ingest mutations) and the shared UserError type.</summary>
    public static SchemaBuilder AddSalesTypes(this SchemaBuilder schema) => SalesGraphQL.Register(schema);
}
