// API benchmark (issue 4 item 9, issue 5 item 7): the real Host serving GraphQL over HTTP, on its own PostgreSQL
// with the demo data set, under 16 concurrent clients. Each client repeats: a customerScores page filtered by
// segment and sorted by monetary, the next page through its cursor, and a filtered, sorted customers page.
// Prints a markdown table (requests/s, p50, p99 per query) and the PostgreSQL plans (EXPLAIN ANALYZE through
// auto_explain) of the three statements.
// Usage: dotnet build -c Release src/Host && dotnet run -c Release --project bench/Data --
//        [--customers 20000] [--dir /tmp/rfmgraph-bench-data] [--business bench] [--seconds 20] [--clients 16]
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using RfmGraph.Bench.Data;
using RfmGraph.Platform.Database;

var options = BenchOptions.Parse(args);
if (!File.Exists(options.HostDll))
{
    Console.Error.WriteLine($"No Host build at {options.HostDll}: run dotnet build -c Release src/Host first (or pass --host-dll).");
    return 1;
}

var dataDirectory = Path.Combine(options.Directory, "data");
await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
{
    DataDirectory = dataDirectory,
    Settings = new Dictionary<string, string>
    {
        ["shared_buffers"] = "1GB",
        ["jit"] = "off",
        // Plans are captured from the Host's own statements. auto_explain.log_min_duration stays at its default
        // (-1, off) until the EXPLAIN phase sets it with ALTER SYSTEM, which a -c option here would override.
        ["shared_preload_libraries"] = "auto_explain",
        ["auto_explain.log_analyze"] = "on",
        ["auto_explain.log_buffers"] = "on",
    },
});
await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
await using var host = new HostProcess(options.HostDll, server.ConnectionString);
var database = new BenchDatabase(dataSource);

var customers = await database.CustomersAsync(options.Business);
if (customers < options.Customers)
{
    Console.WriteLine($"Seeding {options.Customers:N0} demo customers into business '{options.Business}' (seed-demo)...");
    await host.RunVerbAsync("seed-demo", "--customers", options.Customers.ToString(CultureInfo.InvariantCulture), "--business", options.Business);
    customers = await database.CustomersAsync(options.Business);
}

if (await database.CurrentRunAsync(options.Business) is null)
{
    Console.WriteLine("Scoring the business (calculate-rfm, all sales)...");
    await host.RunVerbAsync("calculate-rfm", "--business", options.Business, "--days", "36600");
}

var (runId, scored) = await database.CurrentRunAsync(options.Business) ?? throw new InvalidOperationException("calculate-rfm published no run.");
// What autovacuum does shortly after a run is published; measured here so a freshly scored run is not planned blind.
await database.AnalyzeAsync();
var apiKey = (await host.RunVerbAsync("create-api-key", "--business", options.Business, "--role", "viewer", "--name", "bench-data"))
    .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Last(line => line.StartsWith("rfm_", StringComparison.Ordinal));
var (segment, segmentSize) = await database.LargestSegmentAsync(runId);
var (prefix, prefixSize) = await database.CommonNamePrefixAsync(options.Business);
Console.WriteLine($"{customers:N0} customers, run {runId}: {scored:N0} scored; segment {segment} has {segmentSize:N0}; names starting with '{prefix}': {prefixSize:N0}.");

await host.StartServerAsync();
using var client = new ApiClient(host.BaseAddress!, apiKey);
var queries = new Workload(client, segment, prefix);

// Warm-up: JIT, EF's query cache, PostgreSQL buffers.
var warmUp = Stopwatch.StartNew();
while (warmUp.Elapsed < TimeSpan.FromSeconds(Math.Max(3, options.Seconds / 5)))
{
    await queries.CycleAsync(null);
}

var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
var samples = Enumerable.Range(0, options.Clients).Select(_ => new List<(string Query, double Milliseconds)>(100_000)).ToArray();
var stop = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async c =>
{
    while (stop.Elapsed.TotalSeconds < options.Seconds)
    {
        await queries.CycleAsync(samples[c]);
    }
}));
var elapsed = stop.Elapsed.TotalSeconds;
var loadAfter = File.ReadAllText("/proc/loadavg").Trim();

Console.WriteLine();
Console.WriteLine($"### API through the Host over HTTP ({options.Clients} clients, {elapsed:F0} s, {customers:N0} customers, {scored:N0} scored)");
Console.WriteLine();
Console.WriteLine(Report.Table(samples.SelectMany(s => s).ToList(), elapsed));
Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; load average before {loadBefore}, after {loadAfter}. Segment {segment} ({segmentSize:N0} customers), name prefix '{prefix}'.");
Console.WriteLine();
Console.WriteLine("Plans of the three statements (auto_explain, EXPLAIN ANALYZE of the Host's own SQL):");
foreach (var plan in await Plans.CaptureAsync(dataSource, Path.Combine(dataDirectory, "server.log"), () => queries.CycleAsync(null)))
{
    Console.WriteLine();
    Console.WriteLine("```text");
    Console.WriteLine(plan);
    Console.WriteLine("```");
}

return 0;
