namespace RfmGraph.Scoring.Schemes;

/// <summary>A score cell (R, F, M).</summary>
internal readonly record struct ScoreCell(int R, int F, int M)
{
    public override string ToString() => $"R{R}F{F}M{M}";
}

/// <summary>
/// Which of the N³ score cells each rule wins, which cells fall to the fallback, and which rules
/// are shadowed (partly or fully) by earlier rules.
/// </summary>
internal sealed record SchemeCoverage(
    int Bins,
    int TotalCells,
    IReadOnlyList<ScoreCell> FallbackCells,
    IReadOnlyList<RuleCoverage> Rules)
{
    /// <summary>Rules that match at least one cell but win none: every cell they match is taken earlier.</summary>
    public IEnumerable<RuleCoverage> FullyShadowedRules => Rules.Where(r => r.FullyShadowed);
}

/// <summary>Coverage of one rule.</summary>
/// <param name="Position">Rule position (1 = first).</param>
/// <param name="Code">Segment code.</param>
/// <param name="MatchedCells">Cells within the rule's ranges.</param>
/// <param name="WonCells">Matched cells where this rule is the first match.</param>
/// <param name="ShadowedCells">Matched cells taken by an earlier rule, with that rule's position.</param>
internal sealed record RuleCoverage(
    int Position,
    string Code,
    int MatchedCells,
    int WonCells,
    IReadOnlyList<ShadowedCell> ShadowedCells)
{
    public bool FullyShadowed => MatchedCells > 0 && WonCells == 0;

    public bool PartiallyShadowed => WonCells > 0 && ShadowedCells.Count > 0;
}

/// <summary>A cell a rule matches but an earlier rule (<paramref name="ByPosition"/>) wins.</summary>
internal readonly record struct ShadowedCell(ScoreCell Cell, int ByPosition);
