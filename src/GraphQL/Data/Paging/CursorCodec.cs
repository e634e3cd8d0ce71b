using System.Buffers.Binary;
using System.Text;

namespace RfmGraph.GraphQL.Data.Paging;

/// <summary>
/// Opaque cursors: base64url of <c>[version][sort hash][key count][typed key values...][checksum]</c>.
/// The sort hash binds a cursor to the sort it was issued for (a cursor from another order is rejected rather
/// than silently seeking to a meaningless position); the checksum catches edits. Cursors are not secret: at
/// worst a forged one seeks to another position, and its values only ever become SQL parameters.
/// </summary>
internal static class CursorCodec
{
    private const byte Version = 1;

    private enum Tag : byte
    {
        Null = 0,
        String = 1,
        Int32 = 2,
        Int64 = 3,
        Decimal = 4,
        Double = 5,
        Boolean = 6,
        DateTime = 7,
        DateTimeOffset = 8,
        DateOnly = 9,
        Guid = 10,
        Int16 = 11,
        Byte = 12,
        Single = 13,
    }

    public static uint Hash(string text) => Fnv(Encoding.UTF8.GetBytes(text));

    public static string Encode(uint sortHash, IReadOnlyList<object?> values)
    {
        using var stream = new MemoryStream(64);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(sortHash);
            writer.Write((byte)values.Count);
            foreach (var value in values)
            {
                Write(writer, value);
            }
        }
        var payload = stream.ToArray();
        var bytes = new byte[payload.Length + 4];
        payload.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(payload.Length), Fnv(payload));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decodes a cursor issued for <paramref name="sortHash"/> whose values have <paramref name="types"/>.</summary>
    public static object?[] Decode(string cursor, uint sortHash, IReadOnlyList<Type> types)
    {
        try
        {
            var bytes = FromBase64Url(cursor);
            if (bytes.Length < 10 || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)) != Fnv(bytes.AsSpan(0, bytes.Length - 4)))
            {
                throw Invalid(cursor);
            }
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - 4), Encoding.UTF8);
            if (reader.ReadByte() != Version || reader.ReadUInt32() != sortHash || reader.ReadByte() != types.Count)
            {
                throw Invalid(cursor);
            }
            var values = new object?[types.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Read(reader);
                var expected = Nullable.GetUnderlyingType(types[i]) ?? types[i];
                var valueType = expected.IsEnum ? Enum.GetUnderlyingType(expected) : expected;
                if (values[i] is { } v && v.GetType() != valueType)
                {
                    throw Invalid(cursor);
                }
                if (values[i] is null && types[i].IsValueType && Nullable.GetUnderlyingType(types[i]) is null)
                {
                    throw Invalid(cursor);
                }
                if (expected.IsEnum && values[i] is { } raw)
                {
                    values[i] = Enum.ToObject(expected, raw);
                }
            }
            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw Invalid(cursor);
            }
            return values;
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException or ArgumentException or OverflowException or DecoderFallbackException)
        {
            throw Invalid(cursor);
        }
    }

    public static GraphQLException Invalid(string cursor) =>
        new($"The cursor '{cursor}' is not valid for this connection.", "INVALID_CURSOR");

    private static void Write(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.Write((byte)Tag.Null); break;
            case string s: writer.Write((byte)Tag.String); writer.Write(s); break;
            case int i: writer.Write((byte)Tag.Int32); writer.Write(i); break;
            case long l: writer.Write((byte)Tag.Int64); writer.Write(l); break;
            case decimal m: writer.Write((byte)Tag.Decimal); writer.Write(m); break;
            case double d: writer.Write((byte)Tag.Double); writer.Write(d); break;
            case float f: writer.Write((byte)Tag.Single); writer.Write(f); break;
            case bool b: writer.Write((byte)Tag.Boolean); writer.Write(b); break;
            case DateTime t: writer.Write((byte)Tag.DateTime); writer.Write(t.ToBinary()); break;
            case DateTimeOffset o: writer.Write((byte)Tag.DateTimeOffset); writer.Write(o.UtcTicks); writer.Write((short)o.Offset.TotalMinutes); break;
            case DateOnly date: writer.Write((byte)Tag.DateOnly); writer.Write(date.DayNumber); break;
            case Guid g: writer.Write((byte)Tag.Guid); writer.Write(g.ToByteArray()); break;
            case short sh: writer.Write((byte)Tag.Int16); writer.Write(sh); break;
            case byte by: writer.Write((byte)Tag.Byte); writer.Write(by); break;
            case Enum e: Write(writer, Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture)); break;
            default: throw new InvalidOperationException($"A {value.GetType().Name} cannot be a cursor key.");
        }
    }

    private static object? Read(BinaryReader reader) => (Tag)reader.ReadByte() switch
    {
        Tag.Null => null,
        Tag.String => reader.ReadString(),
        Tag.Int32 => reader.ReadInt32(),
        Tag.Int64 => reader.ReadInt64(),
        Tag.Decimal => reader.ReadDecimal(),
        Tag.Double => reader.ReadDouble(),
        Tag.Single => reader.ReadSingle(),
        Tag.Boolean => reader.ReadBoolean(),
        Tag.DateTime => DateTime.FromBinary(reader.ReadInt64()),
        Tag.DateTimeOffset => ReadOffset(reader),
        Tag.DateOnly => DateOnly.FromDayNumber(reader.ReadInt32()),
        Tag.Guid => new Guid(reader.ReadBytes(16)),
        Tag.Int16 => reader.ReadInt16(),
        Tag.Byte => reader.ReadByte(),
        _ => throw new FormatException(),
    };

    private static DateTimeOffset ReadOffset(BinaryReader reader)
    {
        var ticks = reader.ReadInt64();
        var offset = TimeSpan.FromMinutes(reader.ReadInt16());
        return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset);
    }

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s = (s.Length % 4) switch { 2 => s + "==", 3 => s + "=", 0 => s, _ => throw new FormatException() };
        return Convert.FromBase64String(s);
    }

    private static uint Fnv(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }
        return hash;
    }
}
