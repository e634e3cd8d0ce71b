using System.Globalization;
using System.Text.Json;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Runs;

/// <summary>Reads and writes the jsonb columns of scoring.runs (thresholds, cut_points, summary).</summary>
internal static class RunJson
{
    public static string Thresholds(RfmThresholds thresholds) => JsonSerializer.Serialize(new Dictionary<string, IReadOnlyList<decimal>>
    {
        ["recency"] = thresholds.Recency,
        ["frequency"] = thresholds.Frequency,
        ["monetary"] = thresholds.Monetary,
    });

    public static RfmThresholds? ReadThresholds(string? json)
    {
        var cut = ReadCutPoints(json);
        return cut is null ? null : new RfmThresholds(cut.Recency, cut.Frequency, cut.Monetary);
    }

    public static RfmCutPoints? ReadCutPoints(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new RfmCutPoints(Decimals(root, "recency"), Decimals(root, "frequency"), Decimals(root, "monetary"));
    }

    public static (IReadOnlyList<RfmSegmentSummary> Segments, IReadOnlyList<RfmScoreRange> Scores) ReadSummary(string? json)
    {
        if (json is null)
        {
            return ([], []);
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var segments = root.GetProperty("segments").EnumerateArray().Select(s => new RfmSegmentSummary(
            s.GetProperty("code").GetString()!,
            s.GetProperty("name").GetString()!,
            s.GetProperty("position").ValueKind == JsonValueKind.Null ? null : s.GetProperty("position").GetInt32(),
            s.GetProperty("customers").GetInt64(),
            s.GetProperty("monetary").GetDecimal(),
            s.GetProperty("avgRecencyDays").GetDecimal(),
            s.GetProperty("avgFrequency").GetDecimal(),
            s.GetProperty("avgMonetary").GetDecimal())).ToList();
        var scores = root.GetProperty("scores").EnumerateArray().Select(s => new RfmScoreRange(
            s.GetProperty("dimension").GetString()!,
            s.GetProperty("score").GetInt32(),
            s.GetProperty("customers").GetInt64(),
            s.GetProperty("min").GetDecimal(),
            s.GetProperty("max").GetDecimal())).ToList();
        return (segments, scores);
    }

    private static List<decimal> Decimals(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(e => decimal.Parse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture))]
            : [];
}
