using Microsoft.Extensions.Logging;
using Npgsql;
using RfmGraph.Sales.Contracts;
using RfmGraph.Sales.Partitions;

namespace RfmGraph.Sales.Import;

/// <summary>
/// Set-based merge of the staging table into sales.* (inside the caller's transaction). Re-imported
/// sale_ids update their row; rows whose values did not change are not rewritten.
/// </summary>
internal static class ImportMerge
{
    /// <summary>PostgreSQL's "ON CONFLICT DO UPDATE command cannot affect row a second time".</summary>
    private const string CardinalityViolation = "21000";

    public sealed record Counts(long StorefrontsCreated, long CustomersCreated, long SalesInserted, long SalesUpdated);

    /// <summary>PostgreSQL's unique_violation: a duplicate sale_id met the fresh partition's unique index.</summary>
    private const string UniqueViolation = "23505";

    /// <summary>Merges; returns null (and reports the duplicates) when a sale_id occurs twice in the file.</summary>
    public static async Task<Counts?> RunAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BusinessInfo business, IReadOnlyCollection<string> storefronts,
        ImportErrors errors, ILogger logger, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Step(string step) => logger.LogInformation("Import merge step {Step} done after {Seconds:F1} s", step, clock.Elapsed.TotalSeconds);
        // Enough memory that the customer aggregate and the staging⋈customers hash join of a
        // multi-million-row file stay in memory instead of spilling in batches to disk.
        await ExecuteAsync(connection, transaction, $"SET LOCAL work_mem = '256MB'; ANALYZE {StagingTable.Name}", cancellationToken);
        var storefrontsCreated = await StorefrontsAsync(connection, transaction, business.Id, storefronts, cancellationToken);
        var customersCreated = await CustomersAsync(connection, transaction, business.Id, cancellationToken);
        Step("customers");

        await transaction.SaveAsync("sales_merge", cancellationToken);
        try
        {
            if (await HasSalesAsync(connection, transaction, business.Id, cancellationToken))
            {
                var (inserted, updated) = await UpsertSalesAsync(connection, transaction, business, cancellationToken);
                Step("sales upsert");
                return new Counts(storefrontsCreated, customersCreated, inserted, updated);
            }

            // The business's first sales: load a fresh partition (see SalesPartitionLoad).
            var load = await SalesPartitionLoad.BeginAsync(connection, transaction, business.Id, cancellationToken);
            var loaded = await InsertSalesAsync(connection, transaction, business, load.LoadTable, cancellationToken);
            Step("sales into a fresh partition");
            await load.BuildIndexesAsync(cancellationToken);
            Step("indexes");
            await load.SwapInAsync(cancellationToken);
            return new Counts(storefrontsCreated, customersCreated, loaded, 0);
        }
        catch (PostgresException ex) when (ex.SqlState is CardinalityViolation or UniqueViolation)
        {
            await transaction.RollbackAsync("sales_merge", cancellationToken);
            var before = errors.Count;
            await ReportDuplicatesAsync(connection, transaction, errors, cancellationToken);
            if (errors.Count == before)
            {
                throw;
            }

            return null;
        }
    }

    private static async Task<bool> HasSalesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM sales.sales WHERE business_id = $1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = businessId });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static async Task<long> StorefrontsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO sales.storefronts (business_id, code, name)
            SELECT $1, code, code FROM unnest($2::text[]) AS code
            ON CONFLICT (business_id, code) DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = businessId });
        command.Parameters.Add(new NpgsqlParameter { Value = codes.ToArray() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> CustomersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, CancellationToken cancellationToken)
    {
        // When rows of one customer disagree on name or e-mail, the greatest value wins: deterministic
        // and one hash aggregate, where "last row wins" would need a sort of the whole file.
        await using var command = new NpgsqlCommand($"""
            WITH upserted AS (
                INSERT INTO sales.customers AS c (business_id, external_id, name, email, created_at)
                SELECT $1, customer_id, max(customer_name), max(customer_email), min(ordered_at)
                FROM {StagingTable.Name}
                GROUP BY customer_id
                ON CONFLICT (business_id, external_id) DO UPDATE
                    SET name = coalesce(excluded.name, c.name),
                        email = coalesce(excluded.email, c.email),
                        created_at = least(c.created_at, excluded.created_at)
                    WHERE (c.name, c.email, c.created_at) IS DISTINCT FROM
                          (coalesce(excluded.name, c.name), coalesce(excluded.email, c.email), least(c.created_at, excluded.created_at))
                RETURNING xmax = 0 AS inserted)
            SELECT count(*) FILTER (WHERE inserted) FROM upserted
            """, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter { Value = businessId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<(long Inserted, long Updated)> UpsertSalesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BusinessInfo business, CancellationToken cancellationToken)
    {
        // Writes the business's partition directly: RETURNING xmax (0 on inserted rows, so inserts and
        // updates can be told apart) is not available through a partitioned table.
        await using var command = new NpgsqlCommand($"""
            WITH upserted AS (
                INSERT INTO sales.sales_b{business.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)} AS s (business_id, storefront_id, customer_id, external_id, ordered_at, status, amount, currency)
                SELECT $1, f.id, c.id, t.sale_id, t.ordered_at, t.status, t.amount, $2
                FROM {StagingTable.Name} t
                JOIN sales.customers c ON c.business_id = $1 AND c.external_id = t.customer_id
                JOIN sales.storefronts f ON f.business_id = $1 AND f.code = t.storefront
                ON CONFLICT (business_id, external_id) DO UPDATE
                    SET storefront_id = excluded.storefront_id,
                        customer_id = excluded.customer_id,
                        ordered_at = excluded.ordered_at,
                        status = excluded.status,
                        amount = excluded.amount,
                        refunded_amount = least(s.refunded_amount, excluded.amount),
                        currency = excluded.currency
                    WHERE (s.storefront_id, s.customer_id, s.ordered_at, s.status, s.amount, s.currency) IS DISTINCT FROM
                          (excluded.storefront_id, excluded.customer_id, excluded.ordered_at, excluded.status, excluded.amount, excluded.currency)
                RETURNING xmax = 0 AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM upserted
            """, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter { Value = business.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = business.Currency });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<long> InsertSalesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BusinessInfo business, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {table} (business_id, storefront_id, customer_id, external_id, ordered_at, status, amount, currency)
            SELECT $1, f.id, c.id, t.sale_id, t.ordered_at, t.status, t.amount, $2
            FROM {StagingTable.Name} t
            JOIN sales.customers c ON c.business_id = $1 AND c.external_id = t.customer_id
            JOIN sales.storefronts f ON f.business_id = $1 AND f.code = t.storefront
            """, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter { Value = business.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = business.Currency });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ReportDuplicatesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ImportErrors errors, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            WITH duplicated AS (
                SELECT sale_id, min(line) AS first_line FROM {StagingTable.Name} GROUP BY sale_id HAVING count(*) > 1)
            SELECT t.line, t.sale_id, d.first_line
            FROM {StagingTable.Name} t JOIN duplicated d USING (sale_id)
            WHERE t.line > d.first_line
            ORDER BY t.line
            """, connection, transaction) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            errors.Add(reader.GetInt64(0), SalesCsvColumns.SaleId, $"duplicate sale_id '{reader.GetString(1)}' (first on line {reader.GetInt64(2)})");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
