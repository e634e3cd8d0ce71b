using Microsoft.EntityFrameworkCore;
using RfmGraph.GraphQL.Data;
using RfmGraph.GraphQL.Execution;
using RfmGraph.Platform.GraphQL;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Data;

namespace RfmGraph.Scoring.GraphQL;

/// <summary>
/// The queryables and batched loads behind Scoring's read fields, over <see cref="ScoringReadDbContext"/> (one
/// context per resolver: fields resolve concurrently). Every query names the caller's business explicitly as
/// well as through the context's query filter.
/// </summary>
internal static class ScoringReads
{
    public static ScoringReadDbContext Db(IResolverContext context) => context.Service<RequestDbContexts<ScoringReadDbContext>>().Create();

    public static IQueryable<CustomerScore> Scores(IResolverContext context, long runId)
    {
        var businessId = ScoringRequest.BusinessId(context);
        return Db(context).CustomerScores.AsNoTracking().Where(s => s.RunId == runId && s.BusinessId == businessId);
    }

    /// <summary>Runs of the business; with a storefrontId argument only that storefront's scope (null = every scope).</summary>
    public static IQueryable<RunRow> Runs(IResolverContext context)
    {
        var businessId = ScoringRequest.BusinessId(context);
        var runs = Db(context).Runs.AsNoTracking().Where(r => r.BusinessId == businessId);
        if (context.Arguments.ContainsKey("storefrontId"))
        {
            var storefront = ScoringRequest.StorefrontScope(context);
            runs = storefront is { } id ? runs.Where(r => r.StorefrontId == id) : runs.Where(r => r.StorefrontId == null);
        }

        return runs;
    }

    /// <summary>A run of the caller's business by id, batched per request; null when unknown or another business's.</summary>
    public static Task<RunRow?> RunAsync(IResolverContext context, long runId) =>
        context.BatchLoader<long, RunRow>("scoring.runs", (ids, ct) => RunsByIdAsync(context, ids, ct)).LoadAsync(runId);

    /// <summary>An optional run id (e.g. of a mutation payload) as its run.</summary>
    public static Task<RunRow?> RunAsync(IResolverContext context, long? runId) =>
        runId is { } id ? RunAsync(context, id) : Task.FromResult<RunRow?>(null);

    public static async Task<IReadOnlyDictionary<long, RunRow>> RunsByIdAsync(IResolverContext context, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var businessId = ScoringRequest.BusinessId(context);
        return await Db(context).Runs.AsNoTracking()
            .Where(r => r.BusinessId == businessId && ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
    }

    /// <summary>What a run is doing (its latest stage), batched per request; null before it started.</summary>
    public static Task<RunProgressRow?> ProgressAsync(IResolverContext context, long runId)
    {
        var businessId = ScoringRequest.BusinessId(context);
        return context.BatchLoader<long, RunProgressRow>("scoring.run_progress", async (ids, ct) =>
            await Db(context).RunProgress.AsNoTracking()
                .Where(p => p.BusinessId == businessId && ids.Contains(p.RunId))
                .ToDictionaryAsync(p => p.RunId, ct)).LoadAsync(runId);
    }

    /// <summary>The run with published scores (succeeded and kept), or null.</summary>
    public static async Task<RfmRunInfo?> PublishedRunAsync(IResolverContext context, long? runId) =>
        runId is { } id && await RunAsync(context, id) is { Status: RfmRunStatus.Succeeded } run ? run.ToInfo() : null;

    /// <summary>The published run readers of a scope see (business; one storefront or null = all storefronts).</summary>
    public static async Task<long?> CurrentRunIdAsync(IResolverContext context, long? storefrontId)
    {
        var businessId = ScoringRequest.BusinessId(context);
        var pointers = Db(context).CurrentRuns.AsNoTracking().Where(c => c.BusinessId == businessId);
        pointers = storefrontId is { } id ? pointers.Where(c => c.StorefrontId == id) : pointers.Where(c => c.StorefrontId == null);
        return await pointers.Select(c => (long?)c.RunId).FirstOrDefaultAsync(context.CancellationToken);
    }

    /// <summary>Whether the run is its scope's current (published, visible) run; batched per request.</summary>
    public static async Task<bool> IsCurrentAsync(IResolverContext context, long runId)
    {
        var businessId = ScoringRequest.BusinessId(context);
        var current = await context.BatchLoader<long, bool>("scoring.runs.current", async (ids, ct) =>
        {
            var published = await Db(context).CurrentRuns.AsNoTracking()
                .Where(c => c.BusinessId == businessId && ids.Contains(c.RunId))
                .Select(c => c.RunId)
                .ToListAsync(ct);
            return ids.ToDictionary(id => id, published.Contains);
        }).LoadAsync(runId);
        return current;
    }
}
