using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RfmGraph.Bench.Import;
using RfmGraph.Platform.Database;
using RfmGraph.Platform.Tenancy;
using RfmGraph.Sales;
using RfmGraph.Sales.Contracts;

// Usage:
//   generate --rows N [--file PATH]        only write the CSV (not timed)
//   import  --rows N [--file PATH]          generate (once) and import a CSV of N rows, then import it again (update path)
//   seed    --customers N [--seed S]        generate the demo data set
//   parse   --rows N                        parse-only throughput: our reader vs CsvHelper (no database)
//   floor   --rows N                        client per-row cost alone, then server COPY + each index build alone
//   Add --no-reimport to import only once.
//   Add --ephemeral to run PostgreSQL with fsync off (the test fixture's settings); the default is the Host's embedded settings.
var command = args.Length > 0 ? args[0] : "import";
var rows = long.Parse(Option("--rows") ?? "1000000", CultureInfo.InvariantCulture);
var customers = int.Parse(Option("--customers") ?? "100000", CultureInfo.InvariantCulture);
var seed = int.Parse(Option("--seed") ?? "42", CultureInfo.InvariantCulture);
var file = Option("--file") ?? Path.Combine(Path.GetTempPath(), $"rfmgraph-bench-sales-{rows}.csv");

if (command is "import" or "generate" or "parse" or "floor" && !File.Exists(file))
{
    Console.WriteLine($"Generating {rows:N0} rows into {file} ...");
    SalesCsvGenerator.Write(file, rows);
}

if (command == "generate")
{
    return;
}

if (command == "parse")
{
    ParseBench.Run(file);
    return;
}

var root = Path.Combine(Path.GetTempPath(), "rfmgraph-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
await using var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions
{
    DataDirectory = Path.Combine(root, "data"),
    Ephemeral = args.Contains("--ephemeral"),
});
try
{
    await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(server.ConnectionString, [SalesModule.Migrations]);
    var services = new ServiceCollection()
        .AddLogging(b => b.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss ").SetMinimumLevel(LogLevel.Warning).AddFilter("RfmGraph.Sales", LogLevel.Information))
        .AddSingleton(NpgsqlDataSource.Create(server.ConnectionString))
        .AddScoped<ITenantContext, TenantContext>()
        .AddSalesModule(new ConfigurationBuilder().Build())
        .BuildServiceProvider();
    Console.WriteLine($"{Environment.ProcessorCount} cores, PostgreSQL {(args.Contains("--ephemeral") ? "ephemeral (fsync off)" : "embedded defaults (fsync on)")}");

    if (command == "floor")
    {
        await CopyFloorBench.RunAsync(file, server.ConnectionString);
        return;
    }

    if (command == "seed")
    {
        var seeder = services.GetRequiredService<IDemoDataSeeder>();
        var result = await seeder.SeedAsync(new DemoDataRequest(customers, seed), new ConsoleProgress(), CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine($"seed-demo: {result.Customers:N0} customers, {result.Sales:N0} sales, {result.Storefronts} storefronts in {result.Duration.TotalSeconds:F1} s " +
            $"({result.Sales / result.Duration.TotalSeconds:N0} sales/s)");
        await PrintSizesAsync(server.ConnectionString);
        return;
    }

    var importer = services.GetRequiredService<ISalesImporter>();
    var passes = args.Contains("--no-reimport") ? new[] { "first import (insert)" } : ["first import (insert)", "re-import (same file, unchanged)"];
    foreach (var pass in passes)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await importer.ImportCsvAsync(file, "bench", new ConsoleProgress(), CancellationToken.None);
        stopwatch.Stop();
        Console.WriteLine();
        if (!result.Succeeded)
        {
            Console.WriteLine($"FAILED: {string.Join("; ", result.Errors.Take(5))}");
            return;
        }

        Console.WriteLine($"{pass}: {result.RowsRead:N0} rows in {stopwatch.Elapsed.TotalSeconds:F1} s = {result.RowsRead / stopwatch.Elapsed.TotalSeconds:N0} rows/s " +
            $"(inserted {result.SalesInserted:N0}, updated {result.SalesUpdated:N0}, customers created {result.CustomersCreated:N0}); file {new FileInfo(file).Length / 1e6:N0} MB");
    }

    await PrintSizesAsync(server.ConnectionString);
}
finally
{
    await server.DisposeAsync();
    Directory.Delete(root, recursive: true);
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static async Task PrintSizesAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        "SELECT (SELECT count(*) FROM sales.sales), (SELECT count(*) FROM sales.customers), (SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits WHERE inhparent = 'sales.sales'::regclass)", connection);
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    Console.WriteLine($"database: {reader.GetInt64(0):N0} sales, {reader.GetInt64(1):N0} customers, sales table with indexes {reader.GetString(2)}");
}

internal sealed class ConsoleProgress : IProgress<SalesImportProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string _stage = string.Empty;

    public void Report(SalesImportProgress value)
    {
        if (value.Stage != _stage)
        {
            Console.WriteLine($"  [{_clock.Elapsed.TotalSeconds,6:F1} s] {value.Stage} starts");
            _stage = value.Stage;
        }
    }
}
