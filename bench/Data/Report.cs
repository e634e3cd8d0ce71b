using System.Globalization;
using System.Text;

namespace RfmGraph.Bench.Data;

/// <summary>The markdown table of the run: per query and overall, requests, requests/s, p50 and p99.</summary>
internal static class Report
{
    public static string Table(IReadOnlyList<(string Query, double Milliseconds)> samples, double seconds)
    {
        var table = new StringBuilder();
        table.AppendLine("| query | requests | requests/s | p50 ms | p99 ms | max ms |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => s.Query))
        {
            Row(table, group.Key, [.. group.Select(s => s.Milliseconds)], seconds);
        }

        Row(table, "all", [.. samples.Select(s => s.Milliseconds)], seconds);
        return table.ToString().TrimEnd();
    }

    private static void Row(StringBuilder table, string name, List<double> latencies, double seconds)
    {
        latencies.Sort();
        double Percentile(double p) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {latencies.Count:N0} | {latencies.Count / seconds:F0} | {Percentile(0.50):F1} | {Percentile(0.99):F1} | {latencies[^1]:F1} |"));
    }
}
