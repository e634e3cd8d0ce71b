using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Runs;

/// <summary>
/// Executes one queued run: claim it, compute and publish it in one transaction (or compute and
/// roll back a dry run), then raise <see cref="RfmRunPublished"/> and apply retention.
/// </summary>
internal sealed partial class RunExecutor(
    NpgsqlDataSource dataSource,
    RunStore store,
    RfmCalculator calculator,
    RunRetention retention,
    IRunPublishedSink sink,
    IEnumerable<IRunObserver> observers,
    ILogger<RunExecutor> logger)
{
    public async Task<RfmRunInfo> ExecuteAsync(long runId, IProgress<RfmRunProgress>? progress, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(runId, cancellationToken)
            ?? throw new InvalidOperationException($"RFM run {runId} does not exist.");
        var run = loaded.Record;
        if (run.Status != RfmRunStatus.Queued)
        {
            throw new InvalidOperationException($"RFM run {runId} is {loaded.Info.Status}; only queued runs can be executed.");
        }

        var stopwatch = Stopwatch.StartNew();
        void Report(string stage) => progress?.Report(new RfmRunProgress(runId, stage, stopwatch.Elapsed));

        long? previousRunId = null;
        ComputedRun computed;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await RunLock.AcquireAsync(connection, runId, cancellationToken);
            try
            {
                if (!await RunStore.ClaimAsync(connection, runId, cancellationToken))
                {
                    throw new InvalidOperationException($"RFM run {runId} was taken by another worker.");
                }

                Report("computing");
                await store.SetStageAsync(runId, run.BusinessId, "computing", cancellationToken);
                try
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    computed = await calculator.ComputeAsync(connection, transaction, run, cancellationToken);
                    await NotifyAsync(runId, "computed", connection, cancellationToken);
                    if (run.DryRun)
                    {
                        await transaction.RollbackAsync(cancellationToken);
                        await MarkDryRunAsync(connection, run, computed, cancellationToken);
                    }
                    else
                    {
                        Report("publishing");
                        await store.SetStageAsync(runId, run.BusinessId, "publishing", cancellationToken);
                        previousRunId = await RunPublisher.PublishAsync(connection, transaction, run, computed, cancellationToken);
                        await NotifyAsync(runId, "published", connection, cancellationToken);
                        await transaction.CommitAsync(cancellationToken);
                    }
                }
                catch (Exception ex)
                {
                    // The transaction is already rolled back (disposed); record why, on another connection
                    // because this one may be the thing that broke.
                    LogFailed(logger, ex, runId);
                    await store.MarkFailedAsync(runId, ex.Message, CancellationToken.None);
                    throw;
                }
            }
            finally
            {
                if (connection.FullState == System.Data.ConnectionState.Open)
                {
                    await RunLock.ReleaseAsync(connection, runId);
                }
            }
        }

        Report("done");
        var info = (await store.FindAsync(run.BusinessId, runId, cancellationToken))!;
        if (!run.DryRun)
        {
            await AfterPublishAsync(info, previousRunId, computed, cancellationToken);
        }

        return info;
    }

    private async Task AfterPublishAsync(RfmRunInfo info, long? previousRunId, ComputedRun computed, CancellationToken cancellationToken)
    {
        var previous = previousRunId is { } id ? await store.FindAsync(info.BusinessId, id, cancellationToken) : null;
        var published = new RfmRunPublished(
            info.Id,
            info.BusinessId,
            info.StorefrontId,
            previousRunId,
            computed.Customers,
            (info.ComputeDuration ?? TimeSpan.Zero) + (info.PublishDuration ?? TimeSpan.Zero),
            info.Segments,
            SegmentChanges.Top(previous?.Segments ?? [], info.Segments, 5));
        try
        {
            await sink.PublishAsync(published, cancellationToken);
            await retention.ApplyAsync(info.BusinessId, info.StorefrontId, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The run is published and committed; a failed notification or cleanup must not turn it into a failure.
            LogAfterPublishFailed(logger, ex, info.Id);
        }
    }

    private async ValueTask NotifyAsync(long runId, string stage, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.OnStageAsync(runId, stage, connection, cancellationToken);
        }
    }

    private static async Task MarkDryRunAsync(NpgsqlConnection connection, RunRecord run, ComputedRun computed, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE scoring.runs
            SET status = 'dry_run', stage = NULL, finished_at = clock_timestamp(),
                customers_scored = @customers, total_monetary = @monetary, summary = @summary::jsonb,
                cut_points = @cut_points::jsonb, compute_ms = @compute_ms
            WHERE id = @id
            """, connection);
        command.Parameters.AddWithValue("id", run.Id);
        command.Parameters.AddWithValue("customers", computed.Customers);
        command.Parameters.AddWithValue("monetary", computed.TotalMonetary);
        command.Parameters.AddWithValue("summary", computed.SummaryJson);
        command.Parameters.Add(new NpgsqlParameter("cut_points", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)computed.CutPointsJson ?? DBNull.Value });
        command.Parameters.AddWithValue("compute_ms", (int)computed.Elapsed.TotalMilliseconds);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "RFM run {RunId} failed; nothing of it was published")]
    private static partial void LogFailed(ILogger logger, Exception exception, long runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RFM run {RunId} is published, but raising its event or applying retention failed")]
    private static partial void LogAfterPublishFailed(ILogger logger, Exception exception, long runId);
}
