using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace RfmGraph.Scoring.Runs;

/// <summary>
/// What a stopped process can leave behind, cleaned up when a Host starts:
/// <list type="bullet">
/// <item>runs left 'running' (their transaction, and every row they wrote, died with the session);</item>
/// <item>runs left 'queued' that no scheduler trigger will execute any more (only in a process that
/// has the Quartz scheduler: without it there is no way to tell a waiting run from an abandoned one);</item>
/// <item>tables outside any run's transaction: an interrupted retention's detached or half-detached
/// partition, a staging table.</item>
/// </list>
/// Several Hosts may start at once and others may be computing: every decision goes through the
/// run's advisory lock (<see cref="RunLock"/>), which a live worker or retention holds.
/// </summary>
internal sealed partial class RunRecovery(
    NpgsqlDataSource dataSource,
    RunStore store,
    ScoringOptions options,
    IServiceProvider services,
    ILogger<RunRecovery> logger)
{
    public async Task<RecoveryResult> RecoverAsync(CancellationToken cancellationToken)
    {
        if (!await SchemaExistsAsync(cancellationToken))
        {
            return new RecoveryResult([], []);
        }

        var pending = await PendingRunIdsAsync(cancellationToken);
        var queued = pending is null ? null : new AbandonedQueuedRuns(TimeSpan.FromSeconds(options.AbandonedQueuedRunSeconds), pending);
        var failed = await store.FailAbandonedAsync(queued, cancellationToken);
        foreach (var (runId, status) in failed)
        {
            LogFailed(logger, runId, status);
        }

        var dropped = await DropLeftoverTablesAsync(cancellationToken);
        return new RecoveryResult([.. failed.Select(f => f.RunId)], dropped);
    }

    private async Task<bool> SchemaExistsAsync(CancellationToken cancellationToken)
    {
        // A process started with Database:MigrateOnStartup off may face a database without the module yet.
        await using var command = dataSource.CreateCommand("SELECT to_regclass('scoring.runs') IS NOT NULL");
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>Runs a trigger of the recalculation job still names (job data scoring.runId); null without a scheduler.</summary>
    private async Task<IReadOnlyCollection<long>?> PendingRunIdsAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return null;
        }

        // A clustered store answers for every node: a one-shot trigger stays listed until its job has finished.
        IScheduler scheduler;
        IJobDetail? job;
        IReadOnlyCollection<ITrigger> triggers;
        try
        {
            scheduler = await factory.GetScheduler(cancellationToken);
            job = await scheduler.GetJobDetail(RfmRecalculationJob.Key, cancellationToken);
            triggers = await scheduler.GetTriggersOfJob(RfmRecalculationJob.Key, cancellationToken);
        }
        catch (SchedulerException ex)
        {
            // Without the triggers a waiting run cannot be told from an abandoned one: leave queued runs alone.
            LogSchedulerUnavailable(logger, ex);
            return null;
        }

        var ids = new HashSet<long>();
        foreach (var trigger in triggers)
        {
            var value = trigger.JobDataMap.TryGetValue(RfmRecalculationJob.RunIdKey, out var own) ? own
                : job?.JobDataMap.TryGetValue(RfmRecalculationJob.RunIdKey, out var shared) == true ? shared : null;
            if (value is not null && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>
    /// Drops tables no live transaction owns: a run's computing transaction creates its tables
    /// uncommitted (invisible here), so a visible staging table or unattached score table is left
    /// over from a process that stopped in retention's detach-then-drop, or from an older version.
    /// </summary>
    private async Task<IReadOnlyList<string>> DropLeftoverTablesAsync(CancellationToken cancellationToken)
    {
        var leftovers = new List<(string Table, long RunId, bool Scores)>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var find = new NpgsqlCommand("""
            SELECT c.relname, substring(c.relname FROM '[0-9]+$')::bigint, c.relname LIKE 'customer_scores%'
            FROM pg_class AS c
            JOIN pg_namespace AS n ON n.oid = c.relnamespace AND n.nspname = 'scoring'
            WHERE c.relkind = 'r'
              AND (c.relname ~ '^run_values_[0-9]+$'
                   OR (c.relname ~ '^customer_scores_[0-9]+$'
                       AND NOT EXISTS (SELECT 1 FROM pg_inherits AS i WHERE i.inhrelid = c.oid AND NOT i.inhdetachpending)
                       AND NOT EXISTS (SELECT 1 FROM scoring.runs AS r
                                       WHERE r.id = substring(c.relname FROM '[0-9]+$')::bigint AND r.status IN ('queued', 'running'))
                       AND substring(c.relname FROM '[0-9]+$')::bigint NOT IN (SELECT run_id FROM scoring.current_runs)))
            ORDER BY 2
            """, connection))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                leftovers.Add((reader.GetString(0), reader.GetInt64(1), reader.GetBoolean(2)));
            }
        }

        var dropped = new List<string>();
        foreach (var (table, runId, scores) in leftovers)
        {
            if (!await RunLock.TryAcquireAsync(connection, runId, cancellationToken))
            {
                continue;   // retention or a worker on another node is on it
            }

            try
            {
                if (scores)
                {
                    // Finish what retention started: detach (or finalise), drop, delete the run row.
                    await RunRetention.DetachAndDropAsync(connection, runId, cancellationToken);
                }
                else
                {
                    await using var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS scoring.{table}", connection);
                    await drop.ExecuteNonQueryAsync(cancellationToken);
                }

                dropped.Add("scoring." + table);
                LogDropped(logger, "scoring." + table);
            }
            finally
            {
                await RunLock.ReleaseAsync(connection, runId);
            }
        }

        return dropped;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RFM run {RunId} was left {Status} by a stopped process; marked failed")]
    private static partial void LogFailed(ILogger logger, long runId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job scheduler could not list its triggers; queued RFM runs are not checked")]
    private static partial void LogSchedulerUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Table}, left over by a stopped process")]
    private static partial void LogDropped(ILogger logger, string table);
}

/// <summary>What start-up recovery did: the runs it marked failed and the tables it dropped.</summary>
internal sealed record RecoveryResult(IReadOnlyList<long> FailedRunIds, IReadOnlyList<string> DroppedTables);
