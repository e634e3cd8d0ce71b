namespace RfmGraph.Scoring.Schemes;

/// <summary>An inclusive range of scores, e.g. 4..5.</summary>
internal readonly record struct ScoreRange(int Min, int Max)
{
    public bool Contains(int score) => score >= Min && score <= Max;

    public override string ToString() => Min == Max ? Min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Min}..{Max}";
}
