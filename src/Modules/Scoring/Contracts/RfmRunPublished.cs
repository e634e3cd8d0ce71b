namespace RfmGraph.Scoring.Contracts;

/// <summary>
/// Integration event: a run was published and is now the current run of its scope. Raised after
/// the publishing transaction committed (subscribers never see an event for rolled-back work).
/// </summary>
/// <param name="RunId">The published run.</param>
/// <param name="BusinessId">Tenant.</param>
/// <param name="StorefrontId">Scope's storefront; null = all storefronts.</param>
/// <param name="PreviousRunId">The scope's current run before this one, if any.</param>
/// <param name="CustomersScored">Customers with a score in the run.</param>
/// <param name="Duration">Compute plus publish time.</param>
/// <param name="Segments">Per-segment counts and revenue.</param>
/// <param name="TopChanges">Segments whose size changed most against the previous run, largest first.</param>
public sealed record RfmRunPublished(
    long RunId,
    long BusinessId,
    long? StorefrontId,
    long? PreviousRunId,
    long CustomersScored,
    TimeSpan Duration,
    IReadOnlyList<RfmSegmentSummary> Segments,
    IReadOnlyList<RfmSegmentChange> TopChanges);

/// <summary>Change of one segment's size between the previous run and the new one.</summary>
public sealed record RfmSegmentChange(string Code, string Name, long PreviousCustomers, long Customers)
{
    /// <summary>Customers gained (negative: lost).</summary>
    public long Delta => Customers - PreviousCustomers;
}
