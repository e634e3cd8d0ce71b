using System.Globalization;
using RfmGraph.Platform.Jobs;
using RfmGraph.Scoring.Runs;

namespace RfmGraph.Scoring.GraphQL.Runs;

/// <summary>Hands a queued run to the Quartz recalculation job, which executes it on whichever Host instance is free.</summary>
internal sealed class RecalculationTrigger(IJobScheduler scheduler)
{
    public Task TriggerAsync(long runId, CancellationToken cancellationToken) =>
        scheduler.TriggerNowAsync<RfmRecalculationJob>(
            RfmRecalculationJob.Key,
            new Dictionary<string, string> { [RfmRecalculationJob.RunIdKey] = runId.ToString(CultureInfo.InvariantCulture) },
            cancellationToken);
}
