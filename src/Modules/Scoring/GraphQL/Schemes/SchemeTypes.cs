using RfmGraph.GraphQL.Data;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;
using RfmGraph.Scoring.Schemes;

namespace RfmGraph.Scoring.GraphQL.Schemes;

/// <summary>Types of segment schemes, their coverage, and the inputs that define them.</summary>
internal static class SchemeTypes
{
    public static void Add(SchemaBuilder schema)
    {
        schema.Object<SegmentScheme>("SegmentScheme", t =>
        {
            t.Description("One version of a segment scheme: ordered rules (first match wins) and a fallback segment. A version used by a run never changes.");
            t.Field("key", "String!", s => s.Key, "Key shared by all versions, e.g. pos8.");
            t.Field("version", "Int!", s => s.Version, "Version number, 1 = first.");
            t.Field("builtIn", "Boolean!", s => s.BusinessId is null, "Offered to every business (pos8, classic11, rfgrid10).");
            t.Field("name", "String!", s => s.Name, "Display name.");
            t.Field("description", "String!", s => s.Description, "What the scheme is for.");
            t.Field("bins", "Int!", s => s.Bins, "The score scale (1..bins) its rules are written for.");
            t.Field("rules", "[SegmentRule!]!", s => s.Rules, "Rules in evaluation order.");
            t.Field("fallback", "SegmentFallback!", s => s.Fallback, "Where customers matching no rule land.");
            t.Field("coverage", "SchemeCoverage!", s => CoverageAnalyzer.Analyze(s), "Which score cells fall to the fallback, and which rules earlier rules shadow.");
        });
        schema.AddNodeType<SegmentScheme, long>(ScoringRequest.SchemeType, s => s.Id, LoadByIdAsync);
        schema.Object<SegmentRule>("SegmentRule", t => t
            .Description("A rule: a customer whose R, F and M scores are all in range belongs to this segment, unless an earlier rule matched.")
            .Field("position", "Int!", r => r.Position, "Evaluation order, 1 = first.")
            .Field("name", "String!", r => r.Name, "Segment name.")
            .Field("code", "String!", r => r.Code, "Segment code.")
            .Field("description", "String!", r => r.Description, "What the segment means.")
            .Field("recommendedActions", "[String!]!", r => r.RecommendedActions, "What to do with these customers.")
            .Field("r", "ScoreRange!", r => r.R, "Recency score range.")
            .Field("f", "ScoreRange!", r => r.F, "Frequency score range.")
            .Field("m", "ScoreRange!", r => r.M, "Monetary score range."));
        schema.Object<FallbackSegment>("SegmentFallback", t => t
            .Description("The segment of customers no rule matched.")
            .Field("name", "String!", f => f.Name, "Segment name.")
            .Field("code", "String!", f => f.Code, "Segment code.")
            .Field("description", "String!", f => f.Description, "What the segment means.")
            .Field("recommendedActions", "[String!]!", f => f.RecommendedActions, "What to do with these customers."));
        schema.Object<SchemeCoverage>("SchemeCoverage", t => t
            .Description("How a scheme's rules cover the bins³ score cells.")
            .Field("totalCells", "Int!", c => c.TotalCells, "bins³.")
            .Field("fallbackCells", "[ScoreCell!]!", c => c.FallbackCells, "Cells no rule matches (their customers land in the fallback).")
            .Field("shadowedRules", "[ShadowedRule!]!", c => c.Rules.Where(r => r.ShadowedCells.Count > 0 || r.MatchedCells == 0).Select(r => new ShadowedRule(r)), "Rules that lose cells to earlier rules (or match none at all).")
            .Field("rules", "[RuleCoverage!]!", c => c.Rules, "Every rule's cell counts."));
        schema.Object<ScoreCell>("ScoreCell", t => t
            .Description("A combination of scores.")
            .Field("r", "Int!", c => c.R, "Recency score.")
            .Field("f", "Int!", c => c.F, "Frequency score.")
            .Field("m", "Int!", c => c.M, "Monetary score."));
        schema.Object<RuleCoverage>("RuleCoverage", t => t
            .Description("Cells one rule matches and wins.")
            .Field("position", "Int!", r => r.Position, "Rule position.")
            .Field("code", "String!", r => r.Code, "Segment code.")
            .Field("matchedCells", "Int!", r => r.MatchedCells, "Cells within the rule's ranges.")
            .Field("wonCells", "Int!", r => r.WonCells, "Matched cells where this rule is the first match."));
        schema.Object<ShadowedRule>("ShadowedRule", t => t
            .Description("A rule that earlier rules take cells from.")
            .Field("position", "Int!", r => r.Rule.Position, "Rule position.")
            .Field("code", "String!", r => r.Rule.Code, "Segment code.")
            .Field("fullyShadowed", "Boolean!", r => r.Rule.WonCells == 0, "True when the rule can never win a customer.")
            .Field("matchedCells", "Int!", r => r.Rule.MatchedCells, "Cells within the rule's ranges.")
            .Field("wonCells", "Int!", r => r.Rule.WonCells, "Cells it still wins.")
            .Field("shadowedCells", "[ShadowedCell!]!", r => r.Rule.ShadowedCells, "Cells taken by earlier rules."));
        schema.Object<ShadowedCell>("ShadowedCell", t => t
            .Description("A cell a rule matches that an earlier rule wins.")
            .Field("cell", "ScoreCell!", c => c.Cell, "The cell.")
            .Field("byPosition", "Int!", c => c.ByPosition, "Position of the earlier rule that wins it."));

        schema.InputObject<object>("ScoreRangeInput", i => i
            .Description("An inclusive score range.")
            .Field("min", "Int!", "Lowest score (1..bins).")
            .Field("max", "Int!", "Highest score (min..bins)."));
        schema.InputObject<object>("SegmentRuleInput", i => i
            .Description("A rule; its position is its place in the list.")
            .Field("name", "String!", "Segment name.")
            .Field("code", "String!", "Segment code (unique in the scheme).")
            .Field("description", "String", "What the segment means.", defaultValue: string.Empty)
            .Field("recommendedActions", "[String!]", "What to do with these customers.")
            .Field("r", "ScoreRangeInput!", "Recency score range.")
            .Field("f", "ScoreRangeInput!", "Frequency score range.")
            .Field("m", "ScoreRangeInput!", "Monetary score range."));
        schema.InputObject<object>("SegmentFallbackInput", i => i
            .Description("The fallback segment.")
            .Field("name", "String!", "Segment name.")
            .Field("code", "String!", "Segment code.")
            .Field("description", "String", "What the segment means.", defaultValue: string.Empty)
            .Field("recommendedActions", "[String!]", "What to do with these customers."));
        schema.InputObject<object>("SegmentSchemeInput", i => i
            .Description("A segment scheme definition. Defining an existing key stores a new version (identical content returns the latest version).")
            .Field("key", "String!", "Key: a lower-case letter, then letters, digits, '-' or '_' (2-63); not a built-in key.")
            .Field("name", "String!", "Display name.")
            .Field("description", "String", "What the scheme is for.", defaultValue: string.Empty)
            .Field("bins", "Int", "The score scale its rules use (3..10).", defaultValue: 5)
            .Field("fallback", "SegmentFallbackInput!", "Where customers matching no rule land.")
            .Field("rules", "[SegmentRuleInput!]!", "Rules in evaluation order (first match wins)."));
    }

    /// <summary>Node loader: scheme versions visible to the caller (built in, or its business's); a request names very few.</summary>
    private static async Task<IReadOnlyDictionary<long, SegmentScheme>> LoadByIdAsync(IResolverContext context, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var businessId = ScoringRequest.BusinessId(context);
        var store = context.Service<SchemeStore>();
        var schemes = new Dictionary<long, SegmentScheme>();
        foreach (var id in ids)
        {
            if (await store.GetAsync(businessId, id, cancellationToken) is { } scheme)
            {
                schemes[id] = scheme;
            }
        }

        return schemes;
    }
}

/// <summary>A rule of a coverage report that loses cells to earlier rules.</summary>
internal sealed record ShadowedRule(RuleCoverage Rule);
