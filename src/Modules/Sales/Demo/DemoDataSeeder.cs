using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using RfmGraph.Sales.Businesses;
using RfmGraph.Sales.Contracts;
using RfmGraph.Sales.Partitions;

namespace RfmGraph.Sales.Demo;

/// <summary>
/// Writes the demo data set in one transaction: the business's previous storefronts, line items and
/// payments are removed, and customers and sales are binary-COPYed into fresh partitions that replace the
/// old ones (see <see cref="PartitionLoad"/>). Readers see the old data set until commit.
/// </summary>
internal sealed class DemoDataSeeder(NpgsqlDataSource dataSource, ILogger<DemoDataSeeder> logger) : IDemoDataSeeder
{
    /// <summary>The fixed "today" of the demo data when the request names none: no wall clock, so runs are reproducible.</summary>
    public static readonly DateTimeOffset DefaultAsOf = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Currency = "EUR";

    private static readonly string[] StorefrontCodes = ["downtown", "airport", "mall-north", "online", "outlet"];

    public async Task<DemoDataResult> SeedAsync(DemoDataRequest request, IProgress<SalesImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Customers);
        if (!BusinessKey.IsValid(request.BusinessKey))
        {
            throw new ArgumentException(BusinessKey.Describe(request.BusinessKey), nameof(request));
        }

        var stopwatch = Stopwatch.StartNew();
        var asOf = (request.AsOf ?? DefaultAsOf).UtcDateTime;
        var generator = new DemoCustomerGenerator(request.Seed, asOf, StorefrontCodes.Length);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended('rfmgraph.sales:' || $1, 0))", cancellationToken, request.BusinessKey);
        await PartitionLoad.LeavePartitionsToLoaderAsync(connection, transaction, cancellationToken);
        var business = await BusinessDirectory.EnsureAsync(connection, transaction, request.BusinessKey, "Demo Retail", Currency, cancellationToken);
        if (business.Currency != Currency)
        {
            throw new InvalidOperationException($"Business '{business.Key}' uses {business.Currency}; the demo data is in {Currency}. Use another --business key.");
        }

        progress?.Report(new SalesImportProgress("clear", 0, 1));
        await ClearAsync(connection, transaction, business.Id, cancellationToken);
        var storefrontIds = await StorefrontsAsync(connection, transaction, business.Id, cancellationToken);

        var customers = await PartitionLoad.BeginAsync(connection, transaction, PartitionedTable.Customers, business.Id, cancellationToken);
        var customerIds = await CopyCustomersAsync(connection, transaction, customers, business.Id, generator, request.Customers, progress, cancellationToken);
        var sales = await PartitionLoad.BeginAsync(connection, transaction, PartitionedTable.Sales, business.Id, cancellationToken);
        var saleCount = await CopySalesAsync(connection, sales, business.Id, generator, customerIds, storefrontIds, progress, cancellationToken);

        progress?.Report(new SalesImportProgress("index", 0, 1));
        await customers.BuildIndexesAsync(cancellationToken);
        await sales.BuildIndexesAsync(cancellationToken);
        await customers.SwapInAsync(replaceRows: true, cancellationToken);
        await sales.SwapInAsync(replaceRows: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress?.Report(new SalesImportProgress("index", 1, 1));

        logger.LogInformation("Demo data for {Business}: {Customers} customers, {Sales} sales (seed {Seed}) in {Elapsed}",
            business.Key, request.Customers, saleCount, request.Seed, stopwatch.Elapsed);
        return new DemoDataResult(business.Key, business.Id, StorefrontCodes.Length, request.Customers, saleCount, stopwatch.Elapsed);
    }

    /// <summary>Line items and payments first: detaching the old sales partition requires nothing to reference it.</summary>
    private static async Task ClearAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "sales.sale_items", "sales.payments", "sales.storefronts" })
        {
            await ExecuteAsync(connection, transaction, $"DELETE FROM {table} WHERE business_id = $1", cancellationToken, businessId);
        }
    }

    private static async Task<long[]> StorefrontsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO sales.storefronts (business_id, code, name)
            SELECT $1, code, initcap(replace(code, '-', ' ')) FROM unnest($2::text[]) WITH ORDINALITY AS s(code, n) ORDER BY n
            RETURNING id
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = businessId });
        command.Parameters.Add(new NpgsqlParameter { Value = StorefrontCodes });
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return [.. ids.Order()];
    }

    /// <summary>COPYs the customers in index order and reads their ids back (index i → ids[i]).</summary>
    private static async Task<long[]> CopyCustomersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PartitionLoad load, long businessId, DemoCustomerGenerator generator, int count,
        IProgress<SalesImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {load.LoadTable} (business_id, external_id, name, email, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < count; i++)
            {
                var customer = generator.Generate(i);
                copy.StartRow();
                copy.Write(businessId, NpgsqlDbType.Bigint);
                copy.Write(customer.ExternalId, NpgsqlDbType.Text);
                copy.Write(customer.Name, NpgsqlDbType.Text);
                copy.Write(customer.Email, NpgsqlDbType.Text);
                copy.Write(customer.CreatedAt, NpgsqlDbType.TimestampTz);
                if ((i & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new SalesImportProgress("customers", i, count));
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        progress?.Report(new SalesImportProgress("customers", count, count));
        var ids = new long[count];
        await using var command = new NpgsqlCommand($"SELECT id, external_id FROM {load.LoadTable}", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // External ids are "C" + 1-based index, written by DemoCustomerGenerator.
            ids[int.Parse(reader.GetString(1).AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) - 1] = reader.GetInt64(0);
        }

        return ids;
    }

    private static async Task<long> CopySalesAsync(
        NpgsqlConnection connection, PartitionLoad load, long businessId, DemoCustomerGenerator generator, long[] customerIds, long[] storefrontIds,
        IProgress<SalesImportProgress>? progress, CancellationToken cancellationToken)
    {
        var sales = 0L;
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {load.LoadTable} (business_id, storefront_id, customer_id, external_id, ordered_at, status, amount, refunded_amount) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        for (var i = 0; i < customerIds.Length; i++)
        {
            foreach (var sale in generator.Generate(i).Sales)
            {
                copy.StartRow();
                copy.Write(businessId, NpgsqlDbType.Bigint);
                copy.Write(storefrontIds[sale.Storefront], NpgsqlDbType.Bigint);
                copy.Write(customerIds[i], NpgsqlDbType.Bigint);
                copy.Write(sale.ExternalId, NpgsqlDbType.Text);
                copy.Write(sale.OrderedAt, NpgsqlDbType.TimestampTz);
                copy.Write(sale.Status, NpgsqlDbType.Text);
                copy.Write(Money(sale.AmountCents), NpgsqlDbType.Numeric);
                copy.Write(Money(sale.RefundedCents), NpgsqlDbType.Numeric);
                sales++;
            }

            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new SalesImportProgress("sales", i, customerIds.Length));
            }
        }

        await copy.CompleteAsync(cancellationToken);
        progress?.Report(new SalesImportProgress("sales", customerIds.Length, customerIds.Length));
        return sales;
    }

    private static decimal Money(long cents) => new((int)(cents & 0xFFFF_FFFF), (int)(cents >> 32), 0, false, 2);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
