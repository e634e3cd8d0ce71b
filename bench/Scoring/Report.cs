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
    List<TimeSpan> SeedTimes,
    List<TimeSpan> RunTimes,
    TimeSpan NtileRun,
    RfmRunInfo LastRun,
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

    public string BenchmarksSection()
    {
        var seed = Median(SeedTimes);
        var run = Median(RunTimes);
        var text = new StringBuilder();
        text.AppendLine(BenchStart);
        text.AppendLine("## Scoring");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `flock /work/coord/bench.lock dotnet run -c Release --project bench/Scoring -- --customers {Options.Customers} --repeat {Options.Repeat}`.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Data: {Options.Customers:N0} customers, {Sales:N0} sales ({DataSource}), scored over all of it. {Machine}.");
        text.AppendLine();
        text.AppendLine("| what | median (s) | all runs (s) |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| (a) seed 004 plain SELECT (NTILE(5) CTE + CASE), work_mem 256MB, rows streamed to the client | {S(seed)} | {string.Join(", ", SeedTimes.Select(S))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| (b) full run, QUANTILE_TIES + pos8: request, compute, write {LastRun.CustomersScored:N0} scores, publish | {S(run)} | {string.Join(", ", RunTimes.Select(S))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| full run, NTILE + pos8 (once) | {S(NtileRun)} | |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Ratio (b)/(a): {(run.TotalSeconds / seed.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture)}** (goal ≤ 1.5). Last run: compute {S(LastRun.ComputeDuration ?? TimeSpan.Zero)} s, publish (primary key + attach + pointer) {S(LastRun.PublishDuration ?? TimeSpan.Zero)} s. Peak RSS of the benchmark process (which hosts the Scoring module exactly as the Host does): {PeakRssMegabytes} MB — no score row passes through .NET.");
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
        text.AppendLine("### Run: the two computing statements (QUANTILE_TIES, pos8)");
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
