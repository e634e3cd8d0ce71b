using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace RfmGraph.Scoring.Runs;

/// <summary>
/// Runs <see cref="RunRecovery"/> when a Host starts (after the database start-up, which migrates;
/// before Quartz, which starts once the application has started). A failure is logged, not fatal:
/// the recalculation job repeats the running-run part before every run.
/// </summary>
internal sealed partial class RunRecoveryService(IServiceProvider services, ILogger<RunRecoveryService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Resolved here, not injected: hosted services are all built before any starts, and the
            // data source exists only once DatabaseStartup has started the database.
            var result = await services.GetRequiredService<RunRecovery>().RecoverAsync(cancellationToken);
            if (result.FailedRunIds.Count > 0 || result.DroppedTables.Count > 0)
            {
                LogRecovered(logger, result.FailedRunIds.Count, result.DroppedTables.Count);
            }
        }
        catch (NpgsqlException ex)
        {
            LogRecoveryFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up recovery: {Runs} abandoned RFM runs marked failed, {Tables} leftover tables dropped")]
    private static partial void LogRecovered(ILogger logger, int runs, int tables);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up recovery of abandoned RFM runs failed; the recalculation job retries the running ones")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);
}
