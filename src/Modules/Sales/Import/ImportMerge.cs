using System.Globalization;
using Npgsql;
using RfmGraph.Sales.Contracts;
using RfmGraph.Sales.Partitions;

namespace RfmGraph.Sales.Import;

/// <summary>
/// The set-based steps after the rows are streamed (all inside the import's transaction): new
/// storefronts and customers, and for a business that already has sales, the upsert from the staging
/// table. Rows whose values did not change are not rewritten.
/// </summary>
internal static class ImportMerge
{
    private const string CustomersTable = "sales_import_customers";

    /// <summary>
    /// Inserts the storefronts the file named for the first time, with their reserved ids. If a
    /// mutation created one of them meanwhile, the rows already written are pointed at that one.
    /// </summary>
    public static async Task<long> SaveStorefrontsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, IReadOnlyDictionary<string, long> created, string rowsTable, CancellationToken cancellationToken)
    {
        if (created.Count == 0)
        {
            return 0;
        }

        var business = businessId.ToString(CultureInfo.InvariantCulture);
        await using var command = new NpgsqlCommand("""
            INSERT INTO sales.storefronts (id, business_id, code, name) OVERRIDING SYSTEM VALUE
            SELECT id, $1, code, code FROM unnest($2::text[], $3::bigint[]) AS r (code, id)
            ON CONFLICT (business_id, code) DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = businessId });
        command.Parameters.Add(new NpgsqlParameter { Value = created.Keys.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = created.Values.ToArray() });
        long inserted = await command.ExecuteNonQueryAsync(cancellationToken);
        if (inserted != created.Count)
        {
            // A mutation created some of these codes while the file was streamed: use its rows. (Only then:
            // this rewrites the rows of those storefronts.)
            foreach (var (code, reserved) in created)
            {
                await using var repoint = new NpgsqlCommand($"""
                    UPDATE {rowsTable} SET storefront_id = s.id
                    FROM sales.storefronts s
                    WHERE s.business_id = {business} AND s.code = $1 AND s.id <> $2 AND {rowsTable}.storefront_id = $2
                    """, connection, transaction) { CommandTimeout = 0 };
                repoint.Parameters.Add(new NpgsqlParameter { Value = code });
                repoint.Parameters.Add(new NpgsqlParameter { Value = reserved });
                await repoint.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return inserted;
    }

    /// <summary>
    /// Copies the file's customer aggregates into a temp table, inserts the new customers with their
    /// reserved ids and updates name, e-mail and created_at of existing ones where they change.
    /// Returns the number of customers created.
    /// </summary>
    public static async Task<long> SaveCustomersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, CustomerCatalog customers, string rowsTable, CancellationToken cancellationToken)
    {
        if (customers.SeenCount == 0)
        {
            return 0;
        }

        await ExecuteAsync(connection, transaction, $"""
            CREATE TEMP TABLE {CustomersTable} (
                id             bigint      NOT NULL,
                external_id    text        COLLATE "C" NOT NULL,
                name           text        COLLATE "C",
                email          text        COLLATE "C",
                first_order_at timestamptz NOT NULL,
                is_new         boolean     NOT NULL,
                reserved_id    bigint
            ) ON COMMIT DROP
            """, cancellationToken);
        await using (var copy = await connection.BeginRawBinaryCopyAsync(
            $"COPY {CustomersTable} (id, external_id, name, email, first_order_at, is_new) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var writer = new PgBinaryCopyWriter(copy);
            customers.WriteTo(writer);
            writer.Complete();
        }

        var business = businessId.ToString(CultureInfo.InvariantCulture);
        // A mutation may have created some of these customers while the file was streamed: use its rows
        // (and point the rows already written at them). Checked first so that the insert below can be a
        // plain one: ON CONFLICT's speculative insertion costs several times more per row.
        var taken = await ExecuteAsync(connection, transaction, $"""
            UPDATE {CustomersTable} t SET reserved_id = t.id, id = c.id, is_new = false
            FROM sales.customers c
            WHERE t.is_new AND c.business_id = {business} AND c.external_id = t.external_id
            """, cancellationToken);
        if (taken > 0)
        {
            await ExecuteAsync(connection, transaction, $"""
                UPDATE {rowsTable} r SET customer_id = t.id FROM {CustomersTable} t WHERE t.reserved_id IS NOT NULL AND r.customer_id = t.reserved_id
                """, cancellationToken);
        }

        var created = await ExecuteAsync(connection, transaction, $"""
            INSERT INTO sales.customers (id, business_id, external_id, name, email, created_at) OVERRIDING SYSTEM VALUE
            SELECT id, {business}, external_id, name, email, first_order_at FROM {CustomersTable} WHERE is_new
            -- In key order, the unique index is filled left to right instead of at a million random places.
            ORDER BY external_id
            """, cancellationToken);
        if (customers.SeenCount == created)
        {
            return created;
        }

        await ExecuteAsync(connection, transaction, $"""
            UPDATE sales.customers c
            SET name = coalesce(t.name, c.name),
                email = coalesce(t.email, c.email),
                created_at = least(c.created_at, t.first_order_at)
            FROM {CustomersTable} t
            WHERE NOT t.is_new AND c.id = t.id
              AND (c.name, c.email, c.created_at) IS DISTINCT FROM
                  (coalesce(t.name, c.name), coalesce(t.email, c.email), least(c.created_at, t.first_order_at))
            """, cancellationToken);
        return created;
    }

    /// <summary>
    /// The customers of a business's first import when it has none yet: COPYed into a fresh partition of
    /// sales.customers that then replaces the business's empty one (<see cref="PartitionLoad"/>; if a
    /// mutation added a customer meanwhile, the swap fails and nothing is kept). Returns the number created.
    /// </summary>
    public static async Task<long> LoadNewCustomersAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, CustomerCatalog customers, CancellationToken cancellationToken)
    {
        var load = await PartitionLoad.BeginAsync(connection, transaction, PartitionedTable.Customers, businessId, cancellationToken);
        await using (var copy = await connection.BeginRawBinaryCopyAsync(
            $"COPY {load.LoadTable} (id, business_id, external_id, name, email, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var writer = new PgBinaryCopyWriter(copy);
            customers.WriteNewTo(writer, businessId);
            writer.Complete();
        }

        await load.BuildIndexesAsync(cancellationToken);
        await load.SwapInAsync(replaceRows: false, cancellationToken);
        return customers.NewCount;
    }

    /// <summary>Reports every sale_id the staging table holds more than once (later lines); true when there were any.</summary>
    public static async Task<bool> ReportDuplicatesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string staging, ImportErrors errors, CancellationToken cancellationToken)
    {
        var before = errors.Count;
        await using var command = new NpgsqlCommand($"""
            WITH duplicated AS (
                SELECT sale_id, min(line) AS first_line FROM {staging} GROUP BY sale_id HAVING count(*) > 1)
            SELECT t.line, t.sale_id, d.first_line
            FROM {staging} t JOIN duplicated d USING (sale_id)
            WHERE t.line > d.first_line
            ORDER BY t.line
            """, connection, transaction) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            errors.Add(reader.GetInt64(0), SalesCsvColumns.SaleId, $"duplicate sale_id '{reader.GetString(1)}' (first on line {reader.GetInt64(2)})");
        }

        return errors.Count != before;
    }

    /// <summary>
    /// Upserts the staging table into the business's partition. Rows equal to the stored sale are
    /// filtered out first, so a re-import of an unchanged file writes (and locks) nothing: that anti-join
    /// runs as a CREATE TABLE AS, which PostgreSQL executes in parallel (an INSERT … SELECT never is), and
    /// only the rows that changed go through the upsert.
    /// </summary>
    public static async Task<(long Inserted, long Updated)> UpsertSalesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BusinessInfo business, string staging, CancellationToken cancellationToken)
    {
        var partition = PartitionedTable.Sales.PartitionOf(business.Id);
        var changed = staging + "_changed";
        await ExecuteAsync(connection, transaction, $"""
            ANALYZE {staging};
            CREATE UNLOGGED TABLE {changed} AS
            SELECT t.storefront_id, t.customer_id, t.sale_id, t.ordered_at, t.status, t.amount
            FROM {staging} t
            WHERE NOT EXISTS (
                SELECT 1 FROM {partition} o
                WHERE o.external_id = t.sale_id
                  AND (o.storefront_id, o.customer_id, o.ordered_at, o.status, o.amount) = (t.storefront_id, t.customer_id, t.ordered_at, t.status, t.amount));
            """, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            WITH upserted AS (
                INSERT INTO {partition} AS s (business_id, storefront_id, customer_id, external_id, ordered_at, status, amount)
                SELECT $1, t.storefront_id, t.customer_id, t.sale_id, t.ordered_at, t.status, t.amount
                FROM {changed} t
                ON CONFLICT (business_id, external_id) DO UPDATE
                    SET storefront_id = excluded.storefront_id,
                        customer_id = excluded.customer_id,
                        ordered_at = excluded.ordered_at,
                        status = excluded.status,
                        amount = excluded.amount,
                        refunded_amount = least(s.refunded_amount, excluded.amount)
                    WHERE (s.storefront_id, s.customer_id, s.ordered_at, s.status, s.amount) IS DISTINCT FROM
                          (excluded.storefront_id, excluded.customer_id, excluded.ordered_at, excluded.status, excluded.amount)
                RETURNING xmax = 0 AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM upserted
            """, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter { Value = business.Id });
        (long Inserted, long Updated) counts;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            counts = (reader.GetInt64(0), reader.GetInt64(1));
        }

        await ExecuteAsync(connection, transaction, $"DROP TABLE {changed}, {staging}", cancellationToken);
        return counts;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
