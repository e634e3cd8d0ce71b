using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Data;
using RfmGraph.Scoring.Schemes;

namespace RfmGraph.Scoring.GraphQL.Schemes;

/// <summary>Scheme versions by (key, version), read once per request however many rows refer to them.</summary>
internal static class SchemeLoader
{
    public static Task<SegmentScheme?> LoadAsync(IResolverContext context, string key, int version)
    {
        var businessId = ScoringRequest.BusinessId(context);
        var store = context.Service<SchemeStore>();
        return context.BatchLoader<(string, int), SegmentScheme>("scoring.schemes", async (keys, ct) =>
        {
            var schemes = new Dictionary<(string, int), SegmentScheme>();
            // A request refers to very few scheme versions (usually one): one small read each.
            foreach (var (k, v) in keys)
            {
                if (await store.FindAsync(businessId, k, v, ct) is { } scheme)
                {
                    schemes[(k, v)] = scheme;
                }
            }

            return schemes;
        }).LoadAsync((key, version));
    }
}
