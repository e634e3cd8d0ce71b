using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RfmGraph.Platform.Database;

/// <summary>
/// First hosted service of every Host: makes the database available, then migrates it.
/// Registered before Quartz and the demo-data loader, which both need the schema.
/// </summary>
internal sealed class DatabaseStartup(
    DatabaseEndpoint endpoint,
    MigrationRunner runner,
    IEnumerable<ModuleMigrations> modules,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await endpoint.StartAsync(cancellationToken);
        if (!options.Value.MigrateOnStartup)
        {
            logger.LogInformation("Database:MigrateOnStartup is off; not migrating");
            return;
        }

        var applied = await runner.MigrateAsync(endpoint.ConnectionString, modules, cancellationToken);
        logger.LogInformation("Migrations: {Applied} applied, database up to date", applied);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
