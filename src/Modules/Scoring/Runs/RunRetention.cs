using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace RfmGraph.Scoring.Runs;

/// <summary>
/// Keeps the newest <see cref="ScoringOptions.KeepRunsPerScope"/> published runs of a scope (the
/// current run always among them) and drops older runs with their score partitions. Detaching
/// CONCURRENTLY waits for readers instead of blocking them.
/// </summary>
internal sealed partial class RunRetention(NpgsqlDataSource dataSource, ScoringOptions options, ILogger<RunRetention> logger)
{
    public async Task<int> ApplyAsync(long businessId, long? storefrontId, CancellationToken cancellationToken)
    {
        var expired = new List<long>();
        await using (var select = dataSource.CreateCommand("""
            WITH scope_runs AS (
                SELECT id, status, row_number() OVER (PARTITION BY status = 'succeeded' ORDER BY id DESC) AS newest
                FROM scoring.runs
                WHERE business_id = @business AND storefront_id IS NOT DISTINCT FROM @storefront
            ),
            oldest_kept AS (
                SELECT min(id) AS id FROM scope_runs WHERE status = 'succeeded' AND newest <= @keep
            )
            SELECT r.id FROM scope_runs AS r, oldest_kept AS k
            WHERE r.id < k.id AND r.status IN ('succeeded', 'failed', 'dry_run')
              AND r.id NOT IN (SELECT run_id FROM scoring.current_runs)
            ORDER BY r.id
            """))
        {
            select.Parameters.AddWithValue("business", businessId);
            select.Parameters.Add(new NpgsqlParameter("storefront", NpgsqlDbType.Bigint) { Value = (object?)storefrontId ?? DBNull.Value });
            select.Parameters.AddWithValue("keep", (long)options.KeepRunsPerScope);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                expired.Add(reader.GetInt64(0));
            }
        }

        foreach (var runId in expired)
        {
            await DropAsync(runId, cancellationToken);
        }

        if (expired.Count > 0)
        {
            LogDropped(logger, expired.Count, businessId, storefrontId);
        }

        return expired.Count;
    }

    private async Task DropAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Held across the two-transaction detach and the drop, so start-up recovery on another node
        // never finalises or drops the same partition halfway through.
        await RunLock.AcquireAsync(connection, runId, cancellationToken);
        try
        {
            await DetachAndDropAsync(connection, runId, cancellationToken);
        }
        finally
        {
            await RunLock.ReleaseAsync(connection, runId);
        }
    }

    /// <summary>Detaches the run's partition if attached, drops it and deletes the run row.</summary>
    internal static async Task DetachAndDropAsync(NpgsqlConnection connection, long runId, CancellationToken cancellationToken)
    {
        var table = ScoringSql.RunTable(runId);
        await using (var attached = new NpgsqlCommand("""
            SELECT inhdetachpending FROM pg_inherits WHERE inhrelid = to_regclass(@table) AND inhparent = 'scoring.customer_scores'::regclass
            """, connection))
        {
            attached.Parameters.AddWithValue("table", table);
            // NULL: not a partition; false: attached; true: a detach interrupted between its two transactions.
            if (await attached.ExecuteScalarAsync(cancellationToken) is bool pending)
            {
                // One statement per command: DETACH … CONCURRENTLY refuses to run inside a transaction block.
                await using var detach = new NpgsqlCommand(
                    $"ALTER TABLE scoring.customer_scores DETACH PARTITION {table} {(pending ? "FINALIZE" : "CONCURRENTLY")}", connection);
                await detach.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using var drop = new NpgsqlCommand($"""
            DROP TABLE IF EXISTS {table};
            DELETE FROM scoring.runs WHERE id = {runId.ToString(CultureInfo.InvariantCulture)};
            """, connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention dropped {Count} old RFM runs of business {BusinessId}, storefront {StorefrontId}")]
    private static partial void LogDropped(ILogger logger, int count, long businessId, long? storefrontId);
}
