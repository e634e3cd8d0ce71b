using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using RfmGraph.Sales.Businesses;
using RfmGraph.Sales.Contracts;

namespace RfmGraph.Sales.Import;

/// <summary>
/// All-or-nothing CSV import: one streaming pass validates every row and binary-COPYs the valid
/// ones into a temp staging table; only a clean file is merged into sales.*, in the same
/// transaction. Any error rolls everything back (the business, if this import created it, included).
/// </summary>
internal sealed class SalesImporter(NpgsqlDataSource dataSource, SalesOptions options, ILogger<SalesImporter> logger) : ISalesImporter
{
    private const int ProgressEveryRows = 1 << 16;

    public async Task<SalesImportResult> ImportCsvAsync(string filePath, string businessKey, IProgress<SalesImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var stopwatch = Stopwatch.StartNew();
        var errors = new ImportErrors();
        if (!BusinessKey.IsValid(businessKey))
        {
            errors.Add(0, "business", BusinessKey.Describe(businessKey));
            return Failed(0, errors, stopwatch);
        }

        await using var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockBusinessAsync(connection, transaction, businessKey, cancellationToken);
        var existing = await new BusinessDirectory(dataSource).FindByKeyAsync(businessKey, cancellationToken);
        await StagingTable.CreateAsync(connection, transaction, cancellationToken);

        var csv = new SalesCsvReader(file, errors, existing?.Currency);
        var total = file.Length;
        await StageAsync(connection, csv, errors, total, progress, cancellationToken);
        progress?.Report(new SalesImportProgress("read", total, total));
        if (errors.Any)
        {
            await transaction.RollbackAsync(cancellationToken);
            logger.LogInformation("Import of {File} for {Business} rejected: {Errors} errors in {Rows} rows", filePath, businessKey, errors.Count, csv.RowsRead);
            return Failed(csv.RowsRead, errors, stopwatch);
        }

        logger.LogInformation("Read and staged {Rows} rows of {File} in {Seconds:F1} s", csv.RowsRead, filePath, stopwatch.Elapsed.TotalSeconds);
        progress?.Report(new SalesImportProgress("save", 0, 1));
        var business = existing ?? await BusinessDirectory.EnsureAsync(
            connection, transaction, businessKey, businessKey, csv.Currency ?? options.DefaultCurrency, cancellationToken);
        var counts = await ImportMerge.RunAsync(connection, transaction, business, csv.Storefronts, errors, logger, cancellationToken);
        if (counts is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Failed(csv.RowsRead, errors, stopwatch);
        }

        await transaction.CommitAsync(cancellationToken);
        progress?.Report(new SalesImportProgress("save", 1, 1));
        logger.LogInformation(
            "Imported {Rows} rows of {File} for {Business} in {Elapsed}: {Inserted} sales inserted, {Updated} updated, {Customers} customers created",
            csv.RowsRead, filePath, businessKey, stopwatch.Elapsed, counts.SalesInserted, counts.SalesUpdated, counts.CustomersCreated);
        return new SalesImportResult(true, csv.RowsRead, counts.SalesInserted, counts.SalesUpdated, counts.CustomersCreated, counts.StorefrontsCreated, stopwatch.Elapsed, []);
    }

    /// <summary>
    /// Reads the whole file even after the first bad row (so the report counts every error), but
    /// stops copying then: nothing of a bad file is going to be merged.
    /// </summary>
    private static async Task StageAsync(NpgsqlConnection connection, SalesCsvReader csv, ImportErrors errors, long totalBytes, IProgress<SalesImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (!csv.ReadHeader())
        {
            return;
        }

        progress?.Report(new SalesImportProgress("read", 0, totalBytes));
        var copy = await StagingTable.BeginCopyAsync(connection, cancellationToken);
        try
        {
            var rows = 0L;
            while (csv.TryRead(out var row))
            {
                if (!errors.Any)
                {
                    StagingTable.Write(copy, row);
                }

                if (++rows % ProgressEveryRows == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new SalesImportProgress("read", csv.BytesRead, totalBytes));
                }
            }

            if (!errors.Any)
            {
                await copy.CompleteAsync(cancellationToken);
            }
        }
        finally
        {
            // Disposing an uncompleted COPY cancels it; the transaction is rolled back by the caller.
            await copy.DisposeAsync();
        }
    }

    private static async Task LockBusinessAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string businessKey, CancellationToken cancellationToken)
    {
        // Imports and demo seeding of one business run one at a time; other businesses are not blocked.
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('rfmgraph.sales:' || $1, 0))", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = businessKey });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SalesImportResult Failed(long rows, ImportErrors errors, Stopwatch stopwatch) =>
        new(false, rows, 0, 0, 0, 0, stopwatch.Elapsed, errors.Kept) { ErrorCount = errors.Count };
}
