using System.Linq.Expressions;

namespace RfmGraph.GraphQL.Data.Querying;

/// <summary>
/// Puts a client-supplied value into an expression tree as a captured field instead of a constant, so that
/// LINQ providers (EF Core) send it as a SQL parameter: the SQL text, and the provider's compiled-query cache
/// entry, stay the same whatever value the client sends.
/// </summary>
internal static class QueryParameter
{
    public static Expression Of(object? value, Type type)
    {
        var holderType = typeof(Holder<>).MakeGenericType(type);
        var holder = Activator.CreateInstance(holderType, value)!;
        return Expression.Field(Expression.Constant(holder), nameof(Holder<int>.Value));
    }

    private sealed class Holder<T>(T value)
    {
        // A public field (not a property): EF Core's parameter extraction recognises field access on a constant.
        public readonly T Value = value;
    }
}
