using System.Globalization;

namespace RfmGraph.GraphQL.Data.Querying;

/// <summary>
/// Converts a coerced GraphQL input value (Int → int, DateTime → DateTimeOffset, ID → string...) to the CLR type
/// of the member it is compared with.
/// </summary>
internal static class ValueConversion
{
    public static object? To(Type target, object? value, string path)
    {
        if (value is null)
        {
            return null;
        }
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type.IsInstanceOfType(value))
        {
            return type == typeof(DateTimeOffset) ? ((DateTimeOffset)value).ToUniversalTime() : value;
        }
        try
        {
            return value switch
            {
                // PostgreSQL timestamptz round-trips UTC only; Npgsql rejects other kinds and offsets.
                DateTimeOffset offset when type == typeof(DateTime) => offset.UtcDateTime,
                string id when type == typeof(Guid) => Guid.Parse(id, CultureInfo.InvariantCulture),
                int or long or double or decimal when type.IsPrimitive || type == typeof(decimal) => Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
                _ => throw new FormatException(),
            };
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidCastException)
        {
            throw new GraphQLException($"The value at '{path}' is not a valid {type.Name} for this field.", "INVALID_FILTER_VALUE");
        }
    }
}
