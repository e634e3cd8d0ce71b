using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Runs;

/// <summary>How methods and statuses are spelled in scoring.runs (and in GraphQL enums).</summary>
internal static class RunText
{
    public static string Of(ScoringMethod method) => method switch
    {
        ScoringMethod.Ntile => "NTILE",
        ScoringMethod.QuantileTies => "QUANTILE_TIES",
        ScoringMethod.FixedThresholds => "FIXED_THRESHOLDS",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static ScoringMethod Method(string text) => text switch
    {
        "NTILE" => ScoringMethod.Ntile,
        "QUANTILE_TIES" => ScoringMethod.QuantileTies,
        "FIXED_THRESHOLDS" => ScoringMethod.FixedThresholds,
        _ => throw new InvalidOperationException($"Unknown scoring method '{text}' in scoring.runs."),
    };

    public static RfmRunStatus Status(string text) => text switch
    {
        "queued" => RfmRunStatus.Queued,
        "running" => RfmRunStatus.Running,
        "succeeded" => RfmRunStatus.Succeeded,
        "failed" => RfmRunStatus.Failed,
        "dry_run" => RfmRunStatus.DryRun,
        _ => throw new InvalidOperationException($"Unknown run status '{text}' in scoring.runs."),
    };
}
