namespace RfmGraph.Scoring.Schemes;

/// <summary>What a business submits to define (a new version of) its own segment scheme.</summary>
internal sealed record SegmentSchemeDefinition(
    string Key,
    string Name,
    string Description,
    int Bins,
    FallbackSegment Fallback,
    IReadOnlyList<SegmentRuleDefinition> Rules);

/// <summary>A rule as submitted; its position is its index in the list (1-based).</summary>
internal sealed record SegmentRuleDefinition(
    string Name,
    string Code,
    string Description,
    IReadOnlyList<string> RecommendedActions,
    ScoreRange R,
    ScoreRange F,
    ScoreRange M);
