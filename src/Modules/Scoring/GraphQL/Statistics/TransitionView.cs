using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Scoring.GraphQL.Statistics;

/// <summary>A transition cell with its segments' names.</summary>
internal sealed record TransitionView(TransitionCell Cell, SegmentRef? From, SegmentRef? To)
{
    /// <summary>Names come from the runs' summaries (every segment that has customers is in them).</summary>
    public static IEnumerable<TransitionView> Of(IReadOnlyList<TransitionCell> cells, RfmRunInfo from, RfmRunInfo to) =>
        Of(cells, Names(from), Names(to));

    public static IEnumerable<TransitionView> Of(IReadOnlyList<TransitionCell> cells, IReadOnlyDictionary<string, string> from, IReadOnlyDictionary<string, string> to) =>
        cells.Select(c => new TransitionView(c, Ref(c.FromCode, from), Ref(c.ToCode, to)));

    private static Dictionary<string, string> Names(RfmRunInfo run) =>
        run.Segments.GroupBy(s => s.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

    private static SegmentRef? Ref(string? code, IReadOnlyDictionary<string, string> names) =>
        code is null ? null : new SegmentRef(code, names.TryGetValue(code, out var name) ? name : code);
}
