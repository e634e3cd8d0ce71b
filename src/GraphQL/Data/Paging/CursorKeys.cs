using System.Collections.Concurrent;
using System.Linq.Expressions;
using RfmGraph.GraphQL.Data.Sorting;

namespace RfmGraph.GraphQL.Data.Paging;

/// <summary>Reads a row's sort-key values (what its cursor encodes); compiled once per sort shape.</summary>
internal static class CursorKeys
{
    private static readonly ConcurrentDictionary<string, Delegate> Readers = new(StringComparer.Ordinal);

    public static Func<T, object?[]> Reader<T>(SortSpec sort) =>
        (Func<T, object?[]>)Readers.GetOrAdd(sort.Signature, _ => Compile<T>(sort));

    private static Func<T, object?[]> Compile<T>(SortSpec sort)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var values = sort.Keys.Select(key => SafeAccess(row, key)).ToArray();
        return Expression.Lambda<Func<T, object?[]>>(Expression.NewArrayInit(typeof(object), values), row).Compile();
    }

    /// <summary>Walks the member path, giving null when an intermediate object is null.</summary>
    private static Expression SafeAccess(Expression row, SortKey key)
    {
        Expression current = row;
        var guards = new List<Expression>();
        foreach (var property in key.Path)
        {
            if (!current.Type.IsValueType && current != row)
            {
                guards.Add(Expression.Equal(current, Expression.Constant(null, current.Type)));
            }
            current = Expression.Property(current, property);
        }
        Expression result = Expression.Convert(current, typeof(object));
        foreach (var guard in Enumerable.Reverse(guards))
        {
            result = Expression.Condition(guard, Expression.Constant(null, typeof(object)), result);
        }
        return result;
    }
}
