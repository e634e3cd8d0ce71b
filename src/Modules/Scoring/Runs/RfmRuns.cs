using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Schemes;

namespace RfmGraph.Scoring.Runs;

/// <summary>The module's implementation of <see cref="IRfmRuns"/>.</summary>
internal sealed class RfmRuns(RunStore store, SchemeStore schemes, RunExecutor executor, TimeProvider clock) : IRfmRuns
{
    public async Task<RfmRunRequestResult> RequestAsync(RfmRunRequest request, CancellationToken cancellationToken)
    {
        var (asOf, from, to, errors) = RunRequestValidator.Validate(request, clock.GetUtcNow());
        SegmentScheme? scheme = null;
        if (!string.IsNullOrWhiteSpace(request.Scheme))
        {
            scheme = await schemes.FindAsync(request.BusinessId, request.Scheme, request.SchemeVersion, cancellationToken);
            if (scheme is null)
            {
                errors.Add(new(["scheme"],
                    $"No segment scheme '{request.Scheme}'{(request.SchemeVersion is { } v ? $" version {v}" : string.Empty)} (built in: pos8, classic11, rfgrid10).",
                    "SCHEME_NOT_FOUND"));
            }
            else if (scheme.Bins != request.Bins)
            {
                errors.Add(new(["bins"],
                    $"Scheme '{scheme.Key}' v{scheme.Version} is written for {scheme.Bins} bins; use bins: {scheme.Bins} or a scheme defined for {request.Bins} bins.",
                    "SCHEME_BINS_MISMATCH"));
            }
        }

        if (errors.Count > 0 || scheme is null)
        {
            return new RfmRunRequestResult(null, errors);
        }

        var id = await store.InsertQueuedAsync(new NewRun(
            request.BusinessId, request.StorefrontId, asOf, from, to, request.Method, request.Bins,
            scheme.Id, scheme.Key, scheme.Version, request.Thresholds, request.DryRun, request.RequestedBy), cancellationToken);
        return new RfmRunRequestResult(await store.FindAsync(request.BusinessId, id, cancellationToken), []);
    }

    public Task<RfmRunInfo> ExecuteAsync(long runId, IProgress<RfmRunProgress>? progress, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(runId, progress, cancellationToken);

    public Task<RfmRunInfo?> FindAsync(long businessId, long runId, CancellationToken cancellationToken) =>
        store.FindAsync(businessId, runId, cancellationToken);
}
