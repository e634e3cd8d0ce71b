using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RfmGraph.Bench.Scoring;
using RfmGraph.Platform.Database;
using RfmGraph.Sales;
using RfmGraph.Scoring;
using RfmGraph.Scoring.Contracts;

// Scoring benchmark (issue 5, item 7): in one PostgreSQL session-set, time the seed's plain NTILE
// SELECT and our full run (compute, write scores, publish) on the same data, report the ratio,
// the plans and peak RSS, and write them to docs/benchmarks.md and docs/scoring-sql.md.
// Usage: dotnet run -c Release --project bench/Scoring -- [--customers 1000000] [--repeat 3] [--dir /tmp/rfmgraph-bench-scoring] [--no-docs]
var options = BenchOptions.Parse(args);
var log = Console.Out;
var asOf = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
var windowFrom = asOf.AddDays(-3650);   // the seed scores all orders: a window wider than the data

await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
{
    DataDirectory = Path.Combine(options.Directory, "data"),
    Settings = new Dictionary<string, string>
    {
        ["shared_buffers"] = "2GB",
        ["max_wal_size"] = "16GB",
        ["checkpoint_timeout"] = "30min",
        ["max_parallel_workers_per_gather"] = "2",
        ["jit"] = "off",
    },
});
// Runs of earlier benchmark sessions are dropped first: a migration that adds an index to
// scoring.customer_scores would otherwise build it on every old partition, and retention would
// drop old runs inside the timed runs.
await BenchData.DropPreviousRunsAsync(server.ConnectionString);
await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(server.ConnectionString, [SalesModule.Migrations, ScoringModule.Migrations]);
// No command timeout: loading and scoring millions of rows on a busy machine outlasts the 30 s default.
await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server.ConnectionString) { CommandTimeout = 0 }.ConnectionString);

// Retention never runs during the benchmark (it would time dropping old partitions, not the run).
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["Scoring:KeepRunsPerScope"] = "1000" })
    .Build();
var services = new ServiceCollection().AddLogging().AddSingleton(dataSource);
services.AddSalesModule(configuration);
services.AddScoringModule(configuration);
await using var provider = services.BuildServiceProvider();
var runs = provider.GetRequiredService<IRfmRuns>();

var (businessId, salesCount, source) = await BenchData.EnsureAsync(dataSource, provider, options.Customers, asOf, log);
var machine = $"{Environment.ProcessorCount} cores, PostgreSQL {await ScalarAsync<string>(dataSource, "SHOW server_version")}, shared_buffers 2GB, work_mem 256MB for both (the run: SET LOCAL), jit off";
await log.WriteLineAsync(machine);

var loadBefore = LoadAverage.Read();
await log.WriteLineAsync($"load average before: {loadBefore}");
using var rss = new RssSampler();
var seedTimes = new List<TimeSpan>();
var quantileRuns = new List<(TimeSpan Total, RfmRunInfo Run)>();
var ntileRuns = new List<(TimeSpan Total, RfmRunInfo Run)>();
// Warm-up pass of each (caches), then alternate seed, QUANTILE_TIES, NTILE so all see the same machine state.
await TimeSeedQueryAsync(dataSource, businessId, windowFrom, asOf);
await TimeRunAsync(runs, businessId, windowFrom, asOf, ScoringMethod.Ntile);
for (var i = 0; i < options.Repeat; i++)
{
    seedTimes.Add(await TimeSeedQueryAsync(dataSource, businessId, windowFrom, asOf));
    await log.WriteLineAsync($"seed 004 SELECT: {seedTimes[^1].TotalSeconds:F2} s");
    foreach (var (method, results) in new[] { (ScoringMethod.QuantileTies, quantileRuns), (ScoringMethod.Ntile, ntileRuns) })
    {
        rss.Reset();
        results.Add(await TimeRunAsync(runs, businessId, windowFrom, asOf, method));
        var (total, run) = results[^1];
        await log.WriteLineAsync($"full run ({method}, pos8): {total.TotalSeconds:F2} s (compute {run.ComputeDuration?.TotalSeconds:F2} s, publish {run.PublishDuration?.TotalSeconds:F2} s), peak RSS during run {rss.PeakMegabytes} MB");
    }
}

var seedMedian = Median(seedTimes);
foreach (var (name, results) in new[] { ("QUANTILE_TIES", quantileRuns), ("NTILE", ntileRuns) })
{
    var median = Median(results.Select(r => r.Total).ToList());
    await log.WriteLineAsync($"median: seed {seedMedian.TotalSeconds:F2} s, {name} run {median.TotalSeconds:F2} s, ratio {median.TotalSeconds / seedMedian.TotalSeconds:F2} (goal <= 1.5)");
}

var seedPlan = await Plans.SeedAsync(dataSource, businessId, windowFrom, asOf);
var runPlan = await Plans.RunAsync(dataSource, runs, businessId, windowFrom, asOf);
var loadAfter = LoadAverage.Read();
await log.WriteLineAsync($"load average after: {loadAfter}");
var report = new Report(options, source, salesCount, machine, $"{loadBefore} before, {loadAfter} after", seedTimes,
    [.. quantileRuns.Select(r => r.Total)], [.. ntileRuns.Select(r => r.Total)], quantileRuns[^1].Run, ntileRuns[^1].Run,
    RssSampler.ProcessPeakMegabytes, seedPlan, runPlan);
await log.WriteLineAsync(report.BenchmarksSection());
if (options.WriteDocs)
{
    report.WriteDocs();
}
else
{
    await log.WriteLineAsync(report.PlansSection());
}

static async Task<TimeSpan> TimeSeedQueryAsync(NpgsqlDataSource dataSource, long businessId, DateTimeOffset from, DateTimeOffset asOf)
{
    await using var connection = await dataSource.OpenConnectionAsync();
    // The same work_mem the run gives itself, so the comparison is about the SQL, not the memory budget.
    await using (var memory = new NpgsqlCommand("SET work_mem = '256MB'", connection))
    {
        await memory.ExecuteNonQueryAsync();
    }

    await using var command = new NpgsqlCommand(Seed004Query.Text, connection) { CommandTimeout = 0 };
    command.Parameters.AddWithValue("as_of", asOf);
    command.Parameters.AddWithValue("window_from", from);
    command.Parameters.AddWithValue("business_id", businessId);
    var stopwatch = Stopwatch.StartNew();
    long rows = 0;
    await using (var reader = await command.ExecuteReaderAsync())
    {
        // Streamed and discarded, as a client that renders the result would read it.
        while (await reader.ReadAsync())
        {
            rows++;
        }
    }

    return rows > 0 ? stopwatch.Elapsed : throw new InvalidOperationException("The seed query returned no rows.");
}

static async Task<(TimeSpan Total, RfmRunInfo Run)> TimeRunAsync(IRfmRuns runs, long businessId, DateTimeOffset from, DateTimeOffset asOf, ScoringMethod method)
{
    var stopwatch = Stopwatch.StartNew();
    var queued = await runs.RequestAsync(new RfmRunRequest(businessId, AsOf: asOf, From: from, Method: method, Scheme: "pos8"), CancellationToken.None);
    var run = await runs.ExecuteAsync(queued.Run!.Id, null, CancellationToken.None);
    return (stopwatch.Elapsed, run);
}

static TimeSpan Median(List<TimeSpan> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    return (T)(await command.ExecuteScalarAsync())!;
}

internal sealed record BenchOptions(int Customers, int Repeat, string Directory, bool WriteDocs)
{
    public static BenchOptions Parse(string[] args)
    {
        var customers = 1_000_000;
        var repeat = 3;
        var directory = Path.Combine(Path.GetTempPath(), "rfmgraph-bench-scoring");
        var docs = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--customers": customers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--dir": directory = args[++i]; break;
                case "--no-docs": docs = false; break;
                default: throw new ArgumentException($"Unknown option {args[i]}. Options: --customers N --repeat N --dir PATH --no-docs");
            }
        }

        return new BenchOptions(customers, repeat, directory, docs);
    }
}
