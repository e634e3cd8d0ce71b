using Npgsql;

namespace RfmGraph.Scoring.Runs;

/// <summary>
/// A session-level advisory lock held by the connection that computes a run, for as long as it
/// computes. If the process dies, PostgreSQL drops the lock with the session, which is how
/// <see cref="RunStore.FailInterruptedAsync"/> tells an orphaned 'running' run from a live one.
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

    public static async Task ReleaseAsync(NpgsqlConnection connection, long runId)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({ClassKey}, hashint8(@id))", connection);
        command.Parameters.AddWithValue("id", runId);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
