using System.Linq.Expressions;

namespace RfmGraph.GraphQL.Data.Querying;

/// <summary><c>x == null</c> for any member type (non-nullable value types are lifted first, e.g. a column of an optional join).</summary>
internal static class NullCheck
{
    public static Expression IsNull(Expression access)
    {
        var type = access.Type;
        if (type.IsValueType && Nullable.GetUnderlyingType(type) is null)
        {
            type = typeof(Nullable<>).MakeGenericType(type);
            access = Expression.Convert(access, type);
        }
        return Expression.Equal(access, Expression.Constant(null, type));
    }
}
