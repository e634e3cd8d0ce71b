using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Runs;

/// <summary>A row of scoring.runs: what the executor needs to compute a run.</summary>
internal sealed record RunRecord(
    long Id,
    long BusinessId,
    long? StorefrontId,
    DateTimeOffset AsOf,
    DateTimeOffset WindowFrom,
    DateTimeOffset WindowTo,
    ScoringMethod Method,
    int Bins,
    long SchemeId,
    string SchemeKey,
    int SchemeVersion,
    RfmThresholds? Thresholds,
    bool DryRun,
    RfmRunStatus Status);
