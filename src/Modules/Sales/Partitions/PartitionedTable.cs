using System.Globalization;

namespace RfmGraph.Sales.Partitions;

/// <summary>
/// A Sales table partitioned by business (migrations 0002 and 0006): the parent's name, how its partitions
/// are named, and the indexes every partition must have before it can be attached.
/// </summary>
internal sealed record PartitionedTable(string Parent, string PartitionPrefix, string RowsNoun, IReadOnlyList<PartitionIndex> Indexes)
{
    /// <summary>
    /// The business's partition, for statements that must name it: RETURNING xmax (0 on a row the statement
    /// inserted, so an upsert can tell inserts from updates) is not available through the partitioned parent.
    /// </summary>
    public string PartitionOf(long businessId) => $"sales.{PartitionPrefix}{businessId.ToString(CultureInfo.InvariantCulture)}";

    public static PartitionedTable Sales { get; } = new("sales.sales", "sales_b", "sales",
    [
        // First: a duplicate sale_id fails the load here, before time goes into the other indexes.
        new("business_external_id_key", PartitionIndexKind.Unique, "(business_id, external_id)"),
        new("pkey", PartitionIndexKind.PrimaryKey, "(business_id, id)"),
        new("ordered_at_idx", PartitionIndexKind.Index, "(ordered_at)"),
    ]);

    public static PartitionedTable Customers { get; } = new("sales.customers", "customers_b", "customers",
    [
        new("business_external_id_key", PartitionIndexKind.Unique, "(business_id, external_id)"),
        new("pkey", PartitionIndexKind.PrimaryKey, "(business_id, id)"),
    ]);
}

/// <summary>
/// One index of a partition: the suffix of its name (partition name + "_" + suffix) and its kind and columns.
/// Unique keys and primary keys are constraints on the parent, so the partition's must be constraints too.
/// </summary>
internal sealed record PartitionIndex(string Suffix, PartitionIndexKind Kind, string Columns)
{
    public string CreateSql(string table, string name) => Kind switch
    {
        PartitionIndexKind.PrimaryKey => $"ALTER TABLE {table} ADD CONSTRAINT {name} PRIMARY KEY {Columns};",
        PartitionIndexKind.Unique => $"ALTER TABLE {table} ADD CONSTRAINT {name} UNIQUE {Columns};",
        _ => $"CREATE INDEX {name} ON {table} {Columns};",
    };
}

internal enum PartitionIndexKind
{
    Index,
    Unique,
    PrimaryKey,
}
