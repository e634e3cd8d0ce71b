namespace RfmGraph.Sales.Contracts;

/// <summary>Bulk, all-or-nothing import of sales from a CSV file (format: docs/import-format.md).</summary>
public interface ISalesImporter
{
    /// <summary>
    /// Validates and imports every row of <paramref name="filePath"/> for the business
    /// <paramref name="businessKey"/> (created if it does not exist), or nothing at all.
    /// </summary>
    /// <returns>Counts when the file was imported; otherwise the row errors (nothing was written).</returns>
    Task<SalesImportResult> ImportCsvAsync(string filePath, string businessKey, IProgress<SalesImportProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>Progress of an import: bytes of the file read so far, of the total.</summary>
public sealed record SalesImportProgress(string Stage, long Done, long Total);

/// <summary>Outcome of an import. <see cref="Succeeded"/> is false when any row was rejected.</summary>
public sealed record SalesImportResult(
    bool Succeeded,
    long RowsRead,
    long SalesInserted,
    long SalesUpdated,
    long CustomersCreated,
    long StorefrontsCreated,
    TimeSpan Duration,
    IReadOnlyList<SalesImportError> Errors)
{
    /// <summary>How many errors the file has in all; <see cref="Errors"/> keeps only the first 100 of them.</summary>
    public long ErrorCount { get; init; } = Errors.Count;
}

/// <summary>One rejected value: 1-based line number in the file, column name, and why.</summary>
public sealed record SalesImportError(long Line, string Column, string Reason);
