using Npgsql;
using RfmGraph.GraphQL;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.GraphQL.Data;
using RfmGraph.Scoring.Data;
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
            q.OptionalConnection("customerScores", CustomerScoresAsync, o =>
            {
                o.Description = "Scored customers of one run (default: the current run of the scope), filterable and sortable on every value, score, segment and customer field; default order monetary descending. Null when the scope has no published run yet.";
                o.Arguments.Add(("runId", "ID", "The run (RfmRun.id of any kept run of your business); default: the scope's current run."));
                o.Arguments.Add(("storefrontId", "ID", "Scope of the current run when runId is not given (Storefront.id); default: all storefronts."));
                o.DefaultOrder = [("monetary", SortEnumType.Desc)];
            });
            q.Connection("rfmRuns", ScoringReads.Runs, o =>
            {
                o.Description = "Your business's runs (every scope and status unless storefrontId is given), newest first by default.";
                o.Arguments.Add(("storefrontId", "ID", "Only runs of this storefront's scope (Storefront.id); null: only business-wide runs; absent: every scope."));
                o.DefaultOrder = [("requestedAt", SortEnumType.Desc)];
            });
            q.Field("rfmRun", "RfmRun")
                .Description("A run by id; null when it does not exist or belongs to another business.")
                .Argument("id", "ID!", "The run's id (RfmRun.id).")
                .ResolveAsync((_, ctx) => ScoringRequest.ParseRun(ctx.Arguments["id"]) is { } id ? ScoringReads.RunAsync(ctx, id) : Task.FromResult<RunRow?>(null));
            q.Field("segmentStatistics", "SegmentStatistics")
                .Description("Counts, revenue and averages per segment and per score of a run (default: the business-wide current run).")
                .Argument("runId", "ID", "The run; default: the current run of the scope.")
                .Argument("storefrontId", "ID", "Scope of the current run when runId is not given.")
                .ResolveAsync(async (_, ctx) =>
                {
                    var run = await ScoringReads.PublishedRunAsync(ctx, await RunOrCurrentAsync(ctx));
                    return run is null ? null : await SegmentStatistics.ComputeAsync(ctx.Service<NpgsqlDataSource>(), run, ctx.CancellationToken);
                });
            q.Field("segmentTransitions", "SegmentTransitions")
                .Description("How customers moved between segments from one run to another (matrix cells: from, to, customers, revenue), computed in SQL.")
                .Argument("fromRunId", "ID!", "The earlier run.")
                .Argument("toRunId", "ID", "The later run; default: the current run of the from-run's scope.")
                .ResolveAsync(async (_, ctx) =>
                {
                    var from = await ScoringReads.PublishedRunAsync(ctx, ScoringRequest.ParseRun(ctx.Arguments["fromRunId"]) ?? -1);
                    if (from is null)
                    {
                        return null;
                    }

                    var toId = ctx.Arguments.TryGetValue("toRunId", out var t) && t is not null
                        ? ScoringRequest.ParseRun(t) ?? -1
                        : await ScoringReads.CurrentRunIdAsync(ctx, from.StorefrontId);
                    var to = await ScoringReads.PublishedRunAsync(ctx, toId);
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
                        return ScoringRequest.ParseScheme(id) is { } schemeId ? store.GetAsync(businessId, schemeId, ctx.CancellationToken) : Task.FromResult<SegmentScheme?>(null);
                    }

                    return ctx.Arguments.TryGetValue("key", out var key) && key is string k
                        ? store.FindAsync(businessId, k, ctx.Arguments.TryGetValue("version", out var v) && v is not null ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : null, ctx.CancellationToken)
                        : throw new GraphQLException(new GraphQLError("Pass id, or key (and optionally version)."));
                });
        });
    }

    /// <summary>The runId argument (a run of the caller's with published scores, else an error), or the scope's current run.</summary>
    internal static async Task<long?> RunOrCurrentAsync(IResolverContext ctx)
    {
        if (ctx.Arguments.TryGetValue("runId", out var runId) && runId is not null)
        {
            var run = await ScoringReads.PublishedRunAsync(ctx, ScoringRequest.ParseRun(runId) ?? -1);
            return run?.Id ?? throw new GraphQLException(new GraphQLError($"RFM run {runId} not found (or it has no published scores)."));
        }

        return await ScoringReads.CurrentRunIdAsync(ctx, ScoringRequest.StorefrontScope(ctx));
    }

    private static async ValueTask<IQueryable<CustomerScore>?> CustomerScoresAsync(IResolverContext ctx) =>
        await RunOrCurrentAsync(ctx) is { } runId ? ScoringReads.Scores(ctx, runId) : null;
}
