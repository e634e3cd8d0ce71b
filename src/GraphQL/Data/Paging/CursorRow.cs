using System.Linq.Expressions;
using RfmGraph.GraphQL.Data.Sorting;

namespace RfmGraph.GraphQL.Data.Paging;

/// <summary>
/// A page row together with its sort-key values, read in the same SQL statement: the cursor is built from what
/// the database compared (including keys on joined rows, e.g. Category.Name), whatever the row projection loads.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
internal sealed class CursorRow<T>
{
    public T Row { get; set; } = default!;

    public object?[] Keys { get; set; } = [];

    /// <summary><c>x =&gt; new CursorRow { Row = projection(x) ?? x, Keys = new object[] { k1, k2, ... } }</c>.</summary>
    public static Expression<Func<T, CursorRow<T>>> Selector(SortSpec sort, Expression<Func<T, T>>? projection)
    {
        var row = projection?.Parameters[0] ?? Expression.Parameter(typeof(T), "x");
        var keys = Expression.NewArrayInit(typeof(object), sort.Keys.Select(k => Expression.Convert(k.Access(row), typeof(object))));
        var body = Expression.MemberInit(
            Expression.New(typeof(CursorRow<T>)),
            Expression.Bind(typeof(CursorRow<T>).GetProperty(nameof(Row))!, projection?.Body ?? row),
            Expression.Bind(typeof(CursorRow<T>).GetProperty(nameof(Keys))!, keys));
        return Expression.Lambda<Func<T, CursorRow<T>>>(body, row);
    }
}
