using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using RfmGraph.Sales.Businesses;
using RfmGraph.Sales.Contracts;
using RfmGraph.Sales.Partitions;

namespace RfmGraph.Sales.Import;

/// <summary>
/// All-or-nothing CSV import in one transaction: one streaming pass validates every row, resolves its
/// customer and storefront ids client-side and binary-COPYs it either into the business's fresh,
/// not yet attached partition (first sales of a business) or into a temp staging table (the business
/// has sales: upsert). Parsing (this process) and COPY (the server) run on different cores at once.
/// Any error rolls everything back, the business included if this import created it.
/// </summary>
internal sealed class SalesImporter(NpgsqlDataSource dataSource, SalesOptions options, ILogger<SalesImporter> logger) : ISalesImporter
{
    private const int ProgressEveryRows = 1 << 16;

    /// <summary>PostgreSQL's unique_violation: a duplicate sale_id met the fresh partition's unique index.</summary>
    private const string UniqueViolation = "23505";

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
        await using var idConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockBusinessAsync(connection, transaction, businessKey, cancellationToken);
        // A business created here gets its partitions from this import's loads (a first import always loads both).
        await PartitionLoad.LeavePartitionsToLoaderAsync(connection, transaction, cancellationToken);
        var existing = await new BusinessDirectory(dataSource).FindByKeyAsync(businessKey, cancellationToken);
        var fileCurrency = existing?.Currency ?? FirstCurrency(filePath);
        var business = existing ?? await BusinessDirectory.EnsureAsync(
            connection, transaction, businessKey, businessKey, fileCurrency ?? options.DefaultCurrency, cancellationToken);

        var session = await ImportSession.BeginAsync(connection, transaction, idConnection, business, cancellationToken);
        var csv = new SalesCsvReader(file, errors, fileCurrency);
        var copy = await session.BeginCopyAsync(cancellationToken);
        try
        {
            StreamRows(csv, session, new PgBinaryCopyWriter(copy), errors, file.Length, progress, cancellationToken);
            if (errors.Any)
            {
                await copy.CancelAsync();
            }
        }
        catch
        {
            // Completing a half-written COPY would only raise a second, misleading error.
            await copy.CancelAsync();
            throw;
        }
        finally
        {
            await copy.DisposeAsync();
        }

        progress?.Report(new SalesImportProgress("read", file.Length, file.Length));
        if (errors.Any)
        {
            await transaction.RollbackAsync(cancellationToken);
            logger.LogInformation("Import of {File} for {Business} rejected: {Errors} errors in {Rows} rows", filePath, businessKey, errors.Count, csv.RowsRead);
            return Failed(csv.RowsRead, errors, stopwatch);
        }

        logger.LogInformation("Import step {Step} done after {Seconds:F1} s ({Rows} rows)", "read+validate+copy", stopwatch.Elapsed.TotalSeconds, csv.RowsRead);
        progress?.Report(new SalesImportProgress("save", 0, 1));
        var counts = await session.FinishAsync(filePath, fileCurrency, errors, step => logger.LogInformation("Import step {Step} done after {Seconds:F1} s", step, stopwatch.Elapsed.TotalSeconds), cancellationToken);
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
    /// stops copying then: nothing of a bad file is going to be kept.
    /// </summary>
    private static void StreamRows(SalesCsvReader csv, ImportSession session, PgBinaryCopyWriter writer, ImportErrors errors, long totalBytes, IProgress<SalesImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (!csv.ReadHeader())
        {
            return;
        }

        progress?.Report(new SalesImportProgress("read", 0, totalBytes));
        var rows = 0L;
        while (csv.TryRead(out var row))
        {
            if (!errors.Any)
            {
                session.Write(writer, row);
            }

            if (++rows % ProgressEveryRows == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new SalesImportProgress("read", csv.BytesRead, totalBytes));
            }
        }

        if (!errors.Any)
        {
            writer.Complete();
        }
    }

    /// <summary>A new business takes the file's first currency, so the rows can carry it while they are streamed.</summary>
    private static string? FirstCurrency(string filePath)
    {
        using var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return SalesCsvReader.FirstCurrency(file);
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

    /// <summary>What one import writes into, and how it finishes.</summary>
    private sealed class ImportSession
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;
        private readonly BusinessInfo _business;
        private readonly CustomerCatalog _customers;
        private readonly StorefrontCatalog _storefronts;
        private readonly PartitionLoad? _load;
        private readonly IdReservation? _saleIds;
        private readonly SaleIdFingerprints _saleIdFingerprints = new();
        private long _rowsWritten;

        private ImportSession(
            NpgsqlConnection connection, NpgsqlTransaction transaction, BusinessInfo business, CustomerCatalog customers, StorefrontCatalog storefronts, PartitionLoad? load, IdReservation? saleIds)
        {
            _connection = connection;
            _transaction = transaction;
            _business = business;
            _customers = customers;
            _storefronts = storefronts;
            _load = load;
            _saleIds = saleIds;
        }

        private string RowsTable => _load?.LoadTable ?? StagingTable.NameFor(_business.Id);

        public static async Task<ImportSession> BeginAsync(
            NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlConnection idConnection, BusinessInfo business, CancellationToken cancellationToken)
        {
            var customers = await CustomerCatalog.LoadAsync(connection, transaction, business.Id,
                new IdReservation(idConnection, "sales.customers_id_seq").Next, cancellationToken);
            var storefronts = await StorefrontCatalog.LoadAsync(connection, transaction, business.Id,
                new IdReservation(idConnection, "sales.storefronts_id_seq"), cancellationToken);
            if (await HasSalesAsync(connection, transaction, business.Id, cancellationToken))
            {
                await StagingTable.CreateAsync(connection, transaction, StagingTable.NameFor(business.Id), cancellationToken);
                return new ImportSession(connection, transaction, business, customers, storefronts, load: null, saleIds: null);
            }

            var load = await PartitionLoad.BeginAsync(connection, transaction, PartitionedTable.Sales, business.Id, cancellationToken);
            return new ImportSession(connection, transaction, business, customers, storefronts, load, new IdReservation(idConnection, "sales.sales_id_seq"));
        }

        public Task<NpgsqlRawCopyStream> BeginCopyAsync(CancellationToken cancellationToken) =>
            _connection.BeginRawBinaryCopyAsync(_load is null ? StagingTable.CopyCommand(RowsTable) : PartitionRows.CopyCommand(_load.LoadTable), cancellationToken);

        public void Write(PgBinaryCopyWriter writer, in SaleRecord row)
        {
            _rowsWritten++;
            var customerId = _customers.Resolve(row);
            var storefrontId = _storefronts.Resolve(row.Storefront);
            if (_load is null)
            {
                // A first import needs no such check: its unique index build fails on a duplicate.
                _saleIdFingerprints.Add(row.SaleId);
                StagingTable.Write(writer, row, customerId, storefrontId);
            }
            else
            {
                PartitionRows.Write(writer, row, _saleIds!.Next(), _business.Id, customerId, storefrontId);
            }
        }

        /// <summary>Saves storefronts, customers and the sales; null (errors reported) when a sale_id is in the file twice.</summary>
        public async Task<Counts?> FinishAsync(string filePath, string? currency, ImportErrors errors, Action<string> step, CancellationToken cancellationToken)
        {
            await ImportMerge.ExecuteAsync(_connection, _transaction, "SET LOCAL work_mem = '256MB'", cancellationToken);
            var storefronts = await ImportMerge.SaveStorefrontsAsync(_connection, _transaction, _business.Id, _storefronts.New, RowsTable, cancellationToken);
            // A business with no customers yet (the usual first import) gets them in a fresh partition too.
            var customers = _load is not null && _customers.ExistingCount == 0
                ? await ImportMerge.LoadNewCustomersAsync(_connection, _transaction, _business.Id, _customers, cancellationToken)
                : await ImportMerge.SaveCustomersAsync(_connection, _transaction, _business.Id, _customers, RowsTable, cancellationToken);
            step("storefronts+customers");
            if (_load is null)
            {
                if (_saleIdFingerprints.MayHaveDuplicates && await ImportMerge.ReportDuplicatesAsync(_connection, _transaction, RowsTable, errors, cancellationToken))
                {
                    return null;
                }

                step("duplicate check");
                var (inserted, updated) = await ImportMerge.UpsertSalesAsync(_connection, _transaction, _business, RowsTable, cancellationToken);
                step("sales upsert");
                return new Counts(storefronts, customers, inserted, updated);
            }

            await _transaction.SaveAsync("indexes", cancellationToken);
            try
            {
                await _load.BuildIndexesAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
            {
                await _transaction.RollbackAsync("indexes", cancellationToken);
                await DuplicateSaleIds.ReportAsync(_connection, _transaction, _load.LoadTable, filePath, currency, errors, cancellationToken);
                if (!errors.Any)
                {
                    throw;
                }

                return null;
            }

            step("indexes");
            await _load.SwapInAsync(replaceRows: false, cancellationToken);
            step("attach");
            return new Counts(storefronts, customers, _rowsWritten, 0);
        }

        private static async Task<bool> HasSalesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM sales.sales WHERE business_id = $1)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = businessId });
            return await command.ExecuteScalarAsync(cancellationToken) is true;
        }
    }

    private sealed record Counts(long StorefrontsCreated, long CustomersCreated, long SalesInserted, long SalesUpdated);
}
