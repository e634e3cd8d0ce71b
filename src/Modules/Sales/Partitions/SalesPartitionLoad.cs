using System.Globalization;
using Npgsql;

namespace RfmGraph.Sales.Partitions;

/// <summary>
/// Bulk-loads a business's sales into a fresh partition: rows go into a new table without indexes,
/// the indexes are then built by sort, and the table replaces the business's partition of
/// sales.sales. Much faster than maintaining four btrees row by row, and it keeps the exclusive lock
/// on sales.sales down to the final detach/attach. Everything happens in the caller's transaction.
/// </summary>
internal sealed class SalesPartitionLoad
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _partition;

    private SalesPartitionLoad(NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId)
    {
        _connection = connection;
        _transaction = transaction;
        BusinessId = businessId;
        _partition = "sales_b" + businessId.ToString(CultureInfo.InvariantCulture);
    }

    public long BusinessId { get; }

    /// <summary>Schema-qualified name of the table to write the rows into.</summary>
    public string LoadTable => $"sales.{_partition}_load";

    /// <summary>Creates the empty load table (same columns, defaults and checks as sales.sales).</summary>
    public static async Task<SalesPartitionLoad> BeginAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long businessId, CancellationToken cancellationToken)
    {
        var load = new SalesPartitionLoad(connection, transaction, businessId);
        await load.ExecuteAsync($"""
            SET LOCAL maintenance_work_mem = '512MB';
            DROP TABLE IF EXISTS {load.LoadTable};
            CREATE TABLE {load.LoadTable} (
                LIKE sales.sales INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
                CONSTRAINT {load._partition}_business CHECK (business_id = {businessId}));
            """, cancellationToken);
        return load;
    }

    /// <summary>
    /// Builds the indexes sales.sales requires of its partitions (so attaching finds them ready).
    /// Throws a unique violation (23505) when two rows share an external id.
    /// </summary>
    public Task BuildIndexesAsync(CancellationToken cancellationToken) => ExecuteAsync($"""
        ANALYZE {LoadTable};
        ALTER TABLE {LoadTable} ADD CONSTRAINT {_partition}_load_business_external_id_key UNIQUE (business_id, external_id);
        ALTER TABLE {LoadTable} ADD CONSTRAINT {_partition}_load_pkey PRIMARY KEY (business_id, id);
        CREATE INDEX {_partition}_load_ordered_at_idx ON {LoadTable} (ordered_at);
        """, cancellationToken);

    /// <summary>
    /// Replaces the business's partition with the load table. The caller has already removed line
    /// items and payments that referenced the old partition's sales (the detach checks that). With
    /// <paramref name="replaceSales"/> false the old partition must be empty (an import that found
    /// no sales); the demo seeder replaces its own data on purpose.
    /// </summary>
    public async Task SwapInAsync(bool replaceSales, CancellationToken cancellationToken)
    {
        var old = $"sales.{_partition}";
        await ExecuteAsync($"""
            DO $$
            BEGIN
                IF to_regclass('{old}') IS NOT NULL THEN
                    ALTER TABLE sales.sales DETACH PARTITION {old};
                    -- The import chose this path because the business had no sales; a mutation may have
                    -- recorded one since (it does not take the import's lock). Never drop it silently.
                    IF {(replaceSales ? "false" : "true")} AND EXISTS (SELECT 1 FROM {old}) THEN
                        RAISE EXCEPTION 'sales were recorded for business {BusinessId} while its first import ran; run the import again (it will then update them)'
                            USING ERRCODE = '40001';
                    END IF;
                    DROP TABLE {old};
                END IF;
            END
            $$;
            ALTER TABLE sales.sales ATTACH PARTITION {LoadTable} FOR VALUES IN ({BusinessId});
            ALTER TABLE {LoadTable} RENAME TO {_partition};
            ALTER INDEX sales.{_partition}_load_business_external_id_key RENAME TO {_partition}_business_external_id_key;
            ALTER INDEX sales.{_partition}_load_pkey RENAME TO {_partition}_pkey;
            ALTER INDEX sales.{_partition}_load_ordered_at_idx RENAME TO {_partition}_ordered_at_idx;
            """, cancellationToken);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
