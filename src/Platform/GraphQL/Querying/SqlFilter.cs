using System.Collections;
using System.Globalization;
using Npgsql;
using RfmGraph.GraphQL;

namespace RfmGraph.Platform.GraphQL.Querying;

/// <summary>
/// Turns a coerced <c>where</c> argument into a parameterised SQL predicate. Field names come from the model,
/// never from the request, so nothing the client sends is spliced into the SQL text.
/// </summary>
public static class SqlFilter
{
    public static string Compile(SqlModel model, object? where, List<NpgsqlParameter> parameters)
    {
        if (where is not IReadOnlyDictionary<string, object?> map || map.Count == 0)
        {
            return "TRUE";
        }

        var parts = new List<string>();
        foreach (var (name, value) in map)
        {
            switch (name)
            {
                case "and":
                    parts.Add(Combine(model, value, " AND ", parameters));
                    break;
                case "or":
                    parts.Add(Combine(model, value, " OR ", parameters));
                    break;
                default:
                    var column = model.Find(name) ?? throw Error($"Unknown filter field \"{name}\".");
                    parts.Add(Operations(column, value, parameters));
                    break;
            }
        }

        return "(" + string.Join(" AND ", parts) + ")";
    }

    private static string Combine(SqlModel model, object? value, string separator, List<NpgsqlParameter> parameters)
    {
        var items = Items(value).Select(v => Compile(model, v, parameters)).ToList();
        if (items.Count == 0)
        {
            return separator == " AND " ? "TRUE" : "FALSE";
        }

        return "(" + string.Join(separator, items) + ")";
    }

    private static string Operations(SqlColumn column, object? value, List<NpgsqlParameter> parameters)
    {
        if (value is not IReadOnlyDictionary<string, object?> operations || operations.Count == 0)
        {
            return "TRUE";
        }

        var parts = new List<string>();
        foreach (var (op, operand) in operations)
        {
            parts.Add(Operation(column, op, operand, parameters));
        }

        return string.Join(" AND ", parts);
    }

    private static string Operation(SqlColumn column, string op, object? operand, List<NpgsqlParameter> parameters)
    {
        var sql = column.Sql;
        if (operand is null)
        {
            return op switch
            {
                "eq" => $"{sql} IS NULL",
                "neq" => $"{sql} IS NOT NULL",
                _ => throw Error($"Filter operation \"{op}\" on \"{column.Field}\" needs a value."),
            };
        }

        if (op is "in" or "nin")
        {
            var list = Items(operand).Select(v => Convert(column, v)).ToArray();
            var p = Add(parameters, ArrayOf(column.Kind, list));
            return op == "in" ? $"{sql} = ANY({p})" : $"NOT ({sql} = ANY({p}))";
        }

        var name = Add(parameters, Convert(column, operand));
        return op switch
        {
            "eq" => $"{sql} = {name}",
            "neq" => $"{sql} IS DISTINCT FROM {name}",
            "gt" => $"{sql} > {name}",
            "gte" => $"{sql} >= {name}",
            "lt" => $"{sql} < {name}",
            "lte" => $"{sql} <= {name}",
            // strpos/starts_with/right avoid LIKE, whose wildcards in user text would need escaping.
            "contains" => $"strpos({sql}, {name}) > 0",
            "startsWith" => $"starts_with({sql}, {name})",
            "endsWith" => $"right({sql}, length({name})) = {name}",
            _ => throw Error($"Unknown filter operation \"{op}\"."),
        };
    }

    public static object Convert(SqlColumn column, object? value) => column.Kind switch
    {
        SqlKind.String => value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        SqlKind.Int => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
        SqlKind.Long => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
        SqlKind.Decimal => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => value switch
        {
            DateTimeOffset d => d.ToUniversalTime(),
            DateTime d => new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero),
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).ToUniversalTime(),
            _ => throw Error($"\"{column.Field}\" expects a DateTime."),
        },
    };

    private static Array ArrayOf(SqlKind kind, object[] values) => kind switch
    {
        SqlKind.String => values.Cast<string>().ToArray(),
        SqlKind.Int => values.Cast<int>().ToArray(),
        SqlKind.Long => values.Cast<long>().ToArray(),
        SqlKind.Decimal => values.Cast<decimal>().ToArray(),
        _ => values.Cast<DateTimeOffset>().ToArray(),
    };

    public static string Add(List<NpgsqlParameter> parameters, object value)
    {
        var name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add(new NpgsqlParameter(name, value));
        return "@" + name;
    }

    public static IEnumerable<object?> Items(object? value) => value switch
    {
        null => [],
        string s => [s],
        IEnumerable e => e.Cast<object?>(),
        _ => [value],
    };

    public static GraphQLException Error(string message) => new(new GraphQLError(message));

}
