using Microsoft.Extensions.Logging;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.GraphQL.Runs;

/// <summary>
/// Starts executing a queued run without holding up the mutation that queued it. The run is claimed atomically
/// by <see cref="IRfmRuns.ExecuteAsync"/>, so a later hand-over to the Quartz recalculation job (the scoring
/// module's RfmRecalculationJob, triggered with the run id) cannot execute it twice.
/// </summary>
internal sealed partial class RecalculationTrigger(IRfmRuns runs, ILogger<RecalculationTrigger> logger)
{
    public Task TriggerAsync(long runId, CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await runs.ExecuteAsync(runId, null, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The executor already marked the run failed with the reason; rfmRun(id).error shows it.
                LogFailed(logger, ex, runId);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RFM run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception error, long runId);
}
