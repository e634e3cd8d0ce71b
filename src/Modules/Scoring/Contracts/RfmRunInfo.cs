namespace RfmGraph.Scoring.Contracts;

/// <summary>Lifecycle of a run.</summary>
public enum RfmRunStatus
{
    /// <summary>Waiting for the job.</summary>
    Queued,

    /// <summary>Being computed; nothing of it is visible yet.</summary>
    Running,

    /// <summary>Published: its scores are readable and it is (or was) the scope's current run.</summary>
    Succeeded,

    /// <summary>Stopped by an error or an interrupted process; none of its scores were kept.</summary>
    Failed,

    /// <summary>Computed and summarised, scores discarded (a dry run).</summary>
    DryRun,
}

/// <summary>A run as other modules and the API see it.</summary>
public sealed record RfmRunInfo(
    long Id,
    long BusinessId,
    long? StorefrontId,
    RfmRunStatus Status,
    bool DryRun,
    ScoringMethod Method,
    int Bins,
    string SchemeKey,
    int SchemeVersion,
    DateTimeOffset AsOf,
    DateTimeOffset WindowFrom,
    DateTimeOffset WindowTo,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? PublishedAt,
    long? CustomersScored,
    decimal? TotalMonetary,
    TimeSpan? ComputeDuration,
    TimeSpan? PublishDuration,
    RfmCutPoints? CutPoints,
    IReadOnlyList<RfmScoreRange> ScoreRanges,
    IReadOnlyList<RfmSegmentSummary> Segments,
    string? Error);

/// <summary>
/// The cut points a run used, per dimension (N-1 values each, ascending; see <see cref="RfmThresholds"/>
/// for their meaning). Null for <see cref="ScoringMethod.Ntile"/>, which has no value cut points:
/// <see cref="RfmRunInfo.ScoreRanges"/> shows the value range each of its scores covered.
/// </summary>
public sealed record RfmCutPoints(IReadOnlyList<decimal> Recency, IReadOnlyList<decimal> Frequency, IReadOnlyList<decimal> Monetary);

/// <summary>Customers with <see cref="Score"/> in dimension <see cref="Dimension"/> ("r", "f" or "m") and their value range.</summary>
public sealed record RfmScoreRange(string Dimension, int Score, long Customers, decimal Min, decimal Max);

/// <summary>One segment of a run: size, revenue and averages (the seed's "statistics").</summary>
public sealed record RfmSegmentSummary(
    string Code,
    string Name,
    int? RulePosition,
    long Customers,
    decimal Monetary,
    decimal AvgRecencyDays,
    decimal AvgFrequency,
    decimal AvgMonetary);

/// <summary>Progress of a run while it executes.</summary>
public sealed record RfmRunProgress(long RunId, string Stage, TimeSpan Elapsed);
