using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Runs;

namespace RfmGraph.Scoring.Data;

/// <summary>
/// A row of scoring.runs as the API reads it (the RfmRun type). Runs are written by the run store's SQL; this
/// read model only filters, sorts, pages and projects them. The jsonb columns stay text until a field needs them.
/// </summary>
internal sealed class RunRow
{
    public long Id { get; set; }
    public long BusinessId { get; set; }
    public long? StorefrontId { get; set; }
    public RfmRunStatus Status { get; set; }
    public bool DryRun { get; set; }
    public ScoringMethod Method { get; set; }
    public short Bins { get; set; }
    public string SchemeKey { get; set; } = string.Empty;
    public int SchemeVersion { get; set; }
    public DateTimeOffset AsOf { get; set; }
    public DateTimeOffset WindowFrom { get; set; }
    public DateTimeOffset WindowTo { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public long? CustomersScored { get; set; }
    public decimal? TotalMonetary { get; set; }
    public int? ComputeMs { get; set; }
    public int? PublishMs { get; set; }
    public string? CutPoints { get; set; }
    public string? Summary { get; set; }
    public string? Error { get; set; }

    /// <summary>The run as the rest of the module (statistics, transitions, explanations) works with it.</summary>
    public RfmRunInfo ToInfo()
    {
        var (segments, scores) = RunJson.ReadSummary(Summary);
        return new RfmRunInfo(
            Id, BusinessId, StorefrontId, Status, DryRun, Method, Bins, SchemeKey, SchemeVersion, AsOf, WindowFrom, WindowTo,
            RequestedAt, StartedAt, FinishedAt, PublishedAt, CustomersScored, TotalMonetary,
            ComputeMs is { } compute ? TimeSpan.FromMilliseconds(compute) : null,
            PublishMs is { } publish ? TimeSpan.FromMilliseconds(publish) : null,
            RunJson.ReadCutPoints(CutPoints), scores, segments, Error);
    }
}

/// <summary>The published run of a scope (scoring.current_runs): what readers see until the next publish flips it.</summary>
internal sealed class CurrentRunRow
{
    public long BusinessId { get; set; }
    public long? StorefrontId { get; set; }
    public long RunId { get; set; }
}

/// <summary>What a running run is doing (scoring.run_progress, migration scoring/0004).</summary>
internal sealed class RunProgressRow
{
    public long RunId { get; set; }
    public long BusinessId { get; set; }
    public RfmRunStage Stage { get; set; }
    public DateTimeOffset StageStartedAt { get; set; }
}

/// <summary>The stages of a running run, in order.</summary>
internal enum RfmRunStage
{
    /// <summary>Values, cut points, scores and segments are being computed into the run's own table.</summary>
    Computing,

    /// <summary>The run's table is being indexed and attached; the scope's readers switch to it at commit.</summary>
    Publishing,
}
