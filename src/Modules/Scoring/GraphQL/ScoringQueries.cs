using Npgsql;
using RfmGraph.GraphQL;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Platform.GraphQL.Querying;
using RfmGraph.Scoring.GraphQL.Runs;
using RfmGraph.Scoring.GraphQL.Scores;
using RfmGraph.Scoring.GraphQL.Statistics;
using RfmGraph.Scoring.Schemes;

namespace RfmGraph.Scoring.GraphQL;

/// <summary>Scoring's fields on Query and its extension of Sales' Customer type (by name).</summary>
internal static class ScoringQueries
{
    public static void Add(SchemaBuilder schema)
    {
        schema.ExtendObject<object>("Customer", t =>
        {
            t.Field("rfm", "CustomerRfm")
                .Description("The customer's RFM values, scores and segment in the business-wide current run (null = not scored: no counted order in the window).")
                .ResolveAsync((c, ctx) => CustomerRfmLoaders.CurrentAsync(ctx, ScoringRequest.CustomerKey(c)));
            t.Field("rfmHistory", "[CustomerRfm!]!")
                .Description("One entry per kept run (every scope) that scored the customer, newest first.")
                .ResolveAsync((c, ctx) => CustomerRfmLoaders.HistoryAsync(ctx, ScoringRequest.CustomerKey(c)));
        });

        schema.ExtendObject<object>("Query", q =>
        {
            q.Field("customerScores", "CustomerScoreConnection")
                .Description("Scored customers of one run (default: the current run of the scope), filterable and sortable on every value, score, segment and customer field; default order monetary descending. Null when the scope has no published run yet.")
                .Argument("runId", "ID", "The run (any kept run of your business); default: the scope's current run.")
                .Argument("storefrontId", "ID", "Scope of the current run when runId is not given; default: all storefronts.")
                .ConnectionArguments(CustomerScoresQuery.Model)
                .ResolveAsync(async (_, ctx) =>
                {
                    var businessId = ScoringRequest.BusinessId(ctx);
                    var runId = await RunOrCurrentAsync(ctx, businessId);
                    return runId is null ? null : await CustomerScoresQuery.ExecuteAsync(ctx, businessId, runId.Value);
                });
            q.Field("rfmRuns", "RfmRunConnection!")
                .Description("Your business's runs (every scope and status), newest first by default.")
                .ConnectionArguments(RunReader.Model)
                .ResolveAsync((_, ctx) => RunReader.PageAsync(ctx, ScoringRequest.BusinessId(ctx)));
            q.Field("rfmRun", "RfmRun")
                .Description("A run by id; null when it does not exist or belongs to another business.")
                .Argument("id", "ID!", "The run id.")
                .ResolveAsync((_, ctx) => ScoringRequest.ParseId(ctx.Arguments["id"]) is { } id ? RunReader.LoadAsync(ctx, id) : Task.FromResult<RfmRunInfo?>(null));
            q.Field("segmentStatistics", "SegmentStatistics")
                .Description("Counts, revenue and averages per segment and per score of a run (default: the business-wide current run).")
                .Argument("runId", "ID", "The run; default: the current run of the scope.")
                .Argument("storefrontId", "ID", "Scope of the current run when runId is not given.")
                .ResolveAsync(async (_, ctx) =>
                {
                    var run = await PublishedRunAsync(ctx, await RunOrCurrentAsync(ctx, ScoringRequest.BusinessId(ctx)));
                    return run is null ? null : await SegmentStatistics.ComputeAsync(ctx.Service<NpgsqlDataSource>(), run, ctx.CancellationToken);
                });
            q.Field("segmentTransitions", "SegmentTransitions")
                .Description("How customers moved between segments from one run to another (matrix cells: from, to, customers, revenue), computed in SQL.")
                .Argument("fromRunId", "ID!", "The earlier run.")
                .Argument("toRunId", "ID", "The later run; default: the current run of the from-run's scope.")
                .ResolveAsync(async (_, ctx) =>
                {
                    var from = await PublishedRunAsync(ctx, ScoringRequest.ParseId(ctx.Arguments["fromRunId"]) ?? -1);
                    if (from is null)
                    {
                        return null;
                    }

                    var toId = ctx.Arguments.TryGetValue("toRunId", out var t) && t is not null
                        ? ScoringRequest.ParseId(t) ?? -1
                        : await CurrentRun.FindAsync(ctx.Service<NpgsqlDataSource>(), from.BusinessId, from.StorefrontId, ctx.CancellationToken);
                    var to = await PublishedRunAsync(ctx, toId);
                    return to is null ? null : await SegmentTransitions.ComputeAsync(ctx.Service<NpgsqlDataSource>(), from, to, ctx.CancellationToken);
                });
            q.Field("segmentSchemes", "[SegmentScheme!]!")
                .Description("Every scheme version you can use: the built-in ones, then your own, by key and version.")
                .ResolveAsync((_, ctx) => ctx.Service<SchemeStore>().ListAsync(ScoringRequest.BusinessId(ctx), ctx.CancellationToken));
            q.Field("segmentScheme", "SegmentScheme")
                .Description("A scheme version by id, or by key (and version, default latest); null when not found or another business's.")
                .Argument("id", "ID", "The scheme version id.")
                .Argument("key", "String", "The scheme key.")
                .Argument("version", "Int", "The version (with key); default: the latest.")
                .ResolveAsync((_, ctx) =>
                {
                    var businessId = ScoringRequest.BusinessId(ctx);
                    var store = ctx.Service<SchemeStore>();
                    if (ctx.Arguments.TryGetValue("id", out var id) && id is not null)
                    {
                        return ScoringRequest.ParseId(id) is { } schemeId ? store.GetAsync(businessId, schemeId, ctx.CancellationToken) : Task.FromResult<SegmentScheme?>(null);
                    }

                    return ctx.Arguments.TryGetValue("key", out var key) && key is string k
                        ? store.FindAsync(businessId, k, ctx.Arguments.TryGetValue("version", out var v) && v is not null ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : null, ctx.CancellationToken)
                        : throw new GraphQLException(new GraphQLError("Pass id, or key (and optionally version)."));
                });
        });
    }

    /// <summary>The runId argument, or the scope's current run (storefrontId argument; null = all storefronts).</summary>
    internal static async Task<long?> RunOrCurrentAsync(IResolverContext ctx, long businessId)
    {
        if (ctx.Arguments.TryGetValue("runId", out var runId) && runId is not null)
        {
            var run = await PublishedRunAsync(ctx, ScoringRequest.ParseId(runId) ?? -1);
            return run?.Id ?? throw new GraphQLException(new GraphQLError($"RFM run {runId} not found (or it has no published scores)."));
        }

        var storefront = ctx.Arguments.TryGetValue("storefrontId", out var s) && s is not null ? ScoringRequest.ParseId(s) ?? -1 : (long?)null;
        return await CurrentRun.FindAsync(ctx.Service<NpgsqlDataSource>(), businessId, storefront, ctx.CancellationToken);
    }

    /// <summary>The run when it is the caller's and its scores exist (succeeded, and still kept).</summary>
    private static async Task<RfmRunInfo?> PublishedRunAsync(IResolverContext ctx, long? runId) =>
        runId is { } id && await RunReader.LoadAsync(ctx, id) is { Status: RfmRunStatus.Succeeded } run ? run : null;
}
