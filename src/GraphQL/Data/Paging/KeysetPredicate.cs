using System.Linq.Expressions;
using System.Reflection;
using RfmGraph.GraphQL.Data.Querying;
using RfmGraph.GraphQL.Data.Sorting;

namespace RfmGraph.GraphQL.Data.Paging;

/// <summary>
/// "Rows strictly after this position in this sort" as an expression EF Core translates: the row-value
/// comparison (k1, k2, k3) &gt; (v1, v2, v3) expanded to
/// <c>k1 &gt; v1 OR (k1 = v1 AND k2 &gt; v2) OR (k1 = v1 AND k2 = v2 AND k3 &gt; v3)</c>, with &lt; for descending
/// keys and null-aware branches for nullable keys, plus a redundant leading <c>k1 &gt;= v1</c> that lets the
/// database seek an index on the first key instead of filtering from the start of the index.
/// </summary>
internal static class KeysetPredicate
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static Expression<Func<T, bool>> After<T>(SortSpec sort, IReadOnlyList<object?> values)
    {
        var row = Expression.Parameter(typeof(T), "x");
        Expression? disjunction = null;
        Expression? prefixEqual = null;
        for (var i = 0; i < sort.Keys.Count; i++)
        {
            var key = sort.Keys[i];
            var access = key.Access(row);
            var strictlyAfter = After(access, key, values[i]);
            if (strictlyAfter is not null)
            {
                var branch = prefixEqual is null ? strictlyAfter : Expression.AndAlso(prefixEqual, strictlyAfter);
                disjunction = disjunction is null ? branch : Expression.OrElse(disjunction, branch);
            }
            var equal = Equal(access, values[i]);
            prefixEqual = prefixEqual is null ? equal : Expression.AndAlso(prefixEqual, equal);
        }
        var body = disjunction ?? Expression.Constant(false);
        var first = sort.Keys[0];
        if (!first.IsNullable && values[0] is not null && sort.Keys.Count > 1 && first.Type != typeof(bool))
        {
            var access = first.Access(row);
            var bound = Compare(access, values[0], first.Descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual);
            body = Expression.AndAlso(bound, body);
        }
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    /// <summary>"After v" for one key; null when no value can be after v (the branch is dropped).</summary>
    private static Expression? After(Expression access, SortKey key, object? value)
    {
        if (key.IsNullable)
        {
            var isNull = NullCheck.IsNull(access);
            // Nulls sort last ascending, first descending (see SortSpec.Apply).
            if (value is null)
            {
                return key.Descending ? Expression.Not(isNull) : null;
            }
            var compared = Compare(access, value, key.Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
            return key.Descending ? compared : Expression.OrElse(compared, isNull);
        }
        return Compare(access, value, key.Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
    }

    private static Expression Equal(Expression access, object? value) => value is null
        ? NullCheck.IsNull(access)
        : Expression.Equal(access, QueryParameter.Of(value, access.Type));

    private static Expression Compare(Expression access, object? value, ExpressionType comparison)
    {
        var type = Nullable.GetUnderlyingType(access.Type) ?? access.Type;
        if (type == typeof(string))
        {
            // string.Compare(a, b) > 0 is what EF Core translates to a > b (the database collation decides).
            var call = Expression.Call(StringCompare, access, QueryParameter.Of(value, typeof(string)));
            return Expression.MakeBinary(comparison, call, Expression.Constant(0));
        }
        if (type == typeof(bool))
        {
            // false < true; comparisons on bool have no operator in expression trees.
            var v = (bool)value!;
            return comparison switch
            {
                ExpressionType.GreaterThan => v ? Expression.Constant(false) : Expression.Equal(access, Expression.Constant(true, access.Type)),
                ExpressionType.LessThan => v ? Expression.Equal(access, Expression.Constant(false, access.Type)) : Expression.Constant(false),
                _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
            };
        }
        var parameter = QueryParameter.Of(value, access.Type);
        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            var target = access.Type == type ? underlying : typeof(Nullable<>).MakeGenericType(underlying);
            return Expression.MakeBinary(comparison, Expression.Convert(access, target), Expression.Convert(parameter, target));
        }
        return Expression.MakeBinary(comparison, access, parameter);
    }
}
