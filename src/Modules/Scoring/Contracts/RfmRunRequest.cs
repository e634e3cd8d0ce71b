namespace RfmGraph.Scoring.Contracts;

/// <summary>
/// A request to recalculate RFM scores for one scope. The window is <c>[From, To]</c> (both
/// inclusive); when <see cref="From"/> is null it is <c>To - Days</c>; <see cref="To"/> defaults to
/// <see cref="AsOf"/>, which defaults to now. Recency is measured to <see cref="AsOf"/>.
/// </summary>
/// <param name="BusinessId">Tenant whose customers are scored.</param>
/// <param name="StorefrontId">Only sales of this storefront; null = every storefront of the business.</param>
/// <param name="AsOf">Reference instant for recency; null = now.</param>
/// <param name="Days">Window length in days when <see cref="From"/> is null (default 90, like the POS report).</param>
/// <param name="From">Window start (inclusive).</param>
/// <param name="To">Window end (inclusive); must not be after <see cref="AsOf"/>.</param>
/// <param name="Method">Scoring method.</param>
/// <param name="Bins">N, the number of scores per dimension (3..10).</param>
/// <param name="Scheme">Segment scheme key (built in: pos8, classic11, rfgrid10, or the business's own).</param>
/// <param name="SchemeVersion">Scheme version; null = the latest.</param>
/// <param name="Thresholds">Cut points for <see cref="ScoringMethod.FixedThresholds"/>; must be null otherwise.</param>
/// <param name="DryRun">Compute and summarise, then discard the scores: nothing is published.</param>
/// <param name="RequestedBy">Who asked (user, API key, schedule), for the run history.</param>
public sealed record RfmRunRequest(
    long BusinessId,
    long? StorefrontId = null,
    DateTimeOffset? AsOf = null,
    int? Days = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    ScoringMethod Method = ScoringMethod.QuantileTies,
    int Bins = 5,
    string Scheme = "pos8",
    int? SchemeVersion = null,
    RfmThresholds? Thresholds = null,
    bool DryRun = false,
    string? RequestedBy = null);

/// <summary>
/// User cut points, N-1 strictly ascending values per dimension. Frequency and monetary: a value
/// above the k-th cut point scores more than k. Recency (days): a value at or above the k-th cut
/// point scores at most N-k, so fewer days score higher.
/// </summary>
public sealed record RfmThresholds(IReadOnlyList<decimal> Recency, IReadOnlyList<decimal> Frequency, IReadOnlyList<decimal> Monetary);

/// <summary>An input problem, in the shape GraphQL payloads report as <c>userErrors</c>.</summary>
/// <param name="Field">Path of the offending input field, e.g. ["thresholds", "recency"].</param>
/// <param name="Message">What is wrong and what is allowed.</param>
/// <param name="Code">Stable machine-readable code.</param>
public sealed record ScoringUserError(IReadOnlyList<string> Field, string Message, string Code);

/// <summary>Outcome of <see cref="IRfmRuns.RequestAsync"/>: the queued run, or why the request was rejected.</summary>
public sealed record RfmRunRequestResult(RfmRunInfo? Run, IReadOnlyList<ScoringUserError> Errors)
{
    /// <summary>True when the run was queued.</summary>
    public bool Succeeded => Run is not null && Errors.Count == 0;
}
