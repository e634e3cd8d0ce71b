using Npgsql;
using NpgsqlTypes;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Runs;

/// <summary>Reads and writes rows of scoring.runs outside the computing transaction.</summary>
internal sealed class RunStore(NpgsqlDataSource dataSource)
{
    private const string SelectRun = """
        SELECT id, business_id, storefront_id, status, dry_run, method, bins, scheme_key, scheme_version,
               as_of, window_from, window_to, requested_at, started_at, finished_at, published_at,
               customers_scored, total_monetary, compute_ms, publish_ms, cut_points::text, summary::text, error,
               scheme_id, thresholds::text
        FROM scoring.runs
        """;

    public async Task<long> InsertQueuedAsync(NewRun run, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO scoring.runs (business_id, storefront_id, as_of, window_from, window_to, method, bins,
                                      scheme_id, scheme_key, scheme_version, thresholds, dry_run, requested_by)
            VALUES (@business, @storefront, @as_of, @from, @to, @method, @bins,
                    @scheme_id, @scheme_key, @scheme_version, @thresholds::jsonb, @dry_run, @requested_by)
            RETURNING id
            """);
        command.Parameters.AddWithValue("business", run.BusinessId);
        command.Parameters.Add(new NpgsqlParameter("storefront", NpgsqlDbType.Bigint) { Value = (object?)run.StorefrontId ?? DBNull.Value });
        command.Parameters.AddWithValue("as_of", run.AsOf);
        command.Parameters.AddWithValue("from", run.WindowFrom);
        command.Parameters.AddWithValue("to", run.WindowTo);
        command.Parameters.AddWithValue("method", RunText.Of(run.Method));
        command.Parameters.AddWithValue("bins", (short)run.Bins);
        command.Parameters.AddWithValue("scheme_id", run.SchemeId);
        command.Parameters.AddWithValue("scheme_key", run.SchemeKey);
        command.Parameters.AddWithValue("scheme_version", run.SchemeVersion);
        command.Parameters.Add(new NpgsqlParameter("thresholds", NpgsqlDbType.Text)
        {
            Value = run.Thresholds is null ? DBNull.Value : RunJson.Thresholds(run.Thresholds),
        });
        command.Parameters.AddWithValue("dry_run", run.DryRun);
        command.Parameters.Add(new NpgsqlParameter("requested_by", NpgsqlDbType.Text) { Value = (object?)run.RequestedBy ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<RfmRunInfo?> FindAsync(long businessId, long runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{SelectRun} WHERE id = @id AND business_id = @business");
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("business", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadInfo(reader) : null;
    }

    /// <summary>The run to execute, whoever's business it is (the job knows only the id).</summary>
    public async Task<(RunRecord Record, RfmRunInfo Info)?> LoadAsync(long runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{SelectRun} WHERE id = @id");
        command.Parameters.AddWithValue("id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var info = ReadInfo(reader);
        var record = new RunRecord(
            info.Id, info.BusinessId, info.StorefrontId, info.AsOf, info.WindowFrom, info.WindowTo, info.Method, info.Bins,
            reader.GetInt64(23), info.SchemeKey, info.SchemeVersion,
            RunJson.ReadThresholds(reader.IsDBNull(24) ? null : reader.GetString(24)), info.DryRun, info.Status);
        return (record, info);
    }

    /// <summary>Moves a queued run to running; false when somebody else already took it.</summary>
    public static async Task<bool> ClaimAsync(NpgsqlConnection connection, long runId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE scoring.runs SET status = 'running', stage = 'computing', started_at = clock_timestamp()
            WHERE id = @id AND status = 'queued'
            """, connection);
        command.Parameters.AddWithValue("id", runId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Records the stage a running run has reached (scoring.run_progress), outside the run's computing
    /// transaction, so readers of RfmRun.progress see it at once.
    /// </summary>
    public async Task SetStageAsync(long runId, long businessId, string stage, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO scoring.run_progress (run_id, business_id, stage, stage_started_at) VALUES (@id, @business, @stage, clock_timestamp())
            ON CONFLICT (run_id) DO UPDATE SET stage = excluded.stage, stage_started_at = excluded.stage_started_at
            """);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("stage", stage);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(long runId, string error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE scoring.runs SET status = 'failed', stage = NULL, error = @error, finished_at = clock_timestamp()
            WHERE id = @id AND status IN ('queued', 'running')
            """);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("error", error.Length > 4000 ? error[..4000] : error);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Marks failed every running run whose executing session is gone (its advisory lock is free):
    /// a killed process leaves its run 'running' but its transaction, and so its rows, rolled back.
    /// </summary>
    public async Task<int> FailInterruptedAsync(CancellationToken cancellationToken) =>
        (await FailAbandonedAsync(null, cancellationToken)).Count;

    /// <summary>
    /// <see cref="FailInterruptedAsync"/>, and when <paramref name="queued"/> is given also the queued
    /// runs nothing will execute: requested before <see cref="AbandonedQueuedRuns.RequestedBefore"/>
    /// seconds ago, not named by a pending trigger, and not locked by a worker about to claim them.
    /// Safe to run on several nodes at once: each run is failed by whichever takes its lock, and a
    /// run a live worker holds is never touched. Returns the ids failed, with their former status.
    /// </summary>
    public async Task<IReadOnlyList<(long RunId, string Status)>> FailAbandonedAsync(AbandonedQueuedRuns? queued, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The transaction-level try-lock is held until commit, so two nodes recovering at once never
        // both pick a run; a worker (session lock, taken before it claims) makes the try fail.
        await using var command = new NpgsqlCommand($"""
            WITH open_runs AS MATERIALIZED (
                SELECT id, status FROM scoring.runs
                WHERE status = 'running'
                   OR (@check_queued AND status = 'queued'
                       AND requested_at < now() - make_interval(secs => @queued_seconds)
                       AND id <> ALL (@pending))
            ),
            orphaned AS MATERIALIZED (
                SELECT id, status FROM open_runs WHERE pg_try_advisory_xact_lock({RunLock.ClassKey}, hashint8(id))
            )
            UPDATE scoring.runs AS r
            SET status = 'failed', stage = NULL, finished_at = clock_timestamp(),
                error = CASE o.status
                    WHEN 'running' THEN 'Interrupted: the process computing the run stopped before it finished; nothing was published.'
                    ELSE 'Abandoned: the run was queued but no job was left to execute it (its process stopped); nothing was computed.'
                END
            FROM orphaned AS o
            WHERE r.id = o.id AND r.status = o.status
            RETURNING r.id, o.status
            """, connection, transaction);
        command.Parameters.AddWithValue("check_queued", queued is not null);
        command.Parameters.AddWithValue("queued_seconds", (double)(queued?.RequestedBefore.TotalSeconds ?? 0));
        command.Parameters.AddWithValue("pending", queued?.PendingRunIds.ToArray() ?? []);
        var failed = new List<(long, string)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                failed.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return failed;
    }

    internal static RfmRunInfo ReadInfo(NpgsqlDataReader reader)
    {
        var (segments, scores) = RunJson.ReadSummary(reader.IsDBNull(21) ? null : reader.GetString(21));
        return new RfmRunInfo(
            Id: reader.GetInt64(0),
            BusinessId: reader.GetInt64(1),
            StorefrontId: reader.IsDBNull(2) ? null : reader.GetInt64(2),
            Status: RunText.Status(reader.GetString(3)),
            DryRun: reader.GetBoolean(4),
            Method: RunText.Method(reader.GetString(5)),
            Bins: reader.GetInt16(6),
            SchemeKey: reader.GetString(7),
            SchemeVersion: reader.GetInt32(8),
            AsOf: reader.GetFieldValue<DateTimeOffset>(9),
            WindowFrom: reader.GetFieldValue<DateTimeOffset>(10),
            WindowTo: reader.GetFieldValue<DateTimeOffset>(11),
            RequestedAt: reader.GetFieldValue<DateTimeOffset>(12),
            StartedAt: reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
            FinishedAt: reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
            PublishedAt: reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15),
            CustomersScored: reader.IsDBNull(16) ? null : reader.GetInt64(16),
            TotalMonetary: reader.IsDBNull(17) ? null : reader.GetDecimal(17),
            ComputeDuration: reader.IsDBNull(18) ? null : TimeSpan.FromMilliseconds(reader.GetInt32(18)),
            PublishDuration: reader.IsDBNull(19) ? null : TimeSpan.FromMilliseconds(reader.GetInt32(19)),
            CutPoints: RunJson.ReadCutPoints(reader.IsDBNull(20) ? null : reader.GetString(20)),
            ScoreRanges: scores,
            Segments: segments,
            Error: reader.IsDBNull(22) ? null : reader.GetString(22));
    }
}

/// <summary>
/// Which queued runs count as abandoned: requested longer ago than <see cref="RequestedBefore"/>
/// (a CLI or API request is claimed or triggered within milliseconds) and not among
/// <see cref="PendingRunIds"/>, the runs a scheduler trigger will still execute.
/// </summary>
internal sealed record AbandonedQueuedRuns(TimeSpan RequestedBefore, IReadOnlyCollection<long> PendingRunIds);

/// <summary>A validated request, ready to be stored as a queued run.</summary>
internal sealed record NewRun(
    long BusinessId,
    long? StorefrontId,
    DateTimeOffset AsOf,
    DateTimeOffset WindowFrom,
    DateTimeOffset WindowTo,
    ScoringMethod Method,
    int Bins,
    long SchemeId,
    string SchemeKey,
    int SchemeVersion,
    RfmThresholds? Thresholds,
    bool DryRun,
    string? RequestedBy);
