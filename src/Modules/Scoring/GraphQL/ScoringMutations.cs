using System.Globalization;
using Npgsql;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Data;
using RfmGraph.Scoring.GraphQL.Runs;
using RfmGraph.Scoring.GraphQL.Schemes;
using RfmGraph.Scoring.GraphQL.Scores;
using RfmGraph.Scoring.GraphQL.Statistics;
using RfmGraph.Scoring.Schemes;

namespace RfmGraph.Scoring.GraphQL;

/// <summary>Scoring's mutations: each takes one input and returns a payload with the result or userErrors.</summary>
internal static class ScoringMutations
{
    public static void Add(SchemaBuilder schema)
    {
        schema.InputObject<object>("RfmThresholdsInput", i => i
            .Description("FIXED_THRESHOLDS cut points: bins-1 strictly ascending values per dimension.")
            .Field("recency", "[Decimal!]!", "Recency cut points in days: a value at or above the k-th scores at most N-k.")
            .Field("frequency", "[Decimal!]!", "Frequency cut points: a value above the k-th scores more than k.")
            .Field("monetary", "[Decimal!]!", "Monetary cut points: a value above the k-th scores more than k."));
        schema.InputObject<object>("RequestRfmRecalculationInput", i => i
            .Description("Scope and settings of a recalculation. Window: from/to, or the last `days` days up to asOf.")
            .Field("storefrontId", "ID", "Only this storefront's sales; default: all storefronts.")
            .Field("days", "Int", "Window length in days when from is not given (default 90).")
            .Field("from", "DateTime", "Window start (inclusive).")
            .Field("to", "DateTime", "Window end (inclusive); default asOf.")
            .Field("asOf", "DateTime", "Reference instant for recency; default now.")
            .Field("method", "ScoringMethod", "Scoring method.", defaultValue: ScoringMethod.QuantileTies)
            .Field("bins", "Int", "Scores per dimension, 3..10.", defaultValue: 5)
            .Field("scheme", "String", "Segment scheme key.", defaultValue: "pos8")
            .Field("schemeVersion", "Int", "Scheme version; default the latest.")
            .Field("thresholds", "RfmThresholdsInput", "Cut points for FIXED_THRESHOLDS (only then).")
            .Field("dryRun", "Boolean", "Compute and summarise without publishing.", defaultValue: false));
        schema.Object<RequestResult>("RequestRfmRecalculationPayload", t => t
            .Description("The queued run, or why the request was rejected (then nothing was queued).")
            .Field("run", "RfmRun", r => r.Run, "The queued run (as queued); it is executed by the recalculation job.")
            .Field("userErrors", "[UserError!]!", r => r.Errors, "Problems with the input."));
        schema.Object<DefineResult>("DefineSegmentSchemePayload", t => t
            .Description("The stored scheme version, or why the definition was rejected (then nothing was stored).")
            .Field("scheme", "SegmentScheme", r => r.Scheme, "The new (or identical latest) version.")
            .Field("userErrors", "[UserError!]!", r => r.Errors, "Problems with the input."));
        schema.InputObject<object>("PreviewSegmentSchemeInput", i => i
            .Description("The scheme to preview: a stored one (scheme, schemeVersion) or a definition not stored yet; against a run (default: the current one).")
            .Field("scheme", "String", "Key of a stored scheme.")
            .Field("schemeVersion", "Int", "Its version; default the latest.")
            .Field("definition", "SegmentSchemeInput", "A scheme definition to try without storing it.")
            .Field("runId", "ID", "The run whose scores are re-segmented; default: the current run of storefrontId's scope.")
            .Field("storefrontId", "ID", "Scope of the current run; default all storefronts."));
        schema.Object<SchemePreview>("SegmentSchemePreview", t => t
            .Description("Where the scheme would put the run's customers, against their current segments.")
            .Field("run", "RfmRun!", f => f.Description("The run re-segmented.").ResolveAsync((p, ctx) => ScoringReads.RunAsync(ctx, p.Run.Id)))
            .Field("schemeKey", "String!", p => p.SchemeKey, "The previewed scheme.")
            .Field("schemeVersion", "Int", p => p.SchemeVersion, "Its version (null for an unsaved definition).")
            .Field("customers", "Long!", p => p.Customers, "Customers in the run.")
            .Field("moved", "Long!", p => p.Moved, "Customers whose segment code would change.")
            .Field("cells", "[SegmentTransition!]!", p => p.Views, "Per current segment → new segment: customers and revenue."));
        schema.Object<PreviewResult>("PreviewSegmentSchemePayload", t => t
            .Description("The preview, or why it could not be made. Nothing is written either way.")
            .Field("preview", "SegmentSchemePreview", r => r.Preview, "The preview.")
            .Field("userErrors", "[UserError!]!", r => r.Errors, "Problems with the input."));

        schema.ExtendObject<object>("Mutation", m =>
        {
            m.Field("requestRfmRecalculation", "RequestRfmRecalculationPayload!")
                .Description("Queues an RFM recalculation for your business and starts the job that computes and publishes it. Subscribe to rfmRecalculated to hear when it is published.")
                .Argument("input", "RequestRfmRecalculationInput!", "Scope and settings.")
                .ResolveAsync((_, ctx) => RequestAsync(ctx));
            m.Field("defineSegmentScheme", "DefineSegmentSchemePayload!")
                .Description("Stores a segment scheme as the next version of its key (versions used by runs never change).")
                .Argument("input", "SegmentSchemeInput!", "The definition.")
                .ResolveAsync(async (_, ctx) =>
                {
                    var definition = SchemeInput.Read(Input(ctx));
                    var result = await ctx.Service<SchemeStore>().DefineAsync(ScoringRequest.BusinessId(ctx), definition, ctx.CancellationToken);
                    return new DefineResult(result.Scheme, result.Errors);
                });
            m.Field("previewSegmentScheme", "PreviewSegmentSchemePayload!")
                .Description("Shows who would move if a scheme segmented a run's customers (per current → new segment counts), computed in SQL; writes nothing.")
                .Argument("input", "PreviewSegmentSchemeInput!", "The scheme and the run.")
                .ResolveAsync((_, ctx) => PreviewAsync(ctx));
        });
    }

    private static IReadOnlyDictionary<string, object?> Input(IResolverContext ctx) => (IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!;

    private static async Task<RequestResult> RequestAsync(IResolverContext ctx)
    {
        var businessId = ScoringRequest.BusinessId(ctx);
        var input = Input(ctx);
        long? storefrontId = null;
        if (input.TryGetValue("storefrontId", out var s) && s is not null)
        {
            storefrontId = ScoringRequest.ParseStorefront(s);
            if (storefrontId is null || !await StorefrontExistsAsync(ctx, businessId, storefrontId.Value))
            {
                return new RequestResult(null, [new(["storefrontId"], $"Storefront {s} not found.", "STOREFRONT_NOT_FOUND")]);
            }
        }

        var request = new RfmRunRequest(
            businessId,
            storefrontId,
            AsOf: Get<DateTimeOffset?>(input, "asOf"),
            Days: Get<int?>(input, "days"),
            From: Get<DateTimeOffset?>(input, "from"),
            To: Get<DateTimeOffset?>(input, "to"),
            Method: Get<ScoringMethod?>(input, "method") ?? ScoringMethod.QuantileTies,
            Bins: Get<int?>(input, "bins") ?? 5,
            Scheme: Get<string>(input, "scheme") ?? "pos8",
            SchemeVersion: Get<int?>(input, "schemeVersion"),
            Thresholds: input.TryGetValue("thresholds", out var t) && t is IReadOnlyDictionary<string, object?> th
                ? new RfmThresholds(Decimals(th, "recency"), Decimals(th, "frequency"), Decimals(th, "monetary"))
                : null,
            DryRun: Get<bool?>(input, "dryRun") ?? false,
            RequestedBy: ctx.Request.User.Identity?.Name ?? ctx.Service<ITenantContext>().BusinessKey);
        var result = await ctx.Service<IRfmRuns>().RequestAsync(request, ctx.CancellationToken);
        if (!result.Succeeded)
        {
            return new RequestResult(null, result.Errors);
        }

        // Read before the job can start, so the payload shows the run as queued.
        var queued = await ScoringReads.RunAsync(ctx, result.Run!.Id);
        await ctx.Service<RecalculationTrigger>().TriggerAsync(result.Run.Id, ctx.CancellationToken);
        return new RequestResult(queued, []);
    }

    private static async Task<PreviewResult> PreviewAsync(IResolverContext ctx)
    {
        var businessId = ScoringRequest.BusinessId(ctx);
        var input = Input(ctx);
        var dataSource = ctx.Service<NpgsqlDataSource>();
        long? runId;
        if (input.TryGetValue("runId", out var r) && r is not null)
        {
            runId = ScoringRequest.ParseRun(r) ?? -1;
        }
        else
        {
            var storefront = input.TryGetValue("storefrontId", out var s) && s is not null ? ScoringRequest.ParseStorefront(s) ?? -1 : (long?)null;
            runId = await ScoringReads.CurrentRunIdAsync(ctx, storefront);
        }

        var run = runId is { } id ? (await ScoringReads.RunAsync(ctx, id))?.ToInfo() : null;
        if (run is not { Status: RfmRunStatus.Succeeded })
        {
            return new PreviewResult(null, [new([input.ContainsKey("runId") ? "runId" : "storefrontId"], "No published run to preview against; request a recalculation first.", "RUN_NOT_FOUND")]);
        }

        string key;
        int? version;
        int bins;
        FallbackSegment fallback;
        IReadOnlyList<(ScoreRange R, ScoreRange F, ScoreRange M, string Code, string Name)> rules;
        if (input.TryGetValue("definition", out var d) && d is IReadOnlyDictionary<string, object?> definitionInput)
        {
            var definition = SchemeInput.Read(definitionInput);
            var errors = SchemeValidator.Validate(definition);
            if (errors.Count > 0)
            {
                return new PreviewResult(null, [.. errors.Select(e => e with { Field = ["definition", .. e.Field] })]);
            }

            (key, version, bins, fallback) = (definition.Key, null, definition.Bins, definition.Fallback);
            rules = [.. definition.Rules.Select(x => (x.R, x.F, x.M, x.Code, x.Name))];
        }
        else if (input.TryGetValue("scheme", out var k) && k is string schemeKey)
        {
            var scheme = await ctx.Service<SchemeStore>().FindAsync(businessId, schemeKey, Get<int?>(input, "schemeVersion"), ctx.CancellationToken);
            if (scheme is null)
            {
                return new PreviewResult(null, [new(["scheme"], $"No segment scheme '{schemeKey}'.", "SCHEME_NOT_FOUND")]);
            }

            (key, version, bins, fallback) = (scheme.Key, scheme.Version, scheme.Bins, scheme.Fallback);
            rules = [.. scheme.Rules.Select(x => (x.R, x.F, x.M, x.Code, x.Name))];
        }
        else
        {
            return new PreviewResult(null, [new(["scheme"], "Pass scheme (a stored scheme's key) or definition.", "REQUIRED")]);
        }

        if (bins != run.Bins)
        {
            return new PreviewResult(null, [new(["scheme"], $"The scheme is written for {bins} bins but run {run.Id} scored with {run.Bins}.", "SCHEME_BINS_MISMATCH")]);
        }

        var preview = await SchemePreview.ComputeAsync(dataSource, run, key, version, fallback, [.. rules.Select(x => (x.R, x.F, x.M, x.Code))], ctx.CancellationToken);
        var toNames = rules.GroupBy(x => x.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        toNames[fallback.Code] = fallback.Name;
        var fromNames = run.Segments.GroupBy(x => x.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return new PreviewResult(preview with { Views = [.. TransitionView.Of(preview.Cells, fromNames, toNames)] }, []);
    }

    private static async Task<bool> StorefrontExistsAsync(IResolverContext ctx, long businessId, long storefrontId)
    {
        await using var command = ctx.Service<NpgsqlDataSource>().CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM sales.storefront_directory WHERE business_id = @business AND storefront_id = @storefront)");
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("storefront", storefrontId);
        return (bool)(await command.ExecuteScalarAsync(ctx.CancellationToken))!;
    }

    private static T? Get<T>(IReadOnlyDictionary<string, object?> input, string name)
    {
        if (!input.TryGetValue(name, out var value) || value is null)
        {
            return default;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)(target.IsInstanceOfType(value) ? value : Convert.ChangeType(value, target, CultureInfo.InvariantCulture));
    }

    private static decimal[] Decimals(IReadOnlyDictionary<string, object?> map, string name) =>
        [.. ScoringRequest.Items(map.TryGetValue(name, out var v) ? v : null).Select(x => Convert.ToDecimal(x, CultureInfo.InvariantCulture))];

    private sealed record RequestResult(RunRow? Run, IReadOnlyList<ScoringUserError> Errors);

    private sealed record DefineResult(SegmentScheme? Scheme, IReadOnlyList<ScoringUserError> Errors);

    private sealed record PreviewResult(SchemePreview? Preview, IReadOnlyList<ScoringUserError> Errors);
}
