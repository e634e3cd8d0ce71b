using System.Diagnostics;
using CsvHelper;
using RfmGraph.Sales.Import;

namespace RfmGraph.Bench.Import;

/// <summary>
/// Parse-only throughput on one core, no database: our span reader against CsvHelper on the same file.
/// "split" only walks every field of every record; "validate" also runs the import's field checks
/// (ids, ISO timestamp with offset, amount in cents, status, e-mail, currency), as an import does.
/// </summary>
internal static class ParseBench
{
    public static void Run(string file)
    {
        // Warm the page cache and the JIT before timing anything.
        Measure("warm-up (ours, split)", file, OursSplit);
        Measure("ours: split fields", file, OursSplit);
        Measure("CsvHelper 34: split fields", file, CsvHelperSplit);
        Measure("ours: SalesCsvReader (split + validate)", file, OursValidate);
        Measure("CsvHelper 34: split + the same validation", file, CsvHelperValidate);
    }

    private static void Measure(string name, string file, Func<string, long> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var rows = run(file);
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"{name,-45} {rows,12:N0} rows {elapsed,7:F2} s  {rows / elapsed,12:N0} rows/s  (CPU {cpuSeconds:F2} s)");
    }

    private static long OursSplit(string file)
    {
        using var stream = Open(file);
        var reader = new CsvRecordReader(stream);
        long rows = 0, bytes = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                bytes += reader.Field(i).Length;
            }

            rows++;
        }

        GC.KeepAlive(bytes);
        return rows - 1;
    }

    private static long CsvHelperSplit(string file)
    {
        using var reader = CsvReader.FromFile(file, Options);
        long rows = 0, bytes = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                bytes += reader.GetSpan(i).Length;
            }

            rows++;
        }

        GC.KeepAlive(bytes);
        return rows;
    }

    private static long OursValidate(string file)
    {
        using var stream = Open(file);
        var errors = new ImportErrors();
        var csv = new SalesCsvReader(stream, errors, "EUR");
        csv.ReadHeader();
        long rows = 0, check = 0;
        while (csv.TryRead(out var row))
        {
            check += row.AmountCents + row.SaleId.Length;
            rows++;
        }

        return errors.Any ? throw new InvalidOperationException("The bench file has errors.") : rows + (check & 0);
    }

    /// <summary>CsvHelper's reader, with the import's own checks applied to its field spans.</summary>
    private static long CsvHelperValidate(string file)
    {
        using var reader = CsvReader.FromFile(file, Options);
        long rows = 0, check = 0;
        while (reader.Read())
        {
            long cents = 0;
            var saleId = reader.GetSpan(0);
            var customerId = reader.GetSpan(1);
            var invalid = saleId.IsEmpty || customerId.IsEmpty || !System.Text.Unicode.Utf8.IsValid(saleId) || !System.Text.Unicode.Utf8.IsValid(customerId)
                || FieldParsers.TryParseTimestamp(reader.GetSpan(2), out _) is not null
                || FieldParsers.TryParseAmount(reader.GetSpan(3), out cents) is not null
                || !System.Text.Unicode.Utf8.IsValid(reader.GetSpan(4))
                || SaleStatus.Parse(reader.GetSpan(5)) is null
                || !System.Text.Unicode.Utf8.IsValid(reader.GetSpan(6))
                || reader.GetSpan(7).IndexOf((byte)'@') <= 0
                || !reader.GetSpan(8).SequenceEqual("EUR"u8);
            if (invalid)
            {
                throw new InvalidOperationException($"Row {rows + 2} is invalid.");
            }

            check += cents;
            rows++;
        }

        return rows + (check & 0);
    }

    private static CsvReaderOptions Options => new() { Separator = ',', TrimWhitespace = true, TrackLineNumbers = true };

    private static FileStream Open(string file) => new(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
}
