using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RfmGraph.Platform.GraphQL.Querying;

/// <summary>
/// Opaque keyset cursors: base64url of JSON <c>{"o": order signature, "v": [sort key values as text]}</c>.
/// The signature binds a cursor to the sort it was made with, so a cursor from another sort (or a tampered one)
/// is a clear error instead of a wrong page.
/// </summary>
public static class SqlCursor
{
    public static string Encode(string signature, IReadOnlyList<object> values)
    {
        var text = values.Select(Text).ToArray();
        var json = JsonSerializer.SerializeToUtf8Bytes(new CursorBody(signature, text), CursorJson.Default.CursorBody);
        return Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static object[] Decode(string cursor, string signature, IReadOnlyList<SqlKey> keys)
    {
        CursorBody? body;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            body = JsonSerializer.Deserialize(Convert.FromBase64String(base64), CursorJson.Default.CursorBody);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw SqlFilter.Error("Invalid cursor: it was not produced by this connection.");
        }

        if (body is null || body.O != signature || body.V is null || body.V.Length != keys.Count)
        {
            throw SqlFilter.Error("Invalid cursor: it belongs to another sort order or connection; start again without after/before.");
        }

        try
        {
            return keys.Select((k, i) => Parse(k.Kind, body.V[i])).ToArray();
        }
        catch (FormatException)
        {
            throw SqlFilter.Error("Invalid cursor: its values are malformed.");
        }
    }

    private static string Text(object value) => value switch
    {
        DateTimeOffset d => d.UtcTicks.ToString(CultureInfo.InvariantCulture),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)).UtcTicks.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static object Parse(SqlKind kind, string text) => kind switch
    {
        SqlKind.String => text,
        SqlKind.Int => int.Parse(text, CultureInfo.InvariantCulture),
        SqlKind.Long => long.Parse(text, CultureInfo.InvariantCulture),
        SqlKind.Decimal => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
        _ => new DateTimeOffset(long.Parse(text, CultureInfo.InvariantCulture), TimeSpan.Zero),
    };

    public static string Signature(IEnumerable<SqlKey> keys) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", keys.Select(k => k.Sql + (k.Descending ? " DESC" : " ASC"))))))[..12];
}

/// <summary>A sort key: expression, kind (for cursors) and direction.</summary>
public sealed record SqlKey(string Sql, SqlKind Kind, bool Descending);

public sealed record CursorBody(string O, string[] V);

[System.Text.Json.Serialization.JsonSerializable(typeof(CursorBody))]
public sealed partial class CursorJson : System.Text.Json.Serialization.JsonSerializerContext;
