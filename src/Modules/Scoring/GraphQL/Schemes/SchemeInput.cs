using System.Globalization;
using RfmGraph.Scoring.Schemes;

namespace RfmGraph.Scoring.GraphQL.Schemes;

/// <summary>Maps a coerced SegmentSchemeInput onto the store's definition record.</summary>
internal static class SchemeInput
{
    public static SegmentSchemeDefinition Read(IReadOnlyDictionary<string, object?> input)
    {
        var fallback = (IReadOnlyDictionary<string, object?>)input["fallback"]!;
        return new SegmentSchemeDefinition(
            Text(input, "key"),
            Text(input, "name"),
            Text(input, "description"),
            input.TryGetValue("bins", out var bins) && bins is not null ? Convert.ToInt32(bins, CultureInfo.InvariantCulture) : 5,
            new FallbackSegment(Text(fallback, "name"), Text(fallback, "code"), Text(fallback, "description"), Actions(fallback)),
            [.. ScoringRequest.Items(input["rules"]).Cast<IReadOnlyDictionary<string, object?>>().Select(rule => new SegmentRuleDefinition(
                Text(rule, "name"),
                Text(rule, "code"),
                Text(rule, "description"),
                Actions(rule),
                Range(rule, "r"),
                Range(rule, "f"),
                Range(rule, "m")))]);
    }

    private static string Text(IReadOnlyDictionary<string, object?> map, string name) =>
        map.TryGetValue(name, out var value) && value is string s ? s : string.Empty;

    private static string[] Actions(IReadOnlyDictionary<string, object?> map) =>
        map.TryGetValue("recommendedActions", out var value) ? [.. ScoringRequest.Items(value).OfType<string>()] : [];

    private static ScoreRange Range(IReadOnlyDictionary<string, object?> map, string name)
    {
        var range = (IReadOnlyDictionary<string, object?>)map[name]!;
        return new ScoreRange(Convert.ToInt32(range["min"], CultureInfo.InvariantCulture), Convert.ToInt32(range["max"], CultureInfo.InvariantCulture));
    }
}
