using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using RfmGraph.GraphQL.Data.Model;
using RfmGraph.GraphQL.Data.Querying;

namespace RfmGraph.GraphQL.Data.Filtering;

/// <summary>
/// Compiles a coerced <c>where</c> argument (nested dictionaries, as the engine coerces input objects) into an
/// <see cref="Expression{TDelegate}"/> that LINQ providers translate: EF Core turns it into one SQL WHERE clause,
/// LINQ-to-objects evaluates it the same way (null-safe, ordinal string comparison).
/// </summary>
internal static class FilterCompiler
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    private static readonly MethodInfo EnumerableContains = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    public static Expression<Func<T, bool>>? Compile<T>(DataTypeModel model, IReadOnlyDictionary<string, object?>? filter, string path = "where")
    {
        if (filter is null)
        {
            return null;
        }
        var parameter = Expression.Parameter(typeof(T), "x");
        var body = Object(parameter, model, filter, path);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    /// <summary>The conjunction of every condition in one filter object; null when it has none (matches all).</summary>
    private static Expression? Object(Expression instance, DataTypeModel model, IReadOnlyDictionary<string, object?> filter, string path)
    {
        Expression? result = null;
        foreach (var (name, value) in filter)
        {
            var fieldPath = path + "." + name;
            var condition = name switch
            {
                FilterInputTypes.And => Combine(instance, model, value, fieldPath, Expression.AndAlso),
                FilterInputTypes.Or => Combine(instance, model, value, fieldPath, Expression.OrElse),
                _ => Field(instance, model.Find(name) ?? throw Error($"'{fieldPath}' is not a filterable field."), value, fieldPath),
            };
            result = And(result, condition);
        }
        return result;
    }

    private static Expression? Combine(Expression instance, DataTypeModel model, object? value, string path, Func<Expression, Expression, Expression> join)
    {
        if (value is null)
        {
            return null;
        }
        var items = (IList)value;
        if (items.Count == 0)
        {
            throw Error($"'{path}' must contain at least one condition.");
        }
        Expression? result = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = Object(instance, model, (IReadOnlyDictionary<string, object?>)items[i]!, $"{path}[{i}]") ?? Expression.Constant(true);
            result = result is null ? item : join(result, item);
        }
        return result;
    }

    private static Expression? Field(Expression instance, DataMember member, object? value, string path)
    {
        if (value is null)
        {
            // `name: null` gives no condition, like an absent field (HotChocolate does the same).
            return null;
        }
        var operations = (IReadOnlyDictionary<string, object?>)value;
        var access = member.Access(instance);
        if (member.Kind == DataFieldKind.Object)
        {
            var nested = Object(access, member.Nested!(), operations, path);
            if (nested is null)
            {
                return null;
            }
            // A nested condition only holds when the nested object exists.
            return member.IsNullable ? Expression.AndAlso(Expression.NotEqual(access, Expression.Constant(null, access.Type)), nested) : nested;
        }
        Expression? result = null;
        foreach (var (operation, operand) in operations)
        {
            result = And(result, Operation(access, member, operation, operand, path + "." + operation));
        }
        return result;
    }

    private static Expression Operation(Expression access, DataMember member, string operation, object? operand, string path)
    {
        var type = access.Type;
        if (operand is null && operation is FilterOperations.Eq or FilterOperations.Neq && type.IsValueType && Nullable.GetUnderlyingType(type) is null)
        {
            // A non-nullable column is never null.
            return Expression.Constant(operation == FilterOperations.Neq);
        }
        switch (operation)
        {
            case FilterOperations.Eq:
                return Expression.Equal(access, Parameter(type, operand, path));
            case FilterOperations.Neq:
                return Expression.NotEqual(access, Parameter(type, operand, path));
            case FilterOperations.In:
                return In(access, operand, path);
            case FilterOperations.Nin:
                return Expression.Not(In(access, operand, path));
        }
        if (operand is null)
        {
            throw Error($"'{path}' does not accept null.");
        }
        var value = Parameter(type, operand, path);
        return operation switch
        {
            FilterOperations.Gt => Expression.GreaterThan(access, value),
            FilterOperations.Gte => Expression.GreaterThanOrEqual(access, value),
            FilterOperations.Lt => Expression.LessThan(access, value),
            FilterOperations.Lte => Expression.LessThanOrEqual(access, value),
            FilterOperations.Contains => Text(access, member, StringContains, value),
            FilterOperations.NotContains => Expression.Not(Text(access, member, StringContains, value)),
            FilterOperations.StartsWith => Text(access, member, StringStartsWith, value),
            FilterOperations.NotStartsWith => Expression.Not(Text(access, member, StringStartsWith, value)),
            FilterOperations.EndsWith => Text(access, member, StringEndsWith, value),
            FilterOperations.NotEndsWith => Expression.Not(Text(access, member, StringEndsWith, value)),
            _ => throw Error($"'{path}' is not a known filter operation."),
        };
    }

    private static Expression Text(Expression access, DataMember member, MethodInfo method, Expression value)
    {
        var call = Expression.Call(access, method, value);
        // Guarded so LINQ-to-objects does not throw on null rows; SQL gives the same answer (NULL LIKE x is not true).
        return member.IsNullable ? Expression.AndAlso(Expression.NotEqual(access, Expression.Constant(null, typeof(string))), call) : call;
    }

    private static Expression In(Expression access, object? operand, string path)
    {
        if (operand is null)
        {
            throw Error($"'{path}' does not accept null; give a list of values.");
        }
        var items = (IList)operand;
        var listType = typeof(List<>).MakeGenericType(access.Type);
        var list = (IList)Activator.CreateInstance(listType, items.Count)!;
        for (var i = 0; i < items.Count; i++)
        {
            list.Add(ValueConversion.To(access.Type, items[i], $"{path}[{i}]"));
        }
        // One array parameter: EF Core/Npgsql translate List.Contains to `= ANY(@p)`.
        return Expression.Call(EnumerableContains.MakeGenericMethod(access.Type), QueryParameter.Of(list, listType), access);
    }

    private static Expression Parameter(Type type, object? operand, string path)
    {
        if (operand is null)
        {
            // A null constant makes providers emit IS NULL / IS NOT NULL.
            return Expression.Constant(null, type);
        }
        return QueryParameter.Of(ValueConversion.To(type, operand, path), type);
    }

    private static Expression? And(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.AndAlso(left, right);

    private static GraphQLException Error(string message) => new(message, "INVALID_FILTER");
}
