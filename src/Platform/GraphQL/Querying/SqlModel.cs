namespace RfmGraph.Platform.GraphQL.Querying;

/// <summary>The kind of a column's values: decides its filter input and how cursor values round-trip.</summary>
public enum SqlKind
{
    String,
    Int,
    Long,
    Decimal,
    DateTime,
}

/// <summary>
/// One filterable and sortable field of a SQL-backed connection.
/// <paramref name="Sql"/> is the expression filters use; <paramref name="SortSql"/> (default: the same) must be
/// NOT NULL, because keyset paging compares sort keys with row comparisons.
/// </summary>
public sealed record SqlColumn(string Field, string Sql, SqlKind Kind, string Description, string? SortSql = null)
{
    public string SortExpression => SortSql ?? Sql;
}

/// <summary>
/// A connection over one SQL relation: its GraphQL name, FROM clause, fields and unique key (the paging tie-breaker).
/// Every query adds the caller's own predicate (tenant, run) through <see cref="SqlPage{TNode}"/>.
/// </summary>
public sealed class SqlModel(string typeName, string from, string keySql, IReadOnlyList<SqlColumn> columns)
{
    public string TypeName { get; } = typeName;

    public string From { get; } = from;

    public string KeySql { get; } = keySql;

    public IReadOnlyList<SqlColumn> Columns { get; } = columns;

    public string FilterInputName => TypeName + "Filter";

    public string OrderInputName => TypeName + "Order";

    public SqlColumn? Find(string field) => Columns.FirstOrDefault(c => c.Field == field);

    /// <summary>The operation input type of a kind (String/DateTime from Sales' schema, Int/Long/Decimal from Scoring's).</summary>
    public static string OperationInput(SqlKind kind) => kind switch
    {
        SqlKind.String => "StringFilter",
        SqlKind.Int => "IntFilter",
        SqlKind.Long => "LongFilter",
        SqlKind.Decimal => "DecimalFilter",
        _ => "DateTimeFilter",
    };
}
