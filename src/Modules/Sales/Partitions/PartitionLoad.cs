using System.Globalization;
using System.Text;
using Npgsql;

namespace RfmGraph.Sales.Partitions;

/// <summary>
/// Bulk-loads a business's rows of a partitioned Sales table into a fresh partition: rows go into a new
/// table without indexes (with wal_level=minimal a table created in the loading transaction writes no
/// WAL), the indexes are then built by sort, and the table replaces the business's partition. Attaching
/// checks the parent's foreign keys with one join instead of one trigger call per row. Much faster than
/// maintaining the btrees row by row, and it keeps the exclusive lock on the parent down to the final
/// detach/attach. Everything happens in the caller's transaction.
/// </summary>
internal sealed class PartitionLoad
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly PartitionedTable _table;
    private readonly string _partition;

    private PartitionLoad(NpgsqlConnection connection, NpgsqlTransaction transaction, PartitionedTable table, long businessId)
    {
        _connection = connection;
        _transaction = transaction;
        _table = table;
        BusinessId = businessId;
        _partition = table.PartitionPrefix + businessId.ToString(CultureInfo.InvariantCulture);
    }

    public long BusinessId { get; }

    /// <summary>Schema-qualified name of the table to write the rows into.</summary>
    public string LoadTable => $"sales.{_partition}_load";

    /// <summary>
    /// Tells the businesses trigger (migration sales/0007) not to create partitions for a business this
    /// transaction creates: the caller attaches loaded tables as its partitions, and attaching needs no DETACH
    /// of empty ones, whose ACCESS EXCLUSIVE lock would stall every business's queries.
    /// </summary>
    public static async Task LeavePartitionsToLoaderAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SET LOCAL rfmgraph.business_partitions = 'loader'", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Creates the empty load table (same columns, defaults and checks as the parent).</summary>
    public static async Task<PartitionLoad> BeginAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PartitionedTable table, long businessId, CancellationToken cancellationToken)
    {
        var load = new PartitionLoad(connection, transaction, table, businessId);
        // Index builds sort ten million keys: with 1 GB each sort stays in memory (512 MB spilled to disk and
        // cost a tenth more). Only this transaction's index builds use it, one at a time. Writing the loaded
        // pages back while the COPY runs leaves the commit, which must fsync the new table, less to wait for.
        await load.ExecuteAsync($"""
            SET LOCAL maintenance_work_mem = '1GB';
            SET LOCAL backend_flush_after = '256kB';
            DROP TABLE IF EXISTS {load.LoadTable};
            CREATE TABLE {load.LoadTable} (
                LIKE {table.Parent} INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
                CONSTRAINT {load._partition}_business CHECK (business_id = {businessId}));
            """, cancellationToken);
        return load;
    }

    /// <summary>
    /// Builds the indexes the parent requires of its partitions (so attaching finds them ready), in the
    /// order <see cref="PartitionedTable.Indexes"/> lists them. Throws a unique violation (23505) when two
    /// rows share a unique key.
    /// </summary>
    public Task BuildIndexesAsync(CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"ANALYZE {LoadTable};\n");
        foreach (var index in _table.Indexes)
        {
            sql.AppendLine(index.CreateSql(LoadTable, $"{_partition}_load_{index.Suffix}"));
        }

        return ExecuteAsync(sql.ToString(), cancellationToken);
    }

    /// <summary>
    /// Replaces the business's partition with the load table. The caller has already removed rows of other
    /// tables that referenced the old partition's rows (the detach checks that). With
    /// <paramref name="replaceRows"/> false the old partition must be empty (an import that found none);
    /// the demo seeder replaces its own data on purpose.
    /// </summary>
    public async Task SwapInAsync(bool replaceRows, CancellationToken cancellationToken)
    {
        var old = $"sales.{_partition}";
        var renames = new StringBuilder();
        foreach (var index in _table.Indexes)
        {
            renames.AppendLine($"ALTER INDEX sales.{_partition}_load_{index.Suffix} RENAME TO {_partition}_{index.Suffix};");
        }

        await ExecuteAsync($"""
            DO $$
            BEGIN
                IF to_regclass('{old}') IS NOT NULL THEN
                    ALTER TABLE {_table.Parent} DETACH PARTITION {old};
                    -- The import chose this path because the business had none of these rows; a mutation may
                    -- have written one since (it does not take the import's lock). Never drop it silently.
                    IF {(replaceRows ? "false" : "true")} AND EXISTS (SELECT 1 FROM {old}) THEN
                        RAISE EXCEPTION '{_table.RowsNoun} were recorded for business {BusinessId} while its first import ran; run the import again (it will then update them)'
                            USING ERRCODE = '40001';
                    END IF;
                    DROP TABLE {old};
                END IF;
            END
            $$;
            ALTER TABLE {_table.Parent} ATTACH PARTITION {LoadTable} FOR VALUES IN ({BusinessId});
            ALTER TABLE {LoadTable} RENAME TO {_partition};
            {renames}
            """, cancellationToken);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
