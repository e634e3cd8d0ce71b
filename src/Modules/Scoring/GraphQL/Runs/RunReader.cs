using Npgsql;
using RfmGraph.GraphQL.Execution;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.GraphQL.Loading;
using RfmGraph.Platform.GraphQL.Querying;
using RfmGraph.Scoring.Runs;

namespace RfmGraph.Scoring.GraphQL.Runs;

/// <summary>Runs as the API reads them: one by id (batched per request) or as a keyset-paged connection.</summary>
internal static class RunReader
{
    /// <summary>The columns <see cref="RunStore.ReadInfo"/> reads, in its order (alias run).</summary>
    private const string Columns = """
        run.id, run.business_id, run.storefront_id, run.status, run.dry_run, run.method, run.bins, run.scheme_key, run.scheme_version,
        run.as_of, run.window_from, run.window_to, run.requested_at, run.started_at, run.finished_at, run.published_at,
        run.customers_scored, run.total_monetary, run.compute_ms, run.publish_ms, run.cut_points::text, run.summary::text, run.error
        """;

    public static readonly SqlModel Model = new(
        "RfmRun",
        "scoring.runs run",
        "run.id",
        [
            new("status", "upper(run.status)", SqlKind.String, "QUEUED, RUNNING, SUCCEEDED, FAILED or DRY_RUN."),
            new("storefrontId", "run.storefront_id", SqlKind.Long, "The scope's storefront (null = all storefronts).", "coalesce(run.storefront_id, 0)"),
            new("method", "run.method", SqlKind.String, "NTILE, QUANTILE_TIES or FIXED_THRESHOLDS."),
            new("schemeKey", "run.scheme_key", SqlKind.String, "Key of the segment scheme used."),
            new("requestedAt", "run.requested_at", SqlKind.DateTime, "When the run was requested."),
            new("asOf", "run.as_of", SqlKind.DateTime, "Reference instant for recency."),
            new("customersScored", "run.customers_scored", SqlKind.Long, "Customers with a score.", "coalesce(run.customers_scored, -1)"),
        ]);

    private static readonly SqlPage<RfmRunInfo> Page = new(Model, RunStore.ReadInfo, Columns);

    public static Task<Connection<RfmRunInfo>> PageAsync(IResolverContext context, long businessId) =>
        Page.ExecuteAsync(
            context.Service<NpgsqlDataSource>(),
            context,
            "run.business_id = @business",
            [new NpgsqlParameter("business", businessId)],
            [("requestedAt", true)]);

    /// <summary>The run if it belongs to the caller's business (else null: another business's ids are "not found").</summary>
    public static Task<RfmRunInfo?> LoadAsync(IResolverContext context, long runId)
    {
        var businessId = ScoringRequest.BusinessId(context);
        var dataSource = context.Service<NpgsqlDataSource>();
        return BatchLoader<long, RfmRunInfo>.For(context, "scoring.runs", async (ids, ct) =>
        {
            await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM scoring.runs run WHERE run.id = ANY(@ids) AND run.business_id = @business");
            command.Parameters.AddWithValue("ids", ids.ToArray());
            command.Parameters.AddWithValue("business", businessId);
            var runs = new Dictionary<long, RfmRunInfo>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var info = RunStore.ReadInfo(reader);
                runs[info.Id] = info;
            }

            return runs;
        }).LoadAsync(runId);
    }

    /// <summary>Whether the run is its scope's current (published, visible) run.</summary>
    public static async Task<bool> IsCurrentAsync(IResolverContext context, long runId)
    {
        var businessId = ScoringRequest.BusinessId(context);
        var dataSource = context.Service<NpgsqlDataSource>();
        var current = await BatchLoader<long, bool>.For(context, "scoring.runs.current", async (ids, ct) =>
        {
            await using var command = dataSource.CreateCommand("SELECT run_id FROM scoring.current_runs WHERE business_id = @business AND run_id = ANY(@ids)");
            command.Parameters.AddWithValue("ids", ids.ToArray());
            command.Parameters.AddWithValue("business", businessId);
            var result = ids.ToDictionary(id => id, _ => false);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                result[reader.GetInt64(0)] = true;
            }

            return result;
        }).LoadAsync(runId);
        return current;
    }
}
