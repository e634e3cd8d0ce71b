using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace RfmGraph.Scoring.Runs;

/// <summary>
/// Makes a computed run visible, inside the computing transaction: index its table, attach it as a
/// partition of scoring.customer_scores, mark the run succeeded and point the scope's current run
/// at it. All of it commits together or not at all.
/// </summary>
internal static class RunPublisher
{
    public static async Task<long?> PublishAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RunRecord run, ComputedRun computed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(computed);
        var id = run.Id.ToString(CultureInfo.InvariantCulture);
        var table = ScoringSql.RunTable(run.Id);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        // Building the primary key after the bulk insert is cheaper than maintaining it row by row;
        // ATTACH then adopts it as the partition of the parent's key and trusts the CHECK on run_id.
        // ANALYZE (a sample, well under a second for a million rows) gives the planner the new run's segment
        // sizes before the first reader arrives; otherwise customerScores pages are planned blind until
        // autovacuum gets round to the table, and a segment filter may sort the whole segment.
        await using (var attach = new NpgsqlCommand($"""
            ALTER TABLE {table} ADD CONSTRAINT customer_scores_{id}_pkey PRIMARY KEY (run_id, customer_id);
            ANALYZE {table};
            ALTER TABLE scoring.customer_scores ATTACH PARTITION {table} FOR VALUES IN ({id});
            """, connection, transaction))
        {
            await attach.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var flip = new NpgsqlCommand("""
            WITH previous AS (
                SELECT run_id FROM scoring.current_runs
                WHERE business_id = @business AND storefront_id IS NOT DISTINCT FROM @storefront
                FOR UPDATE
            ),
            finished AS (
                UPDATE scoring.runs
                SET status = 'succeeded', stage = NULL, finished_at = clock_timestamp(), published_at = clock_timestamp(),
                    customers_scored = @customers, total_monetary = @monetary, summary = @summary::jsonb,
                    compute_ms = @compute_ms,
                    publish_ms = @publish_ms
                WHERE id = @run_id
                RETURNING published_at
            ),
            pointer AS (
                -- A run requested earlier but finished later never replaces a newer current run.
                INSERT INTO scoring.current_runs (business_id, storefront_id, run_id, published_at)
                SELECT @business, @storefront, @run_id, published_at FROM finished
                ON CONFLICT ON CONSTRAINT current_runs_scope DO UPDATE
                    SET run_id = EXCLUDED.run_id, published_at = EXCLUDED.published_at
                    WHERE scoring.current_runs.run_id < EXCLUDED.run_id
            )
            SELECT (SELECT run_id FROM previous)
            """, connection, transaction);
        flip.Parameters.AddWithValue("business", run.BusinessId);
        flip.Parameters.Add(new NpgsqlParameter("storefront", NpgsqlDbType.Bigint) { Value = (object?)run.StorefrontId ?? DBNull.Value });
        flip.Parameters.AddWithValue("run_id", run.Id);
        flip.Parameters.AddWithValue("customers", computed.Customers);
        flip.Parameters.AddWithValue("monetary", computed.TotalMonetary);
        flip.Parameters.AddWithValue("summary", computed.SummaryJson);
        flip.Parameters.AddWithValue("compute_ms", (int)computed.Elapsed.TotalMilliseconds);
        flip.Parameters.AddWithValue("publish_ms", (int)stopwatch.Elapsed.TotalMilliseconds);
        var previous = await flip.ExecuteScalarAsync(cancellationToken);
        return previous is long previousId ? previousId : null;
    }
}
