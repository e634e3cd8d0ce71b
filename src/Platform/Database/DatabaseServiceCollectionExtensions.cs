using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using RfmGraph.Platform.Configuration;

namespace RfmGraph.Platform.Database;

/// <summary>Registers the database every module shares.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers ONE singleton <see cref="NpgsqlDataSource"/> (also as <see cref="DbDataSource"/>, which
    /// Quartz uses) over the <see cref="DatabaseEndpoint"/>, the migration runner, the platform's own
    /// migrations, and the start-up service that starts/migrates the database before anything else runs.
    /// Modules build their EF contexts with <c>UseNpgsql(dataSource)</c>.
    /// </summary>
    public static IServiceCollection AddRfmDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatabaseOptions>()
            .BindSettings(configuration, DatabaseOptions.SectionName)
            .Configure(o =>
            {
                // The standard connection-string location wins; Database:ConnectionString is its alias.
                var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
                if (!string.IsNullOrWhiteSpace(configured))
                {
                    o.ConnectionString = configured;
                }
            });

        services.TryAddSingleton<DatabaseEndpoint>();
        services.TryAddSingleton(sp => new NpgsqlDataSourceBuilder(sp.GetRequiredService<DatabaseEndpoint>().ConnectionString).Build());
        services.TryAddSingleton<DbDataSource>(sp => sp.GetRequiredService<NpgsqlDataSource>());
        services.TryAddSingleton<MigrationRunner>();
        services.AddModuleMigrations(PlatformModule.Migrations);

        // Inserted first so it starts before every other hosted service, whatever the registration order.
        if (!services.Any(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(DatabaseStartup)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, DatabaseStartup>());
        }

        return services;
    }

    /// <summary>Adds a module's migrations to what start-up applies (once per module).</summary>
    public static IServiceCollection AddModuleMigrations(this IServiceCollection services, ModuleMigrations migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        if (!services.Any(d => d.ServiceType == typeof(ModuleMigrations) && ReferenceEquals(d.ImplementationInstance, migrations)))
        {
            services.AddSingleton(migrations);
        }

        return services;
    }
}
