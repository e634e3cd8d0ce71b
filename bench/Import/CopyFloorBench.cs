using System.Diagnostics;
using Npgsql;
using RfmGraph.Sales.Import;

namespace RfmGraph.Bench.Import;

/// <summary>
/// Where the floor is. Client: the import's own per-row work (parse, validate, resolve customers,
/// encode binary COPY) into a null stream, one core. Server: the same encoded rows streamed from a
/// file (no client work) into a table created in the same transaction, then each index built alone.
/// </summary>
internal static class CopyFloorBench
{
    public static async Task RunAsync(string file, string connectionString)
    {
        var encoded = file + ".pgcopy";
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long rows;
        await using (var output = new FileStream(encoded, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            rows = Encode(file, Stream.Null);
            Report("client: parse+validate+customers+encode (to a null stream)", rows, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
            Encode(file, output);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (label, like) in new[]
        {
            ("server: COPY into a new table without constraints", "INCLUDING DEFAULTS"),
            ("server: COPY into a new table with sales' CHECKs", "INCLUDING DEFAULTS INCLUDING CONSTRAINTS"),
        })
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, $"CREATE TABLE sales.floor (LIKE sales.sales {like})");
            clock.Restart();
            await using (var copy = await connection.BeginRawBinaryCopyAsync(PartitionRows.CopyCommand("sales.floor")))
            await using (var input = File.OpenRead(encoded))
            {
                await input.CopyToAsync(copy);
            }

            Report(label, rows, clock.Elapsed, null);
            if (like.Contains("CONSTRAINTS", StringComparison.Ordinal))
            {
                await ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '512MB'; ANALYZE sales.floor");
                foreach (var (index, sql) in new[]
                {
                    ("unique (business_id, external_id)", "ALTER TABLE sales.floor ADD CONSTRAINT floor_ext UNIQUE (business_id, external_id)"),
                    ("primary key (business_id, id)", "ALTER TABLE sales.floor ADD CONSTRAINT floor_pk PRIMARY KEY (business_id, id)"),
                    ("(ordered_at)", "CREATE INDEX floor_ordered ON sales.floor (ordered_at)"),
                    ("(customer_id, ordered_at)", "CREATE INDEX floor_customer ON sales.floor (customer_id, ordered_at)"),
                })
                {
                    clock.Restart();
                    await ExecuteAsync(connection, sql);
                    Report("server: index " + index, rows, clock.Elapsed, null);
                }
            }

            await transaction.RollbackAsync();
        }

        File.Delete(encoded);
    }

    private static long Encode(string file, Stream target)
    {
        using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var csv = new SalesCsvReader(input, new ImportErrors(), "EUR");
        csv.ReadHeader();
        var nextId = 0L;
        var customers = new CustomerCatalog(() => ++nextId);
        var writer = new PgBinaryCopyWriter(target);
        var storefronts = new Dictionary<string, long>(StringComparer.Ordinal);
        long rows = 0;
        while (csv.TryRead(out var row))
        {
            if (!storefronts.TryGetValue(row.Storefront, out var storefront))
            {
                storefronts[row.Storefront] = storefront = storefronts.Count + 1;
            }

            PartitionRows.Write(writer, row, rows + 1, 1, customers.Resolve(row), storefront);
            rows++;
        }

        writer.Complete();
        return rows;
    }

    private static void Report(string label, long rows, TimeSpan elapsed, TimeSpan? cpu) =>
        Console.WriteLine($"{label,-62} {elapsed.TotalSeconds,7:F2} s  {rows / elapsed.TotalSeconds,12:N0} rows/s{(cpu is { } c ? $"  (CPU {c.TotalSeconds:F2} s)" : string.Empty)}");

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
