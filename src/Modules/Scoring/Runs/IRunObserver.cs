using Npgsql;

namespace RfmGraph.Scoring.Runs;

/// <summary>
/// Told when a run passes a stage inside its computing transaction ("computed", "published" —
/// the latter just before commit). Production registers none; tests use it to inject a failure or
/// kill the session mid-run and prove nothing of the run stays visible.
/// </summary>
internal interface IRunObserver
{
    ValueTask OnStageAsync(long runId, string stage, NpgsqlConnection connection, CancellationToken cancellationToken);
}
