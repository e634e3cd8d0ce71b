using System.Globalization;
using System.Text;
using RfmGraph.Scoring.Contracts;

namespace RfmGraph.Bench.Scoring;

/// <summary>Formats the figures and replaces the benchmark's marked sections in the docs.</summary>
internal sealed record Report(
    BenchOptions Options,
    string DataSource,
    long Sales,
    string Machine,
    string Load,
    List<TimeSpan> SeedTimes,
    List<TimeSpan> QuantileTimes,
    List<TimeSpan> NtileTimes,
    RfmRunInfo LastQuantileRun,
    RfmRunInfo LastNtileRun,
    long PeakRssMegabytes,
    string SeedPlan,
    string RunPlan)
{
    private const string BenchStart = "<!-- scoring-bench:start -->";
    private const string BenchEnd = "<!-- scoring-bench:end -->";
    private const string PlanStart = "<!-- scoring-plans:start -->";
    private const string PlanEnd = "<!-- scoring-plans:end -->";

    private static string S(TimeSpan t) => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    private static string Ratio(TimeSpan run, TimeSpan seed) => (run.TotalSeconds / seed.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture);

    // Each run divided by the seed query measured just before it, then the median: on a machine whose
    // load drifts during the benchmark this compares like with like better than the ratio of medians.
    private string PairedRatio(List<TimeSpan> runs) =>
        runs.Zip(SeedTimes, (run, seed) => run.TotalSeconds / seed.TotalSeconds).Order().ElementAt(runs.Count / 2).ToString("F2", CultureInfo.InvariantCulture);

    public string BenchmarksSection()
    {
        var seed = Median(SeedTimes);
        var quantile = Median(QuantileTimes);
        var ntile = Median(NtileTimes);
        var text = new StringBuilder();
        text.AppendLine(BenchStart);
        text.AppendLine("## Scoring");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `flock /work/coord/bench.lock dotnet run -c Release --project bench/Scoring -- --customers {Options.Customers} --repeat {Options.Repeat}`.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Data: {Options.Customers:N0} customers, {Sales:N0} sales ({DataSource}), scored over all of it. {Machine}. Load average (1, 5, 15 min): {Load}.");
        text.AppendLine();
        text.AppendLine("| what | median (s) | median / (a) median | median of run / (a) just before | all runs (s) |");
        text.AppendLine("|---|---|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| (a) seed 004 plain SELECT (NTILE(5) CTE + CASE), work_mem 256MB, rows streamed to the client | {S(seed)} | 1 | 1 | {string.Join(", ", SeedTimes.Select(S))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| (b) full run, QUANTILE_TIES + pos8: request, compute, write {LastQuantileRun.CustomersScored:N0} scores, publish | {S(quantile)} | **{Ratio(quantile, seed)}** | {PairedRatio(QuantileTimes)} | {string.Join(", ", QuantileTimes.Select(S))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| (c) full run, NTILE + pos8: the same, with the seed's method | {S(ntile)} | **{Ratio(ntile, seed)}** | {PairedRatio(NtileTimes)} | {string.Join(", ", NtileTimes.Select(S))} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Goal: (b) and (c) ≤ 1.5 × (a). The three were alternated (a, b, c, a, b, c, …) after one warm-up pass, so each saw the same machine state; on a shared machine read the ratios, not the seconds.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Last runs: QUANTILE_TIES compute {S(LastQuantileRun.ComputeDuration ?? TimeSpan.Zero)} s + publish {S(LastQuantileRun.PublishDuration ?? TimeSpan.Zero)} s; NTILE compute {S(LastNtileRun.ComputeDuration ?? TimeSpan.Zero)} s + publish {S(LastNtileRun.PublishDuration ?? TimeSpan.Zero)} s (publish = primary key + attach, which builds the partition's customerScores index from migration 0003, + pointer).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Peak RSS of the benchmark process (which hosts the Scoring module exactly as the Host does): {PeakRssMegabytes} MB — no score row passes through .NET.");
        text.AppendLine();
        text.AppendLine("Plans: docs/scoring-sql.md, section \"Plans measured\".");
        text.AppendLine(BenchEnd);
        return text.ToString();
    }

    public string PlansSection()
    {
        var text = new StringBuilder();
        text.AppendLine(PlanStart);
        text.AppendLine("## Plans measured");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"EXPLAIN (ANALYZE, BUFFERS) on {Options.Customers:N0} customers / {Sales:N0} sales, written by bench/Scoring ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC).");
        text.AppendLine();
        text.AppendLine("### Seed 004 plain SELECT");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine(SeedPlan);
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("### Run: the computing statements (stage 1 is the same for every method; stage 2 for QUANTILE_TIES and NTILE, pos8)");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine(RunPlan);
        text.AppendLine("```");
        text.AppendLine(PlanEnd);
        return text.ToString();
    }

    public void WriteDocs()
    {
        var root = RepositoryRoot();
        Replace(Path.Combine(root, "docs", "benchmarks.md"), BenchStart, BenchEnd, BenchmarksSection(), "# Benchmarks\n");
        Replace(Path.Combine(root, "docs", "scoring-sql.md"), PlanStart, PlanEnd, PlansSection(), "# Scoring SQL\n");
    }

    private static void Replace(string path, string start, string end, string section, string header)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : header;
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? string.Concat(text.AsSpan(0, from), section.TrimEnd('\n'), text.AsSpan(to + end.Length))
            : text.TrimEnd('\n') + "\n\n" + section;
        File.WriteAllText(path, text);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RfmGraph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (RfmGraph.sln not found above the binaries).");
    }
}
