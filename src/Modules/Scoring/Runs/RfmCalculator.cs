using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Runs;

/// <summary>
/// Computes a run into its own table inside the caller's transaction: the values staged by one
/// CREATE TABLE … AS over sales.counted_sales (parallel-capable), then one INSERT … SELECT for cut
/// points, scores and segments, then one summary query over the written rows. No row reaches C#.
/// </summary>
internal sealed class RfmCalculator(ScoringOptions options)
{
    public async Task<ComputedRun> ComputeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var stopwatch = Stopwatch.StartNew();
        await using (var setup = new NpgsqlCommand(
            // SET LOCAL cannot take a parameter; the sizes are validated at startup (ScoringOptions.Validate).
            // maintenance_work_mem sizes the in-memory sort that builds the run's primary key at publish.
            // synchronous_commit off: the publishing commit need not wait for its WAL flush. A crash right
            // after it loses the whole transaction or none of it (the run then stays 'running' and
            // FailInterruptedAsync marks it failed), never half a run.
            $"SET LOCAL work_mem = '{options.WorkMem}'; SET LOCAL maintenance_work_mem = '{options.MaintenanceWorkMem}'; " +
            $"SET LOCAL synchronous_commit = off; {ScoringSql.CreateRunTable(run.Id)}", connection, transaction))
        {
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var stage = new NpgsqlCommand(ScoringSql.StageValues(run), connection, transaction) { CommandTimeout = options.CommandTimeoutSeconds })
        {
            AddParameters(stage, run);
            await stage.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var compute = await ComputeCommandAsync(connection, transaction, run, options.CommandTimeoutSeconds, cancellationToken))
        {
            await compute.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var drop = new NpgsqlCommand($"DROP TABLE {ScoringSql.ValuesTable(run.Id)}", connection, transaction))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var summary = new NpgsqlCommand(ScoringSql.Summary(run.Id), connection, transaction) { CommandTimeout = options.CommandTimeoutSeconds };
        summary.Parameters.AddWithValue("run_id", run.Id);
        await using var reader = await summary.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var computed = new ComputedRun(
            reader.GetInt64(0),
            reader.GetDecimal(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            stopwatch.Elapsed);
        return computed;
    }

    /// <summary>
    /// Stage 2's command for a run whose values are staged. NTILE first asks whether its ordering keys
    /// fit one bigint (ScoringSql.NtileKeysFit), which decides between the boundary SQL and window sorts.
    /// </summary>
    internal static async Task<NpgsqlCommand> ComputeCommandAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RunRecord run, int commandTimeoutSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (customers, keysFit) = (0L, false);
        if (run.Method == ScoringMethod.Ntile)
        {
            await using var probe = new NpgsqlCommand(ScoringSql.NtileKeysFit(run.Id), connection, transaction) { CommandTimeout = commandTimeoutSeconds };
            await using var reader = await probe.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (customers, keysFit) = (reader.GetInt64(0), reader.GetBoolean(1));
        }

        var command = new NpgsqlCommand(ScoringSql.Compute(run, keysFit), connection, transaction) { CommandTimeout = commandTimeoutSeconds };
        AddParameters(command, run);
        if (keysFit)
        {
            command.Parameters.AddWithValue("customers", customers);
        }

        return command;
    }

    internal static void AddParameters(NpgsqlCommand command, RunRecord run)
    {
        command.Parameters.AddWithValue("run_id", run.Id);
        command.Parameters.AddWithValue("business_id", run.BusinessId);
        if (run.StorefrontId is { } storefront)
        {
            command.Parameters.AddWithValue("storefront_id", storefront);
        }

        command.Parameters.AddWithValue("window_from", run.WindowFrom);
        command.Parameters.AddWithValue("window_to", run.WindowTo);
        command.Parameters.AddWithValue("as_of", run.AsOf);
        command.Parameters.AddWithValue("bins", run.Bins);
        command.Parameters.AddWithValue("scheme_id", run.SchemeId);
        if (run.Method == ScoringMethod.FixedThresholds)
        {
            var thresholds = run.Thresholds ?? throw new InvalidOperationException($"Run {run.Id} uses fixed thresholds but has none.");
            command.Parameters.Add(new NpgsqlParameter("cut_r", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = thresholds.Recency.ToArray() });
            command.Parameters.Add(new NpgsqlParameter("cut_f", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = thresholds.Frequency.ToArray() });
            command.Parameters.Add(new NpgsqlParameter("cut_m", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = thresholds.Monetary.ToArray() });
        }
    }
}

/// <summary>What the computing step produced (the rows stay in the database).</summary>
internal sealed record ComputedRun(long Customers, decimal TotalMonetary, string SummaryJson, string? CutPointsJson, TimeSpan Elapsed);
