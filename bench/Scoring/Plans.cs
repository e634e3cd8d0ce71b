using Npgsql;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;

namespace RfmGraph.Bench.Scoring;

/// <summary>EXPLAIN (ANALYZE, BUFFERS) of the seed query and of a run's computing statement (rolled back).</summary>
internal static class Plans
{
    public static async Task<string> SeedAsync(NpgsqlDataSource dataSource, long businessId, DateTimeOffset from, DateTimeOffset asOf)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var memory = new NpgsqlCommand("SET work_mem = '256MB'", connection))
        {
            await memory.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + Seed004Query.Text, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("as_of", asOf);
        command.Parameters.AddWithValue("window_from", from);
        command.Parameters.AddWithValue("business_id", businessId);
        return await ReadPlanAsync(command);
    }

    public static async Task<string> RunAsync(NpgsqlDataSource dataSource, IRfmRuns runs, long businessId, DateTimeOffset from, DateTimeOffset asOf)
    {
        var quantile = await RunPlanAsync(dataSource, runs, businessId, from, asOf, ScoringMethod.QuantileTies, withStage: true);
        var ntile = await RunPlanAsync(dataSource, runs, businessId, from, asOf, ScoringMethod.Ntile, withStage: false);
        return quantile + "\n\n" + ntile;
    }

    /// <summary>EXPLAIN ANALYZE of a run's statements inside a transaction that is rolled back (the run row is deleted after).</summary>
    private static async Task<string> RunPlanAsync(
        NpgsqlDataSource dataSource, IRfmRuns runs, long businessId, DateTimeOffset from, DateTimeOffset asOf, ScoringMethod method, bool withStage)
    {
        var queued = (await runs.RequestAsync(new RfmRunRequest(businessId, AsOf: asOf, From: from, Method: method, Scheme: "pos8"), CancellationToken.None)).Run!;
        var record = new RunRecord(queued.Id, businessId, null, queued.AsOf, queued.WindowFrom, queued.WindowTo, queued.Method, queued.Bins,
            await SchemeIdAsync(dataSource, queued.Id), queued.SchemeKey, queued.SchemeVersion, null, false, RfmRunStatus.Queued);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var setup = new NpgsqlCommand($"SET LOCAL work_mem = '256MB'; {ScoringSql.CreateRunTable(queued.Id)}", connection, transaction))
        {
            await setup.ExecuteNonQueryAsync();
        }

        var plan = new List<string>();
        // EXPLAIN ANALYZE of the CREATE TABLE … AS runs it, so stage 2 has its table either way.
        await using var stage = new NpgsqlCommand((withStage ? "EXPLAIN (ANALYZE, BUFFERS) " : string.Empty) + ScoringSql.StageValues(record), connection, transaction) { CommandTimeout = 0 };
        RfmCalculator.AddParameters(stage, record);
        if (withStage)
        {
            plan.Add("-- stage 1: CREATE UNLOGGED TABLE … AS (values; the same for every method)\n" + await ReadPlanAsync(stage));
        }
        else
        {
            await stage.ExecuteNonQueryAsync();
        }

        await using var explain = await RfmCalculator.ComputeCommandAsync(connection, transaction, record, 0, CancellationToken.None);
        explain.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + explain.CommandText;
        plan.Add($"-- stage 2, {(method == ScoringMethod.Ntile ? "NTILE" : "QUANTILE_TIES")}: INSERT … SELECT (scores, segments{(method == ScoringMethod.Ntile ? string.Empty : ", cut points")})\n" + await ReadPlanAsync(explain));
        await transaction.RollbackAsync();
        await using var delete = dataSource.CreateCommand($"DELETE FROM scoring.runs WHERE id = {queued.Id}");
        await delete.ExecuteNonQueryAsync();
        return string.Join("\n\n", plan);
    }

    private static async Task<long> SchemeIdAsync(NpgsqlDataSource dataSource, long runId)
    {
        await using var command = dataSource.CreateCommand($"SELECT scheme_id FROM scoring.runs WHERE id = {runId}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> ReadPlanAsync(NpgsqlCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
