using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RfmGraph.Platform.Database;

/// <summary>
/// First hosted service of every Host: makes the database available, then migrates it; on shutdown it
/// stops the embedded server, if the Host started one. Registered before Quartz and the demo-data loader,
/// which both need the schema.
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

    /// <summary>
    /// Registered first, so it stops last, after the web server and the job scheduler: the embedded server
    /// goes down with the Host itself rather than whenever (or if) the service container is disposed.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken) => endpoint.StopAsync();
}
