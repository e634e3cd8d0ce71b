namespace RfmGraph.Scoring.Schemes;

/// <summary>A rule: the customer is in this segment when all three scores are in range (and no earlier rule matched).</summary>
internal sealed record SegmentRule(
    int Position,
    string Name,
    string Code,
    string Description,
    IReadOnlyList<string> RecommendedActions,
    ScoreRange R,
    ScoreRange F,
    ScoreRange M)
{
    public bool Matches(int r, int f, int m) => R.Contains(r) && F.Contains(f) && M.Contains(m);
}

/// <summary>The segment of customers that no rule matched.</summary>
internal sealed record FallbackSegment(string Name, string Code, string Description, IReadOnlyList<string> RecommendedActions);

/// <summary>One version of a segment scheme. <see cref="BusinessId"/> null = built in.</summary>
internal sealed record SegmentScheme(
    long Id,
    long? BusinessId,
    string Key,
    int Version,
    string Name,
    string Description,
    int Bins,
    FallbackSegment Fallback,
    IReadOnlyList<SegmentRule> Rules)
{
    /// <summary>First-match-wins assignment; null = fallback.</summary>
    public SegmentRule? RuleFor(int r, int f, int m) => Rules.FirstOrDefault(rule => rule.Matches(r, f, m));
}
