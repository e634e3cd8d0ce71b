using System.Text;

namespace RfmGraph.Platform.Redis;

/// <summary>What a RESP reply is (RESP2's five kinds, plus the RESP3 kinds a server may send).</summary>
public enum RespKind
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
    Null,
    Boolean,
    Double,
    Push,
}

/// <summary>One parsed reply. Bulk strings keep their bytes; arrays (and RESP3 maps, sets, pushes) their items.</summary>
public sealed class RespValue
{
    public static readonly RespValue Nil = new(RespKind.Null, null, 0, null);

    private RespValue(RespKind kind, byte[]? bytes, long integer, IReadOnlyList<RespValue>? items)
    {
        Kind = kind;
        Bytes = bytes;
        Integer = integer;
        Items = items;
    }

    public RespKind Kind { get; }

    /// <summary>The payload of simple strings, errors, bulk strings and doubles (as text); null otherwise.</summary>
    public byte[]? Bytes { get; }

    /// <summary>The value of an integer (or boolean: 1/0) reply.</summary>
    public long Integer { get; }

    /// <summary>The elements of an array, map (key, value, key, value…), set or push; null otherwise.</summary>
    public IReadOnlyList<RespValue>? Items { get; }

    public bool IsNull => Kind == RespKind.Null;

    public static RespValue Simple(byte[] text) => new(RespKind.SimpleString, text, 0, null);

    public static RespValue Error(byte[] text) => new(RespKind.Error, text, 0, null);

    public static RespValue FromInteger(long value) => new(RespKind.Integer, null, value, null);

    public static RespValue Bulk(byte[] bytes) => new(RespKind.BulkString, bytes, 0, null);

    public static RespValue FromBoolean(bool value) => new(RespKind.Boolean, null, value ? 1 : 0, null);

    public static RespValue FromDouble(byte[] text) => new(RespKind.Double, text, 0, null);

    public static RespValue FromItems(RespKind kind, IReadOnlyList<RespValue> items) => new(kind, null, 0, items);

    /// <summary>The text of a string-like reply (UTF-8), null for a null reply.</summary>
    public string? AsString() => Bytes is null ? (Kind == RespKind.Integer ? Integer.ToString(System.Globalization.CultureInfo.InvariantCulture) : null) : Encoding.UTF8.GetString(Bytes);

    public override string ToString() => Kind switch
    {
        RespKind.Null => "(nil)",
        RespKind.Integer or RespKind.Boolean => $"{Kind}:{Integer}",
        RespKind.Array or RespKind.Push => $"{Kind}[{string.Join(", ", Items!)}]",
        _ => $"{Kind}:{AsString()}",
    };
}
