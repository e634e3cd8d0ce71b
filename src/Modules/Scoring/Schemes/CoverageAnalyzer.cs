namespace RfmGraph.Scoring.Schemes;

/// <summary>Computes a scheme's coverage by walking all N³ cells (at most 1,000): cheap, exact, no SQL.</summary>
internal static class CoverageAnalyzer
{
    public static SchemeCoverage Analyze(SegmentScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var n = scheme.Bins;
        var fallback = new List<ScoreCell>();
        var matched = new int[scheme.Rules.Count];
        var won = new int[scheme.Rules.Count];
        var shadowed = scheme.Rules.Select(_ => new List<ShadowedCell>()).ToArray();

        for (var r = 1; r <= n; r++)
        {
            for (var f = 1; f <= n; f++)
            {
                for (var m = 1; m <= n; m++)
                {
                    var cell = new ScoreCell(r, f, m);
                    int? winner = null;
                    for (var i = 0; i < scheme.Rules.Count; i++)
                    {
                        if (!scheme.Rules[i].Matches(r, f, m))
                        {
                            continue;
                        }

                        matched[i]++;
                        if (winner is null)
                        {
                            winner = i;
                            won[i]++;
                        }
                        else
                        {
                            shadowed[i].Add(new ShadowedCell(cell, scheme.Rules[winner.Value].Position));
                        }
                    }

                    if (winner is null)
                    {
                        fallback.Add(cell);
                    }
                }
            }
        }

        var rules = scheme.Rules
            .Select((rule, i) => new RuleCoverage(rule.Position, rule.Code, matched[i], won[i], shadowed[i]))
            .ToList();
        return new SchemeCoverage(n, n * n * n, fallback, rules);
    }
}
