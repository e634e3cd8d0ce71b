using Microsoft.Extensions.Options;
using Npgsql;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Host.Demo;

/// <summary>
/// Loads the demo data set once, when the database has no business yet, so a fresh checkout
/// shows something. Runs after DatabaseStartup; an advisory lock keeps two replicas that start
/// together on an empty database from both loading it.
/// </summary>
internal sealed class DemoDataOnEmptyDatabase(
    IServiceProvider services,
    IOptions<DemoDataOptions> options,
    ILogger<DemoDataOnEmptyDatabase> logger) : IHostedService
{
    // "RFMDEMO\0" as ASCII; distinct from the migration lock.
    private const long AdvisoryLockKey = 0x5246_4D44_454D_4F00;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.SeedOnEmptyDatabase)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetService<IBusinessDirectory>();
        var seeder = scope.ServiceProvider.GetService<IDemoDataSeeder>();
        if (directory is null || seeder is null)
        {
            logger.LogWarning("The Sales module registers no business directory or demo seeder; no demo data loaded");
            return;
        }

        // Resolved here, not in the constructor: the data source exists only once DatabaseStartup has run.
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            if (!await directory.IsEmptyAsync(cancellationToken))
            {
                return;
            }

            logger.LogInformation("Empty database: loading the demo data set ({Customers} customers, seed {Seed}, business {BusinessKey})",
                settings.Customers, settings.Seed, settings.BusinessKey);
            var result = await seeder.SeedAsync(new DemoDataRequest(settings.Customers, settings.Seed, settings.BusinessKey), progress: null, cancellationToken);
            logger.LogInformation("Demo data loaded: {Storefronts} storefronts, {Customers} customers, {Sales} sales in {Duration}",
                result.Storefronts, result.Customers, result.Sales, result.Duration);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
