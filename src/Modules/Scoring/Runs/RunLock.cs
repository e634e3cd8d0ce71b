using Npgsql;

namespace RfmGraph.Scoring.Runs;

/// <summary>
/// A session-level advisory lock held by the connection that computes a run, for as long as it
/// computes (and by retention while it drops an old run's partition). If the process dies,
/// PostgreSQL drops the lock with the session, which is how <see cref="RunStore.FailAbandonedAsync"/>
/// and <see cref="RunRecovery"/> tell an orphaned run or table from one a live node is working on.
/// </summary>
internal static class RunLock
{
    /// <summary>"RFMS" as a 32-bit integer: the advisory-lock class of scoring runs.</summary>
    public const int ClassKey = 0x52464D53;

    public static async Task AcquireAsync(NpgsqlConnection connection, long runId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({ClassKey}, hashint8(@id))", connection);
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Takes the lock only if nobody holds it (a live worker, or retention dropping the run).</summary>
    public static async Task<bool> TryAcquireAsync(NpgsqlConnection connection, long runId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({ClassKey}, hashint8(@id))", connection);
        command.Parameters.AddWithValue("id", runId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public static async Task ReleaseAsync(NpgsqlConnection connection, long runId)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({ClassKey}, hashint8(@id))", connection);
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
