using RfmGraph.GraphQL.Types;
using RfmGraph.Scoring.Contracts;
using RfmGraph.GraphQL.Data;
using RfmGraph.Scoring.Data;
using RfmGraph.Scoring.Runs;
using RfmGraph.Scoring.GraphQL.Schemes;
using RfmGraph.Scoring.GraphQL.Scores;
using RfmGraph.Scoring.Schemes;

namespace RfmGraph.Scoring.GraphQL;

/// <summary>Object, enum and input types of the Scoring API (runs, scores, segments, schemes).</summary>
internal static class ScoringTypes
{
    public static void Add(SchemaBuilder schema)
    {
        schema.Enum<ScoringMethod>("ScoringMethod", e => e
            .Description("How R, F and M values become scores 1..N.")
            .Value("NTILE", "NTILE(N) over the value, ties broken by customer id (the seeds' method): equal values can get different scores.")
            .Value("QUANTILE_TIES", "Cut points at the quantiles of the values; equal values always share a score (default).")
            .Value("FIXED_THRESHOLDS", "Cut points given with the request (thresholds)."));
        schema.Enum<RfmRunStatus>("RfmRunStatus", e => e
            .Description("Lifecycle of a run.")
            .Value("QUEUED", "Waiting for the job.")
            .Value("RUNNING", "Being computed; nothing of it is visible yet.")
            .Value("SUCCEEDED", "Published: its scores are readable.")
            .Value("FAILED", "Stopped by an error; nothing of it was kept.")
            .Value("DRY_RUN", "Computed and summarised; scores discarded."));
        schema.Enum<RfmRunStage>("RfmRunStage", e => e
            .Description("What a running run is doing.")
            .Value("COMPUTING", "Values, cut points, scores and segments are being computed; nothing is visible yet.")
            .Value("PUBLISHING", "The scores are being indexed; readers switch to them when this ends."));
        schema.Object<RunProgressRow>("RfmRunProgress", t => t
            .Description("Progress of a running run: one set-based statement per stage, so stages rather than percentages.")
            .Field("stage", "RfmRunStage!", p => p.Stage, "The stage the run is in.")
            .Field("stageStartedAt", "DateTime!", p => p.StageStartedAt, "When it entered that stage."));
        AddSegmentTypes(schema);
        AddScoreTypes(schema);
        AddRunTypes(schema);
        SchemeTypes.Add(schema);
    }

    private static void AddSegmentTypes(SchemaBuilder schema)
    {
        schema.Object<SegmentRef>("RfmSegment", t => t
            .Description("A segment of a scheme, as stored with scores (code) and shown to people (name).")
            .Field("code", "String!", s => s.Code, "Stable code, e.g. CHAMPIONS.")
            .Field("name", "String!", s => s.Name, "Display name, e.g. Champions."));
        schema.Object<ScoreRange>("ScoreRange", t => t
            .Description("An inclusive range of scores.")
            .Field("min", "Int!", r => r.Min, "Lowest score in the range.")
            .Field("max", "Int!", r => r.Max, "Highest score in the range."));
        schema.Object<RfmCutPoints>("RfmCutPoints", t => t
            .Description("Cut points a run used: N-1 ascending values per dimension. F and M: a value above the k-th point scores more than k. R (days): a value at or above the k-th point scores at most N-k.")
            .Field("recency", "[Decimal!]!", c => c.Recency, "Recency cut points, in days.")
            .Field("frequency", "[Decimal!]!", c => c.Frequency, "Frequency cut points, in orders.")
            .Field("monetary", "[Decimal!]!", c => c.Monetary, "Monetary cut points, in the business currency."));
        schema.Object<RfmScoreRange>("RfmScoreValueRange", t => t
            .Description("The customers one score of one dimension got in a run, and the value range they cover.")
            .Field("dimension", "String!", r => r.Dimension.ToUpperInvariant(), "R, F or M.")
            .Field("score", "Int!", r => r.Score, "The score.")
            .Field("customers", "Long!", r => r.Customers, "Customers with this score.")
            .Field("min", "Decimal!", r => r.Min, "Smallest value with this score.")
            .Field("max", "Decimal!", r => r.Max, "Largest value with this score."));
    }

    private static void AddScoreTypes(SchemaBuilder schema)
    {
        schema.Object<CustomerScoreRow>("CustomerRfm", t =>
        {
            t.Description("A customer's RFM values, scores and segment in one run.");
            t.Field("runId", "ID!", r => ScoringRequest.RunId(r.RunId), "The run these scores belong to (RfmRun.id).");
            t.Field("run", "RfmRun").Description("The run these scores belong to.")
                .ResolveAsync((r, ctx) => ScoringReads.RunAsync(ctx, r.RunId));
            t.Field("lastOrderAt", "DateTime!", r => r.LastOrderAt, "When the last counted order was placed.");
            t.Field("recencyDays", "Int!", r => r.RecencyDays, "Whole days from the last counted order to the run's asOf.");
            t.Field("frequency", "Int!", r => r.Frequency, "Counted orders in the window.");
            t.Field("monetary", "Decimal!", r => r.Monetary, "Net revenue in the window (refunds subtracted).");
            t.Field("r", "Int!", r => r.R, "Recency score, 1..N (N = most recent).");
            t.Field("f", "Int!", r => r.F, "Frequency score, 1..N (N = most frequent).");
            t.Field("m", "Int!", r => r.M, "Monetary score, 1..N (N = highest spend).");
            t.Field("segment", "RfmSegment!", r => new SegmentRef(r.SegmentCode, r.SegmentName), "The segment the scheme put the customer in.");
            t.Field("explanation", "RfmExplanation").Description("Why: the run's method and cut points, and the first rule that matched (or the fallback).")
                .ResolveAsync(async (r, ctx) =>
                {
                    var run = await ScoringReads.RunAsync(ctx, r.RunId);
                    if (run is null)
                    {
                        return null;
                    }

                    var scheme = await SchemeLoader.LoadAsync(ctx, run.SchemeKey, run.SchemeVersion);
                    return RfmExplanation.Create(r, run.ToInfo(), scheme);
                });
        });
        schema.Object<RfmExplanation>("RfmExplanation", t => t
            .Description("Why a customer has its scores and segment.")
            .Field("text", "String!", e => e.Text, "The explanation in one paragraph.")
            .Field("matchedRule", "SegmentRule", e => e.Rule, "The first rule whose R, F and M ranges contain the scores; null when none did (fallback).")
            .Field("fallback", "SegmentFallback", e => e.Fallback, "The scheme's fallback segment, when no rule matched.")
            .Field("schemeKey", "String!", e => e.SchemeKey, "The scheme used.")
            .Field("schemeVersion", "Int!", e => e.SchemeVersion, "The scheme version used.")
            .Field("method", "ScoringMethod!", e => e.Method, "The scoring method of the run.")
            .Field("bins", "Int!", e => e.Bins, "N, scores per dimension.")
            .Field("cutPoints", "RfmCutPoints", e => e.CutPoints, "The value cut points the run used (null for NTILE, which ranks instead; see scoreRanges).")
            .Field("scoreRanges", "[RfmScoreValueRange!]!", e => e.ScoreRanges, "Per dimension and score: the value range the run's customers with that score cover."));
        // Internal ids and the run stay out of filters and sorts (the run is chosen by argument).
        schema.AddDataType<CustomerScore>(d => d
            .Key(s => s.CustomerId)
            .Ignore(s => s.RunId)
            .Ignore(s => s.BusinessId)
            .Ignore(s => s.CustomerId)
            .Ignore(s => s.RulePosition));
        schema.Object<CustomerScore>("CustomerScore", t =>
        {
            t.Description("A scored customer in a run (the customer fields come from the Sales directory).");
            t.Field("customerId", "ID!", s => ScoringRequest.CustomerId(s.CustomerId), "The customer's global id (as Customer.id).");
            t.Field("externalId", "String!", s => s.ExternalId, "The customer's id in the source system.");
            t.Field("name", "String", s => s.Name, "The customer's name.");
            t.Field("email", "String", s => s.Email, "The customer's email.");
            t.Field("customerCreatedAt", "DateTime!", s => s.CustomerCreatedAt, "When the customer first appeared (Customer.createdAt).");
            t.Field("rfm", "CustomerRfm!", f => f
                .Description("Values, scores, segment and explanation.")
                .Requires(CustomerScoreRow.Members)
                .Resolve(s => CustomerScoreRow.From(s)));
            t.Field("lastOrderAt", "DateTime!", s => s.LastOrderAt, "When the last counted order was placed.");
            t.Field("recencyDays", "Int!", s => s.RecencyDays, "Whole days from the last counted order to asOf.");
            t.Field("frequency", "Int!", s => s.Frequency, "Counted orders in the window.");
            t.Field("monetary", "Decimal!", s => s.Monetary, "Net revenue in the window.");
            t.Field("r", "Int!", s => (int)s.R, "Recency score.");
            t.Field("f", "Int!", s => (int)s.F, "Frequency score.");
            t.Field("m", "Int!", s => (int)s.M, "Monetary score.");
            t.Field("segment", "RfmSegment!", f => f
                .Description("The customer's segment.")
                .Requires(nameof(CustomerScore.SegmentCode), nameof(CustomerScore.SegmentName))
                .Resolve(s => new SegmentRef(s.SegmentCode, s.SegmentName)));
        });
    }

    private static void AddRunTypes(SchemaBuilder schema)
    {
        schema.Object<RfmSegmentSummary>("RfmRunSegment", t => t
            .Description("One segment of a run: size, revenue, averages.")
            .Field("segment", "RfmSegment!", s => new SegmentRef(s.Code, s.Name), "The segment.")
            .Field("customers", "Long!", s => s.Customers, "Customers in the segment.")
            .Field("revenue", "Decimal!", s => s.Monetary, "Their net revenue in the window.")
            .Field("averageRecencyDays", "Decimal!", s => s.AvgRecencyDays, "Average days since the last order.")
            .Field("averageFrequency", "Decimal!", s => s.AvgFrequency, "Average orders.")
            .Field("averageMonetary", "Decimal!", s => s.AvgMonetary, "Average revenue per customer."));
        // Internal ids and the jsonb documents stay out of filters and sorts; the scope is the storefrontId argument.
        schema.AddDataType<RunRow>(d => d
            .Key(r => r.Id)
            .Ignore(r => r.Id)
            .Ignore(r => r.BusinessId)
            .Ignore(r => r.StorefrontId)
            .Ignore(r => r.CutPoints)
            .Ignore(r => r.Summary)
            .Ignore(r => r.Error)
            .Rename(r => r.ComputeMs, "computeMilliseconds")
            .Rename(r => r.PublishMs, "publishMilliseconds"));
        schema.Object<RunRow>("RfmRun", t =>
        {
            t.Description("One RFM recalculation: its scope, settings, cut points, counts and timing. Immutable once finished.");
            t.Field("status", "RfmRunStatus!", r => r.Status, "Where the run is in its lifecycle.");
            t.Field("dryRun", "Boolean!", r => r.DryRun, "Computed and summarised without publishing.");
            t.Field("storefrontId", "ID", r => ScoringRequest.StorefrontId(r.StorefrontId), "The scope's storefront (Storefront.id); null = all storefronts of the business.");
            t.Field("asOf", "DateTime!", r => r.AsOf, "Reference instant for recency.");
            t.Field("windowFrom", "DateTime!", r => r.WindowFrom, "First instant of the sales window (inclusive).");
            t.Field("windowTo", "DateTime!", r => r.WindowTo, "Last instant of the sales window (inclusive).");
            t.Field("method", "ScoringMethod!", r => r.Method, "Scoring method.");
            t.Field("bins", "Int!", r => (int)r.Bins, "N, scores per dimension.");
            t.Field("schemeKey", "String!", r => r.SchemeKey, "Segment scheme key.");
            t.Field("schemeVersion", "Int!", r => r.SchemeVersion, "Segment scheme version.");
            t.Field("scheme", "SegmentScheme", f => f
                .Description("The scheme version the run used.")
                .Requires(nameof(RunRow.SchemeKey), nameof(RunRow.SchemeVersion))
                .ResolveAsync((r, ctx) => SchemeLoader.LoadAsync(ctx, r.SchemeKey, r.SchemeVersion)));
            t.Field("cutPoints", "RfmCutPoints", f => f
                .Description("Value cut points used (null for NTILE and for unfinished runs).")
                .MapsTo(nameof(RunRow.CutPoints))
                .Resolve(r => RunJson.ReadCutPoints(r.CutPoints)));
            t.Field("scoreRanges", "[RfmScoreValueRange!]!", f => f
                .Description("Per dimension and score: customers and the value range covered.")
                .MapsTo(nameof(RunRow.Summary))
                .Resolve(r => RunJson.ReadSummary(r.Summary).Scores));
            t.Field("segments", "[RfmRunSegment!]!", f => f
                .Description("Per segment: customers, revenue and averages.")
                .MapsTo(nameof(RunRow.Summary))
                .Resolve(r => RunJson.ReadSummary(r.Summary).Segments));
            t.Field("customersScored", "Long", r => r.CustomersScored, "Customers with a score (null until finished).");
            t.Field("totalMonetary", "Decimal", r => r.TotalMonetary, "Net revenue of the scored customers.");
            t.Field("requestedAt", "DateTime!", r => r.RequestedAt, "When the run was requested.");
            t.Field("startedAt", "DateTime", r => r.StartedAt, "When computing started.");
            t.Field("progress", "RfmRunProgress", f => f
                .Description("What the run is doing while it runs; null when it is not running.")
                .Requires(nameof(RunRow.Id), nameof(RunRow.Status))
                .ResolveAsync((r, ctx) => r.Status == RfmRunStatus.Running ? ScoringReads.ProgressAsync(ctx, r.Id) : Task.FromResult<RunProgressRow?>(null)));
            t.Field("finishedAt", "DateTime", r => r.FinishedAt, "When the run finished (succeeded, failed or dry run).");
            t.Field("publishedAt", "DateTime", r => r.PublishedAt, "When its scores became visible.");
            t.Field("computeMilliseconds", "Long", f => f
                .Description("Time spent computing.")
                .MapsTo(nameof(RunRow.ComputeMs))
                .Resolve(r => (long?)r.ComputeMs));
            t.Field("publishMilliseconds", "Long", f => f
                .Description("Time spent publishing.")
                .MapsTo(nameof(RunRow.PublishMs))
                .Resolve(r => (long?)r.PublishMs));
            t.Field("durationMilliseconds", "Long", f => f
                .Description("Compute plus publish time.")
                .Requires(nameof(RunRow.ComputeMs), nameof(RunRow.PublishMs))
                .Resolve(r => r.ComputeMs is { } compute ? compute + (long)(r.PublishMs ?? 0) : (long?)null));
            t.Field("error", "String", r => r.Error, "Why the run failed.");
            t.Field("isCurrent", "Boolean!").Description("True while this run is the one its scope's readers see.")
                .ResolveAsync((r, ctx) => ScoringReads.IsCurrentAsync(ctx, r.Id));
        });
        schema.AddNodeType<RunRow, long>(ScoringRequest.RunType, r => r.Id, ScoringReads.RunsByIdAsync);
    }
}

/// <summary>A segment's code and name.</summary>
internal sealed record SegmentRef(string Code, string Name);
