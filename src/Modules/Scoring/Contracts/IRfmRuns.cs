namespace RfmGraph.Scoring.Contracts;

/// <summary>Requests and executes RFM recalculation runs (used by the job, the CLI and the API).</summary>
public interface IRfmRuns
{
    /// <summary>Validates the request and queues a run; nothing is computed yet.</summary>
    Task<RfmRunRequestResult> RequestAsync(RfmRunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Computes a queued run and publishes it atomically (or, for a dry run, summarises and discards it).
    /// On failure the run is marked failed, nothing of it stays visible, and the exception is rethrown.
    /// </summary>
    Task<RfmRunInfo> ExecuteAsync(long runId, IProgress<RfmRunProgress>? progress, CancellationToken cancellationToken);

    /// <summary>The run, if it belongs to the business.</summary>
    Task<RfmRunInfo?> FindAsync(long businessId, long runId, CancellationToken cancellationToken);
}
