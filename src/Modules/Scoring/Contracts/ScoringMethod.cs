namespace RfmGraph.Scoring.Contracts;

/// <summary>How a run turns R, F and M values into scores 1..N (docs/scoring.md).</summary>
public enum ScoringMethod
{
    /// <summary>
    /// <c>NTILE(N) OVER (ORDER BY value, customer_id)</c>: equal-sized bins, ties broken by customer id
    /// (so equal values can get different scores).
    /// </summary>
    Ntile,

    /// <summary>Value-based cut points at the k/N positions: equal values always get equal scores (the default).</summary>
    QuantileTies,

    /// <summary>Cut points given by the user per dimension (N-1 ascending values each).</summary>
    FixedThresholds,
}
