using RfmGraph.GraphQL.Types;
using RfmGraph.Scoring.Contracts;
using RfmGraph.GraphQL.Subscriptions;
using RfmGraph.Scoring.GraphQL.Events;

namespace RfmGraph.Scoring.GraphQL;

/// <summary>The rfmRecalculated subscription, fed by the RfmRunPublished integration event.</summary>
internal static class ScoringSubscriptions
{
    public static void Add(SchemaBuilder schema)
    {
        schema.Object<RfmSegmentChange>("RfmSegmentChange", t => t
            .Description("How much a segment grew or shrank against the previous run.")
            .Field("segment", "RfmSegment!", c => new SegmentRef(c.Code, c.Name), "The segment.")
            .Field("previousCustomers", "Long!", c => c.PreviousCustomers, "Customers in the previous run.")
            .Field("customers", "Long!", c => c.Customers, "Customers now.")
            .Field("delta", "Long!", c => c.Delta, "Customers gained (negative: lost)."));
        schema.Object<RfmRunPublished>("RfmRecalculated", t =>
        {
            t.Description("A run was published: it is now the current run of its scope.");
            t.Field("runId", "ID!", e => ScoringRequest.RunId(e.RunId), "The published run (RfmRun.id).");
            t.Field("run", "RfmRun").Description("The published run.").ResolveAsync((e, ctx) => ScoringReads.RunAsync(ctx, e.RunId));
            t.Field("storefrontId", "ID", e => ScoringRequest.StorefrontId(e.StorefrontId), "The scope's storefront (Storefront.id); null = all.");
            t.Field("previousRunId", "ID", e => e.PreviousRunId is { } p ? ScoringRequest.RunId(p) : null, "The scope's run before this one (RfmRun.id).");
            t.Field("customersScored", "Long!", e => e.CustomersScored, "Customers with a score.");
            t.Field("durationMilliseconds", "Long!", e => (long)e.Duration.TotalMilliseconds, "Compute plus publish time.");
            t.Field("segments", "[RfmRunSegment!]!", e => e.Segments, "Per segment: customers, revenue, averages.");
            t.Field("topChanges", "[RfmSegmentChange!]!", e => e.TopChanges, "Segments whose size changed most, largest first.");
        });
        schema.ExtendObject<object>("Subscription", s => s
            .Field("rfmRecalculated", "RfmRecalculated!")
            .Description("Every run of your business published from now on (optionally only one storefront's scope).")
            .Argument("storefrontId", "ID", "Only runs of this storefront's scope; default: every scope.")
            .Subscribe(ctx =>
            {
                var businessId = ScoringRequest.BusinessId(ctx);
                var storefront = ScoringRequest.StorefrontScope(ctx);
                var events = ctx.Service<ITopicEventStream>().SubscribeAsync<RfmRunPublished>(RfmRecalculatedTopic.For(businessId), ctx.CancellationToken);
                // The topic is the business's; the check on BusinessId guards against a stream that shares topics.
                return Filter(events, businessId, storefront, ctx.CancellationToken);
            }));
    }

    private static async IAsyncEnumerable<RfmRunPublished> Filter(
        IAsyncEnumerable<RfmRunPublished> events, long businessId, long? storefrontId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var published in events.WithCancellation(cancellationToken))
        {
            if (published.BusinessId == businessId && (storefrontId is null || published.StorefrontId == storefrontId))
            {
                yield return published;
            }
        }
    }
}
