using System.Linq.Expressions;
using System.Reflection;

namespace RfmGraph.GraphQL.Data.Sorting;

/// <summary>
/// A complete, deterministic sort: the client's keys followed by the type's unique key (the tie-breaker), so
/// every row has exactly one position — what keyset paging needs.
/// </summary>
internal sealed class SortSpec
{
    private static readonly MethodInfo[] OrderMethods =
    [
        Method(nameof(Queryable.OrderBy)), Method(nameof(Queryable.OrderByDescending)),
        Method(nameof(Queryable.ThenBy)), Method(nameof(Queryable.ThenByDescending)),
    ];

    public SortSpec(Type rowType, IReadOnlyList<SortKey> keys)
    {
        RowType = rowType;
        Keys = keys;
        Signature = rowType.FullName + "|" + string.Join(',', keys.Select(k => k.Signature));
    }

    public Type RowType { get; }

    public IReadOnlyList<SortKey> Keys { get; }

    public string Signature { get; }

    public SortSpec Reversed() => new(RowType, Keys.Select(k => k.Reversed()).ToList());

    /// <summary>
    /// Applies OrderBy/ThenBy. A nullable key first sorts on "is null" so that nulls come last ascending and first
    /// descending in every provider (PostgreSQL's default; LINQ-to-objects would put them first).
    /// </summary>
    public IQueryable<T> Apply<T>(IQueryable<T> source)
    {
        var row = Expression.Parameter(typeof(T), "x");
        var expression = source.Expression;
        var first = true;
        foreach (var key in Keys)
        {
            var access = key.Access(row);
            if (key.IsNullable)
            {
                expression = Order(expression, row, Querying.NullCheck.IsNull(access), key.Descending, first);
                first = false;
            }
            expression = Order(expression, row, access, key.Descending, first);
            first = false;
        }
        return source.Provider.CreateQuery<T>(expression);
    }

    private static Expression Order(Expression source, ParameterExpression row, Expression key, bool descending, bool first)
    {
        var method = OrderMethods[(first ? 0 : 2) + (descending ? 1 : 0)].MakeGenericMethod(row.Type, key.Type);
        return Expression.Call(method, source, Expression.Quote(Expression.Lambda(key, row)));
    }

    private static MethodInfo Method(string name) => typeof(Queryable).GetMethods()
        .Single(m => m.Name == name && m.GetParameters().Length == 2);
}
