using System.Globalization;
using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Schemes;

namespace RfmGraph.Scoring.GraphQL.Scores;

/// <summary>Why a customer has its scores and segment: the run's method and cut points, and the rule that matched.</summary>
internal sealed record RfmExplanation(
    string Text,
    SegmentRule? Rule,
    FallbackSegment? Fallback,
    string SchemeKey,
    int SchemeVersion,
    ScoringMethod Method,
    int Bins,
    RfmCutPoints? CutPoints,
    IReadOnlyList<RfmScoreRange> ScoreRanges)
{
    public static RfmExplanation Create(CustomerScoreRow row, RfmRunInfo run, SegmentScheme? scheme)
    {
        var rule = row.RulePosition is { } position ? scheme?.Rules.FirstOrDefault(r => r.Position == position) : null;
        var scores = string.Create(CultureInfo.InvariantCulture, $"R={row.R} F={row.F} M={row.M}");
        var method = run.Method switch
        {
            ScoringMethod.Ntile => $"NTILE({run.Bins}) over the scored customers, ties broken by customer id",
            ScoringMethod.FixedThresholds => $"fixed cut points ({run.Bins} bins)",
            _ => $"value cut points at the quantiles ({run.Bins} bins; equal values share a score)",
        };
        var cuts = run.CutPoints is { } c
            ? string.Create(CultureInfo.InvariantCulture,
                $" Cut points: recency days [{Join(c.Recency)}], frequency [{Join(c.Frequency)}], monetary [{Join(c.Monetary)}].")
            : string.Empty;
        var values = string.Create(CultureInfo.InvariantCulture,
            $"{row.RecencyDays} days since the last order, {row.Frequency} orders, {row.Monetary} revenue");
        var segment = rule is not null
            ? string.Create(CultureInfo.InvariantCulture,
                $"First matching rule of {run.SchemeKey} v{run.SchemeVersion}: #{rule.Position} {rule.Name} (R {rule.R}, F {rule.F}, M {rule.M}).")
            : $"No rule of {run.SchemeKey} v{run.SchemeVersion} matches {scores}: fallback segment {row.SegmentName}.";
        var text = $"{values} scored {scores} by {method}.{cuts} {segment}";
        return new RfmExplanation(
            text, rule, rule is null ? scheme?.Fallback : null, run.SchemeKey, run.SchemeVersion, run.Method, run.Bins, run.CutPoints, run.ScoreRanges);
    }

    private static string Join(IReadOnlyList<decimal> values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
