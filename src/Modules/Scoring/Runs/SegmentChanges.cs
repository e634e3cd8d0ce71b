using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.Runs;

/// <summary>The segments whose size changed most between two runs (by segment code).</summary>
internal static class SegmentChanges
{
    public static IReadOnlyList<RfmSegmentChange> Top(IReadOnlyList<RfmSegmentSummary> previous, IReadOnlyList<RfmSegmentSummary> current, int count)
    {
        var before = previous.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var after = current.ToDictionary(s => s.Code, StringComparer.Ordinal);
        return before.Keys.Union(after.Keys)
            .Select(code => new RfmSegmentChange(
                code,
                after.TryGetValue(code, out var a) ? a.Name : before[code].Name,
                before.TryGetValue(code, out var b) ? b.Customers : 0,
                after.TryGetValue(code, out var c) ? c.Customers : 0))
            .Where(change => change.Delta != 0)
            .OrderByDescending(change => Math.Abs(change.Delta))
            .ThenBy(change => change.Code, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }
}
